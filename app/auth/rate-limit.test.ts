import { describe, expect, test } from 'vitest'
import { databasePath, getDb, openDatabase } from '#db/index.ts'
import {
	consumeRateLimit,
	consumeRateLimits,
	pruneRateLimitHits,
	RATE_LIMIT_RETENTION_MS,
	rateLimitBucket,
} from './rate-limit.server.ts'

const MINUTE = 60 * 1000
const start = new Date('2026-03-01T09:00:00.000Z')
const later = (ms: number) => new Date(start.getTime() + ms)
const fivePerQuarter = { limit: 5, windowMs: 15 * MINUTE }

async function tryTimes(bucket: string, times: number, at: Date): Promise<boolean[]> {
	const results: boolean[] = []
	for (let i = 0; i < times; i++) results.push(await consumeRateLimit(getDb(), bucket, fivePerQuarter, at))
	return results
}

describe('rate limits', () => {
	test('allows the limit and refuses the next', async () => {
		expect(await tryTimes('test:a', 6, start)).toEqual([true, true, true, true, true, false])
	})

	test('lets people back in when the window has passed', async () => {
		await tryTimes('test:b', 5, start)
		expect(await consumeRateLimit(getDb(), 'test:b', fivePerQuarter, later(15 * MINUTE - 1))).toBe(false)
		expect(await consumeRateLimit(getDb(), 'test:b', fivePerQuarter, later(15 * MINUTE))).toBe(true)
	})

	test('refused attempts are not counted', async () => {
		await tryTimes('test:c', 5, start)
		// Hammering at the limit does not push the window further out.
		await tryTimes('test:c', 10, later(10 * MINUTE))
		expect(await consumeRateLimit(getDb(), 'test:c', fivePerQuarter, later(15 * MINUTE))).toBe(true)
	})

	test('buckets are separate', async () => {
		await tryTimes('test:d', 5, start)
		expect(await consumeRateLimit(getDb(), 'test:e', fivePerQuarter, start)).toBe(true)
	})

	test('several buckets are taken together or not at all', async () => {
		await tryTimes('test:full', 5, start)
		const both = [
			{ bucket: 'test:full', ...fivePerQuarter },
			{ bucket: 'test:empty', ...fivePerQuarter },
		]
		expect(await consumeRateLimits(getDb(), both, start)).toBe(false)
		const hits = await getDb().selectFrom('rate_limit_hit').selectAll().where('bucket', '=', 'test:empty').execute()
		expect(hits).toEqual([])
	})

	test('hold across a restart: they live in the database', async () => {
		await tryTimes('test:restart', 5, start)
		// A second process (or the app after a restart) opens the same file afresh.
		const restarted = openDatabase(databasePath())
		try {
			expect(await consumeRateLimit(restarted, 'test:restart', fivePerQuarter, later(MINUTE))).toBe(false)
			expect(await consumeRateLimit(restarted, 'test:restart-other', fivePerQuarter, later(MINUTE))).toBe(true)
		} finally {
			await restarted.destroy()
		}
	})

	test('bucket names hash the address or IP, the same for any case', () => {
		const bucket = rateLimitBucket('sign-in-request', 'address', 'Anna@Example.se')
		expect(bucket).toBe(rateLimitBucket('sign-in-request', 'address', 'anna@example.se '))
		expect(bucket).not.toContain('anna')
		expect(bucket).toMatch(/^sign-in-request:address:[0-9a-f]{32}$/)
		expect(rateLimitBucket('sign-in-request', 'ip', '10.0.0.1')).not.toBe(
			rateLimitBucket('sign-in-request', 'ip', '10.0.0.2'),
		)
	})

	test('pruning removes only hits no window can see', async () => {
		await consumeRateLimit(getDb(), 'test:prune-old', fivePerQuarter, start)
		await consumeRateLimit(getDb(), 'test:prune-new', fivePerQuarter, later(RATE_LIMIT_RETENTION_MS - MINUTE))
		await pruneRateLimitHits(getDb(), later(RATE_LIMIT_RETENTION_MS))
		const left = await getDb()
			.selectFrom('rate_limit_hit')
			.select('bucket')
			.where('bucket', 'in', ['test:prune-old', 'test:prune-new'])
			.execute()
		expect(left).toEqual([{ bucket: 'test:prune-new' }])
	})
})
