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
