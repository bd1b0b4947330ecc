import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { consumeRateLimits } from '#app/auth/rate-limit.server.ts'
import { MAX_CODE_ATTEMPTS, prepareVerification, verifyCode, verifyLinkToken } from '#app/auth/verification.server.ts'
import { cancelRsvp, rsvp, takeHelperShift } from '#app/events/rsvp.server.ts'
import { pairMentor } from '#app/mentoring/mentoring.server.ts'
import { deleteAccount } from '#app/privacy/delete-account.server.ts'
import { supportProposal, withdrawSupport } from '#app/proposals/support.server.ts'
import { askQuestion, setVote } from '#app/questions/questions.server.ts'
import { confirmSignature, signPledge } from '#app/pledge/pledge.server.ts'
import type { DB } from '#db/index.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { approvedPartner } from '#tests/support/partners-reports.ts'
import { addTestCommitments, keptCounts, recount, signInput } from '#tests/support/pledge.ts'
import { openProposal, proposalRow, signedPerson } from '#tests/support/proposals.ts'
import { emptyDatabase } from '#tests/setup/databases.ts'

/**
 * What SQLite's single writer (BEGIN IMMEDIATE, decision 0003) guaranteed must hold on PostgreSQL,
 * where a pool runs transactions side by side: many callers of the app's own functions at once,
 * each through its own connection. Only with TEST_DATABASE_URL: on SQLite these calls take turns
 * anyway and prove nothing. Each test gets a fresh database and a pool of its own (10 connections,
 * DATABASE_POOL_SIZE), so the calls really overlap. Without the locks of db/locks.ts each of these
 * fails: more people going than places, more allowed than the limit, attempts lost, a count moved
 * twice, a 500 on a unique index.
 */
/** Returns once another connection to this database waits for a lock held by a transaction here. */
async function untilOneWaitsForALock(db: DB): Promise<void> {
	for (;;) {
		const { rows } = await sql<{ n: number }>`
			select count(*)::int as n from pg_stat_activity
			where datname = current_database() and wait_event_type = 'Lock'
		`.execute(db)
		if (rows[0]!.n > 0) return
		await new Promise((resolve) => setTimeout(resolve, 10))
	}
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL, many writers at once', () => {
	let db: DB
	beforeEach(async () => {
		db = await emptyDatabase()
		// The pool opens its connections on demand: opened here, all at once (each held a moment),
		// so the calls below start together instead of queueing behind the first connection.
		await Promise.all(Array.from({ length: 10 }, () => sql`select pg_sleep(0.05)`.execute(db)))
	})
	afterEach(async () => {
		await db.destroy()
	})

	const inAWeek = () => new Date(Date.now() + 7 * 86_400_000)

	test('60 RSVPs for 10 places: exactly 10 going, the other 50 waiting in 50 distinct places', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, inAWeek(), { capacity: 10 })
		const people = await Promise.all(Array.from({ length: 60 }, () => makeUser(db)))

		const outcomes = await Promise.all(people.map((person) => rsvp(db, event.id, person.id)))

		expect(outcomes.filter((o) => o.kind === 'going')).toHaveLength(10)
		expect(outcomes.filter((o) => o.kind === 'waiting')).toHaveLength(50)
		const rows = await db
			.selectFrom('event_rsvp')
			.select(['status', 'position'])
			.where('event_id', '=', event.id)
			.execute()
		expect(rows.filter((row) => row.status === 'going')).toHaveLength(10)
		expect(new Set(rows.map((row) => row.position)).size).toBe(60)
		// Each person waiting was told a different place in the queue, 1 to 50.
		const places = outcomes.flatMap((o) => (o.kind === 'waiting' ? [o.placeInQueue] : []))
		expect(places.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
	})

	test('people leaving a full event while others RSVP: never more going than places, the queue kept in order', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, inAWeek(), { capacity: 5 })
		const first = await Promise.all(Array.from({ length: 10 }, () => makeUser(db)))
		for (const person of first) await rsvp(db, event.id, person.id)
		const later = await Promise.all(Array.from({ length: 10 }, () => makeUser(db)))

		await Promise.all([
			...first.slice(0, 5).map((person) => cancelRsvp(db, event.id, person.id)),
			...later.map((person) => rsvp(db, event.id, person.id)),
		])

		const rows = await db
			.selectFrom('event_rsvp')
			.select(['user_id', 'status', 'position'])
			.where('event_id', '=', event.id)
			.where('status', '!=', 'cancelled')
			.orderBy('position')
			.execute()
		// The five who waited first got the freed places; everyone after them waits.
		expect(rows.filter((row) => row.status === 'going').map((row) => row.user_id)).toEqual(
			first.slice(5).map((person) => person.id),
		)
		expect(rows.filter((row) => row.status === 'waiting')).toHaveLength(10)
		expect(new Set(rows.map((row) => row.position)).size).toBe(rows.length)
	})

	test('20 people taking a helper shift that needs 3: 3 get it', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, inAWeek(), { shifts: [{ id: null, title: 'Fika', needed: 3 }] })
		const shift = await db
			.selectFrom('event_helper_shift')
			.select('id')
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow()
		const people = await Promise.all(Array.from({ length: 20 }, () => makeUser(db)))

		const outcomes = await Promise.all(people.map((person) => takeHelperShift(db, shift.id, person.id)))

		expect(outcomes.filter((o) => o.kind === 'taken')).toHaveLength(3)
		const helpers = await db.selectFrom('event_helper').select('id').where('shift_id', '=', shift.id).execute()
		expect(helpers).toHaveLength(3)
	})

	test('four events with one title made at once get four addresses', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const startsAt = inAWeek()

		const events = await Promise.all([1, 2, 3, 4].map(() => makeEvent(db, organiser.id, startsAt)))

		expect(new Set(events.map((event) => event.slug)).size).toBe(4)
	})

	test('one mentee paired with three mentors at once: one mentorship, the others told the mentee is taken', async () => {
		const coordinator = await makeUser(db, { role: 'coordinator' })
		const mentee = await approvedPartner(db)
		const mentors = await Promise.all([1, 2, 3].map(() => approvedPartner(db)))

		const outcomes = await Promise.all(
			mentors.map((mentor) => pairMentor(db, { menteeId: mentee.id, mentorId: mentor.id }, coordinator.id)),
		)

		expect(outcomes.filter((o) => o.kind === 'paired')).toHaveLength(1)
		expect(outcomes.filter((o) => o.kind === 'refused' && o.reason === 'mentee-taken')).toHaveLength(2)
	})

	test('one signatory pressing Support ten times at once, and ten others once each: one support each', async () => {
		const { proposalId } = await openProposal(db)
		const twice = await signedPerson(db)
		const others = await Promise.all(Array.from({ length: 10 }, () => signedPerson(db)))
		const outcomes = await Promise.all([
			...Array.from({ length: 10 }, () => supportProposal(db, proposalId, twice.userId)),
			...others.map((person) => supportProposal(db, proposalId, person.userId)),
		])
		expect(outcomes.filter((o) => o.kind === 'supported' && o.changed)).toHaveLength(11)
		const rows = await db
			.selectFrom('proposal_support')
			.select('user_id')
			.where('proposal_id', '=', proposalId)
			.execute()
		expect(rows).toHaveLength(11)
		expect((await proposalRow(db, proposalId)).support_count).toBe(11)

		// Supporting and taking it back at the same moment: the kept count still equals the rows.
		await Promise.all(
			others.flatMap((person) => [
				withdrawSupport(db, proposalId, person.userId),
				supportProposal(db, proposalId, person.userId),
			]),
		)
		const left = await db
			.selectFrom('proposal_support')
			.select('user_id')
			.where('proposal_id', '=', proposalId)
			.execute()
		expect((await proposalRow(db, proposalId)).support_count).toBe(left.length)
	})

	test('votes on a question pressed at once, and taken back at once: one vote each, the count equals the votes', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const qa = await makeEvent(db, organiser.id, inAWeek(), { type: 'politician-qa' }, { now: new Date() })
		const asker = await makeUser(db)
		const asked = await askQuestion(db, qa, asker.id, 'Cykelväg till Råå?')
		if (asked.kind !== 'asked') throw new Error('the question was not taken')
		const voters = await Promise.all(Array.from({ length: 10 }, () => makeUser(db)))
		const voteCount = async () =>
			(
				await db
					.selectFrom('question')
					.select('vote_count')
					.where('id', '=', asked.questionId)
					.executeTakeFirstOrThrow()
			).vote_count
		const votes = async () =>
			(await db.selectFrom('question_vote').select('user_id').where('question_id', '=', asked.questionId).execute())
				.length

		// Each voter presses three times at once: the asker's vote and ten more.
		await Promise.all(voters.flatMap((v) => [1, 2, 3].map(() => setVote(db, qa, asked.questionId, v.id, true))))
		expect(await votes()).toBe(11)
		expect(await voteCount()).toBe(11)

		// Voting and taking it back at the same moment: whatever wins, the count follows the rows.
		await Promise.all(
			voters.flatMap((v) => [
				setVote(db, qa, asked.questionId, v.id, false),
				setVote(db, qa, asked.questionId, v.id, true),
				setVote(db, qa, asked.questionId, v.id, false),
			]),
		)
		expect(await voteCount()).toBe(await votes())
	})

	test('an account deleted while another support is being given: the recount includes it', async () => {
		const { proposalId } = await openProposal(db)
		const leaving = await signedPerson(db)
		await supportProposal(db, proposalId, leaving.userId)
		const other = await signedPerson(db)

		// The other support is written as supportProposal writes it, in a transaction held open
		// until the deletion waits for it: the deletion's recount must then see it.
		let deleting: Promise<unknown> | undefined
		await db.transaction().execute(async (trx) => {
			await trx
				.insertInto('proposal_support')
				.values({ proposal_id: proposalId, user_id: other.userId, created_at: new Date().toISOString() })
				.execute()
			await trx
				.updateTable('proposal')
				.set((eb) => ({ support_count: eb('support_count', '+', 1) }))
				.where('id', '=', proposalId)
				.execute()
			deleting = deleteAccount(db, leaving.userId, 'Borttagen')
			await untilOneWaitsForALock(db)
		})
		await deleting

		expect((await proposalRow(db, proposalId)).support_count).toBe(1)
	})

	test('30 requests at once against a limit of 5: 5 allowed', async () => {
		const bucket = 'race:person:one'
		const allowed = await Promise.all(
			Array.from({ length: 30 }, () => consumeRateLimits(db, [{ bucket, limit: 5, windowMs: 60_000 }])),
		)
		expect(allowed.filter(Boolean)).toHaveLength(5)
		const hits = await db.selectFrom('rate_limit_hit').select('id').where('bucket', '=', bucket).execute()
		expect(hits).toHaveLength(5)
	})

	test('wrong codes at once: every attempt counts, and the proof locks after the fifth', async () => {
		const email = signInput().email
		await prepareVerification(db, 'sign-in', email)

		const outcomes = await Promise.all(Array.from({ length: 12 }, () => verifyCode(db, 'sign-in', email, '000000')))

		const row = await db
			.selectFrom('verification')
			.select('attempts')
			.where('target', '=', email)
			.executeTakeFirstOrThrow()
		expect(row.attempts).toBe(MAX_CODE_ATTEMPTS)
		expect(outcomes.filter((o) => !o.ok && o.reason === 'invalid')).toHaveLength(MAX_CODE_ATTEMPTS - 1)
		expect(outcomes.filter((o) => !o.ok && o.reason === 'too-many-attempts')).toHaveLength(12 - MAX_CODE_ATTEMPTS + 1)
	})

	test('wrong codes at once for an address nobody asked a code for: one stand-in takes them all', async () => {
		const email = signInput().email

		await Promise.all(Array.from({ length: 12 }, () => verifyCode(db, 'sign-in', email, '000000')))

		const rows = await db.selectFrom('verification').select('attempts').where('target', '=', email).execute()
		expect(rows).toEqual([{ attempts: MAX_CODE_ATTEMPTS }])
	})

	test('an emailed link used twice at the same moment works once', async () => {
		const email = signInput().email
		const { linkToken } = await prepareVerification(db, 'sign-in', email)

		const outcomes = await Promise.all([1, 2, 3].map(() => verifyLinkToken(db, linkToken)))

		expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
	})

	test('a signature confirmed twice at the same moment counts once', async () => {
		const [bike] = (await addTestCommitments(db, ['transport'])) as [number]
		const input = signInput({ commitmentIds: [bike] })
		await signPledge(db, input, { language: 'sv' })
		const before = await keptCounts(db)

		const confirmed = await Promise.all([1, 2, 3].map(() => confirmSignature(db, input.email)))

		expect(confirmed.every((c) => c !== null)).toBe(true)
		const after = await keptCounts(db)
		expect(after.pact.residents).toBe(before.pact.residents + 1)
		expect(after.chosen[bike]).toBe(before.chosen[bike]! + 1)
		expect(after).toEqual(await recount(db))
	})

	test('a new address signed twice at the same moment: one person, one signature, no error', async () => {
		const input = signInput()

		const outcomes = await Promise.all([1, 2, 3].map(() => signPledge(db, input, { language: 'sv' })))

		expect(outcomes.filter((o) => o === 'new')).toHaveLength(1)
		const users = await db.selectFrom('user').select('id').where('email', '=', input.email).execute()
		expect(users).toHaveLength(1)
		const signatures = await db.selectFrom('signature').select('id').where('user_id', '=', users[0]!.id).execute()
		expect(signatures).toHaveLength(1)
	})
})
