import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { honeypotFilled } from '#app/common/honeypot.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import { inTransaction, type DB, type DbHandle } from '#db/index.ts'
import { lockKeys } from '#db/locks.ts'

/**
 * Rate limits kept in the database (table rate_limit_hit), so they hold across restarts and
 * between the web process and the worker. A bucket is a name such as "sign-in:address:<hash>";
 * each allowed action leaves one hit, and a limit counts the hits inside a sliding window.
 */
export interface RateLimit {
	/** How many actions the window allows. */
	limit: number
	/** The sliding window, in milliseconds; at most RATE_LIMIT_RETENTION_MS. */
	windowMs: number
}

/** Hits older than this are pruned by the worker, so no limit may have a longer window. */
export const RATE_LIMIT_RETENTION_MS = 24 * 60 * 60 * 1000

/**
 * A bucket name for a kind of action and who does it. The identifier (an address, an IP) is
 * hashed: the table is a counter, not a log of who asked for what.
 */
export function rateLimitBucket(
	action: string,
	kind: 'address' | 'ip' | 'person',
	identifier: string | number,
): string {
	const digest = encodeHexLowerCase(sha256(new TextEncoder().encode(String(identifier).trim().toLowerCase())))
	return `${action}:${kind}:${digest.slice(0, 32)}`
}

/**
 * Takes one action from several buckets at once: allowed only when every bucket has room, and
 * then each gets a hit. Refused attempts leave no hit, so a person who waits gets back in
 * whatever an attacker keeps trying. Returns false when any limit is reached.
 */
export async function consumeRateLimits(
	db: DbHandle,
	buckets: Array<{ bucket: string } & RateLimit>,
	now = new Date(),
): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		// Many requests at once on PostgreSQL would all count below the limit: one bucket, one at a time.
		await lockKeys(trx, ...buckets.map(({ bucket }) => `rate-limit:${bucket}`))
		for (const { bucket, limit, windowMs } of buckets) {
			const since = new Date(now.getTime() - windowMs).toISOString()
			const { hits } = await trx
				.selectFrom('rate_limit_hit')
				.select((eb) => eb.fn.countAll<number>().as('hits'))
				.where('bucket', '=', bucket)
				.where('at', '>', since)
				.executeTakeFirstOrThrow()
			if (Number(hits) >= limit) return false
		}
		if (buckets.length > 0) {
			await trx
				.insertInto('rate_limit_hit')
				.values(buckets.map(({ bucket }) => ({ bucket, at: now.toISOString() })))
				.execute()
		}
		return true
	})
}

/**
 * A limit that grows stricter for whoever keeps hitting it: `limit` actions per window, but each
 * time the window fills the next one is twice as long (15 minutes, then 30, 60, …), and never
 * more than `perDay` actions in a day. A quiet day starts over (the worker prunes older hits).
 */
export interface EscalatingLimit extends RateLimit {
	perDay: number
}

/** Why an escalating limit refused, and from when the next action is allowed. */
export interface LimitRefusal {
	until: Date
	daily: boolean
}

/**
 * Takes one action from an escalating bucket and from plain ones together: null when allowed (a
 * hit in each), else why not. Refused actions leave no hit, but the first refusal after a filled
 * window is noted (bucket + ":lockout"), which doubles the window for the rest of the day. A
 * plain bucket's refusal has no set end, so it reports `until` as now.
 */
export async function consumeEscalatingLimit(
	db: DbHandle,
	{ bucket, limit, windowMs, perDay }: { bucket: string } & EscalatingLimit,
	others: Array<{ bucket: string } & RateLimit>,
	now = new Date(),
): Promise<LimitRefusal | null> {
	return inTransaction(db, async (trx) => {
		// Every bucket at once, in lockKeys' one order, so two requests never hold one each and wait
		// for the other's; consumeRateLimits below asks again for locks this transaction already has.
		await lockKeys(trx, ...[bucket, ...others.map((other) => other.bucket)].map((name) => `rate-limit:${name}`))
		const dayAgo = new Date(now.getTime() - RATE_LIMIT_RETENTION_MS).toISOString()
		const hitsIn = async (name: string) =>
			(
				await trx
					.selectFrom('rate_limit_hit')
					.select('at')
					.where('bucket', '=', name)
					.where('at', '>', dayAgo)
					.orderBy('at', 'asc')
					.execute()
			).map((row) => new Date(row.at).getTime())
		const hits = await hitsIn(bucket)
		const lockouts = await hitsIn(`${bucket}:lockout`)
		if (hits.length >= perDay)
			return { until: new Date(hits[hits.length - perDay]! + RATE_LIMIT_RETENTION_MS), daily: true }
		const window = (count: number) => Math.min(windowMs * 2 ** count, RATE_LIMIT_RETENTION_MS)
		const recent = hits.filter((at) => at > now.getTime() - window(lockouts.length))
		if (recent.length >= limit) {
			// The first refusal since the window filled doubles the next window.
			let count = lockouts.length
			if (count === 0 || lockouts[count - 1]! < hits[hits.length - 1]!) {
				await trx
					.insertInto('rate_limit_hit')
					.values({ bucket: `${bucket}:lockout`, at: now.toISOString() })
					.execute()
				count += 1
			}
			const inWindow = hits.filter((at) => at > now.getTime() - window(count))
			return { until: new Date(inWindow[inWindow.length - limit]! + window(count)), daily: false }
		}
		if (!(await consumeRateLimits(trx, others, now))) return { until: now, daily: false }
		await trx.insertInto('rate_limit_hit').values({ bucket, at: now.toISOString() }).execute()
		return null
	})
}

/**
 * Takes one action from a bucket: true when it is allowed (and counted), false when the bucket
 * already holds `limit` hits within the last `windowMs`. Safe across processes (one IMMEDIATE
 * transaction on SQLite, the bucket's lock on PostgreSQL). Build the bucket name with rateLimitBucket, e.g.
 * `consumeRateLimit(db, rateLimitBucket('confirm-email', 'address', email), { limit: 5, windowMs: 15 * 60_000 })`.
 */
export async function consumeRateLimit(
	db: DbHandle,
	bucket: string,
	{ limit, windowMs }: RateLimit,
	now = new Date(),
): Promise<boolean> {
	return consumeRateLimits(db, [{ bucket, limit, windowMs }], now)
}

/** Deletes hits that no window can see any more; the worker calls it now and then. */
export async function pruneRateLimitHits(db: DB, now = new Date()): Promise<number> {
	const result = await db
		.deleteFrom('rate_limit_hit')
		.where('at', '<=', new Date(now.getTime() - RATE_LIMIT_RETENTION_MS).toISOString())
		.executeTakeFirst()
	return Number(result.numDeletedRows)
}

const HOUR_MS = 60 * 60 * 1000

/**
 * Limits on the public forms besides signing and signing in (which have their own): per person
 * (the signed-in account) and per network. A person's figure is several times what the busiest
 * real use we can think of needs in an hour (an organiser RSVPing for a month of events, a
 * resident voting down a Q&A's whole question list); a network's is higher still, because a
 * school, a library or a town hall puts many people behind one address. See docs/decisions/0020.
 */
export const PUBLIC_FORM_LIMITS = {
	rsvp: { perPerson: { limit: 60, windowMs: HOUR_MS }, perIp: { limit: 300, windowMs: HOUR_MS } },
	question: { perPerson: { limit: 60, windowMs: HOUR_MS }, perIp: { limit: 300, windowMs: HOUR_MS } },
	proposal: { perPerson: { limit: 10, windowMs: HOUR_MS }, perIp: { limit: 50, windowMs: HOUR_MS } },
	support: { perPerson: { limit: 60, windowMs: HOUR_MS }, perIp: { limit: 300, windowMs: HOUR_MS } },
	story: { perPerson: { limit: 10, windowMs: HOUR_MS }, perIp: { limit: 50, windowMs: HOUR_MS } },
	nomination: { perPerson: { limit: 20, windowMs: HOUR_MS }, perIp: { limit: 100, windowMs: HOUR_MS } },
	'partner-join': { perPerson: { limit: 5, windowMs: HOUR_MS }, perIp: { limit: 30, windowMs: HOUR_MS } },
	agreement: { perPerson: { limit: 30, windowMs: HOUR_MS }, perIp: { limit: 100, windowMs: HOUR_MS } },
} satisfies Record<string, { perPerson: RateLimit; perIp: RateLimit }>

export type PublicForm = keyof typeof PUBLIC_FORM_LIMITS

/**
 * Why a public form was turned away: the status, and the message in the request's language as the
 * form's own errors, so that `submission.reply(refusal)` shows it above the fields.
 */
export interface FormRefusal {
	status: 400 | 429
	formErrors: [string]
}

/**
 * The check at the top of a public form's action, before anything is read or stored: a filled
 * honeypot is refused with 400, then (when `limit` is given) the form's limits per person and per
 * network take one hit each, or refuse with 429. A honeypot refusal takes no hit, so it never
 * locks out the person behind the same network. Returns null when the form may go on.
 */
export async function refusePublicForm(
	db: DB,
	request: Request,
	form: FormData,
	limit?: { form: PublicForm; clientIp: string; person: number | string },
	now = new Date(),
): Promise<FormRefusal | null> {
	if (honeypotFilled(form))
		return { status: 400, formErrors: [(await getT(request, 'common'))('errors.honeypotFilled')] }
	if (!limit) return null
	const { perPerson, perIp } = PUBLIC_FORM_LIMITS[limit.form]
	const allowed = await consumeRateLimits(
		db,
		[
			{ bucket: rateLimitBucket(limit.form, 'person', limit.person), ...perPerson },
			{ bucket: rateLimitBucket(limit.form, 'ip', limit.clientIp), ...perIp },
		],
		now,
	)
	return allowed ? null : { status: 429, formErrors: [(await getT(request, 'common'))('errors.formTooOften')] }
}
