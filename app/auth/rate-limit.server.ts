import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { inTransaction, type DB, type DbHandle } from '#db/index.ts'

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
export function rateLimitBucket(action: string, kind: 'address' | 'ip', identifier: string): string {
	const digest = encodeHexLowerCase(sha256(new TextEncoder().encode(identifier.trim().toLowerCase())))
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
 * transaction). Build the bucket name with rateLimitBucket, e.g.
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
