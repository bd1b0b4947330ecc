import { beforeAll, describe, expect, test } from 'vitest'
import { createSession, validateSessionToken } from '#app/auth/session.server.ts'
import { prepareVerification, verifyCode } from '#app/auth/verification.server.ts'
import { config } from '#app/config.server.ts'
import { readPactCounts } from '#app/pledge/counts.server.ts'
import { confirmSignature, signPledge } from '#app/pledge/pledge.server.ts'
import { purgeExpiredData } from '#app/retention.server.ts'
import { getDb } from '#db/index.ts'
import { addTestCommitments, chosenCount, signInput } from '#tests/support/pledge.ts'

/**
 * Issue 12: the worker's retention job. Everything is made at fixed moments, then the job runs
 * once just after each period has passed for some rows and not for others.
 */

const db = getDb()
const DAY = 24 * 60 * 60 * 1000
const t0 = new Date('2026-01-10T09:00:00.000Z')
const day = (n: number) => new Date(t0.getTime() + n * DAY)
const { unconfirmedDays, deliveryLogDays } = config.accounts.retention

let bike: number
beforeAll(async () => {
	;[bike] = (await addTestCommitments(db, ['transport'])) as [number]
})

async function signAt(at: Date, overrides: Parameters<typeof signInput>[0] = {}) {
	const input = signInput({ commitmentIds: [bike], ...overrides })
	await signPledge(db, input, { language: 'sv', now: at })
	const { id } = await db.selectFrom('user').select('id').where('email', '=', input.email).executeTakeFirstOrThrow()
	return { input, userId: id }
}

const signatureOf = (userId: number) =>
	db.selectFrom('signature').select('status').where('user_id', '=', userId).executeTakeFirst()
const userExists = async (userId: number) =>
	(await db.selectFrom('user').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined

describe('the retention job', () => {
	test(`unconfirmed signatures go after ${unconfirmedDays} days, with accounts nothing else uses; counts stay right`, async () => {
		const confirmed = await signAt(t0)
		await confirmSignature(db, confirmed.input.email, t0)
		const abandoned = await signAt(t0)
		const organiser = await signAt(t0)
		await db
			.insertInto('user_role')
			.values({ user_id: organiser.userId, role: 'organiser', granted_at: t0.toISOString() })
			.execute()
		const recent = await signAt(day(unconfirmedDays - 1))
		const signedAgain = await signAt(t0)
		await signPledge(db, { ...signedAgain.input, name: 'Ny Igen' }, { language: 'sv', now: day(20) })
		const [counts, bikeCount] = [await readPactCounts(db), await chosenCount(db, bike)]

		const report = await purgeExpiredData(db, day(unconfirmedDays + 1))
		expect(report).toMatchObject({ unconfirmedSignatures: 2, accounts: 1 })
		expect(await signatureOf(abandoned.userId)).toBeUndefined()
		expect(await userExists(abandoned.userId)).toBe(false)
		// An organiser's account stays; only the signature nobody confirmed goes.
		expect(await signatureOf(organiser.userId)).toBeUndefined()
		expect(await userExists(organiser.userId)).toBe(true)
		expect(await signatureOf(recent.userId)).toEqual({ status: 'pending' })
		expect(await signatureOf(signedAgain.userId)).toEqual({ status: 'pending' })
		expect(await signatureOf(confirmed.userId)).toEqual({ status: 'confirmed' })
		expect(
			await db
				.selectFrom('pledge_commitment')
				.select('id')
				.where('signature_id', 'not in', db.selectFrom('signature').select('id'))
				.execute(),
		).toEqual([])
		// Pending signatures never counted: the pact's and the commitment's counts do not move.
		expect(await readPactCounts(db)).toEqual(counts)
		expect(await chosenCount(db, bike)).toBe(bikeCount)
		// And a signature purged cannot be confirmed by a code found later.
		expect(await confirmSignature(db, abandoned.input.email, day(unconfirmedDays + 1))).toBeNull()
	})

	test('used and expired codes, expired sessions and old rate-limit hits go; live ones stay', async () => {
		const { userId, input } = await signAt(t0)
		await confirmSignature(db, input.email, t0)
		const used = 'used@example.se'
		const { code } = await prepareVerification(db, 'sign-in', used, t0)
		expect((await verifyCode(db, 'sign-in', used, code, t0)).ok).toBe(true)
		await prepareVerification(db, 'sign-in', 'expired@example.se', t0)
		const purgeAt = day(40)
		await prepareVerification(db, 'sign-in', 'live@example.se', new Date(purgeAt.getTime() - 60_000))
		const oldSession = await createSession(db, userId, t0)
		const liveSession = await createSession(db, userId, day(35))
		await db
			.insertInto('rate_limit_hit')
			.values([
				{ bucket: 'retention-test', at: day(38).toISOString() },
				{ bucket: 'retention-test', at: new Date(purgeAt.getTime() - 60_000).toISOString() },
			])
			.execute()

		const report = await purgeExpiredData(db, purgeAt)
		const targets = (await db.selectFrom('verification').select('target').execute()).map((r) => r.target)
		expect(targets).toContain('live@example.se')
		expect(targets).not.toContain(used)
		expect(targets).not.toContain('expired@example.se')
		expect(report.codes).toBeGreaterThanOrEqual(2)
		expect(await validateSessionToken(db, liveSession, purgeAt)).not.toBeNull()
		expect(report.sessions).toBe(1)
		expect(await db.selectFrom('session').select('id').where('user_id', '=', userId).execute()).toHaveLength(1)
		expect(oldSession).not.toBe(liveSession)
		expect(
			await db.selectFrom('rate_limit_hit').select('at').where('bucket', '=', 'retention-test').execute(),
		).toHaveLength(1)
	})

	test(`delivery logs go after ${deliveryLogDays} days; a newsletter's rows keep only their status for its statistics`, async () => {
		const row = (key: string, status: 'sent' | 'queued', createdAt: Date, newsletterId: number | null = null) => ({
			idempotency_key: key,
			to_address: `${key}@example.se`,
			subject: 'Ämne',
			html: '<p>hej</p>',
			text: 'hej',
			headers: '{}',
			attachments: '[]',
			status,
			next_attempt_at: createdAt.toISOString(),
			last_error: null,
			provider_id: null,
			created_at: createdAt.toISOString(),
			sent_at: status === 'sent' ? createdAt.toISOString() : null,
			newsletter_id: newsletterId,
		})
		const { id: newsletterId } = await db
			.insertInto('newsletter')
			.values({
				title: 'Januari',
				status: 'sent',
				segment: '{}',
				scheduled_at: null,
				recipient_count: 1,
				created_by: null,
				created_at: t0.toISOString(),
				updated_at: t0.toISOString(),
				queued_at: t0.toISOString(),
				finished_at: t0.toISOString(),
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		await db
			.insertInto('outbox')
			.values([
				row('old-sent', 'sent', t0),
				row('old-queued', 'queued', t0),
				row('recent-sent', 'sent', day(deliveryLogDays - 1)),
				row('old-newsletter', 'sent', t0, newsletterId),
			])
			.execute()

		await purgeExpiredData(db, day(deliveryLogDays + 1))
		const left = await db
			.selectFrom('outbox')
			.select(['idempotency_key', 'to_address', 'text', 'status'])
			.where('idempotency_key', 'in', ['old-sent', 'old-queued', 'recent-sent', 'old-newsletter'])
			.orderBy('idempotency_key')
			.execute()
		expect(left).toEqual([
			{ idempotency_key: 'old-newsletter', to_address: '', text: '', status: 'sent' },
			// Still waiting to go: nothing of it is forgotten.
			{ idempotency_key: 'old-queued', to_address: 'old-queued@example.se', text: 'hej', status: 'queued' },
			// Finished and younger than the period: kept for the delivery log, its body emptied.
			{ idempotency_key: 'recent-sent', to_address: 'recent-sent@example.se', text: '', status: 'sent' },
		])
	})
})
