import { describe, expect, test } from 'vitest'
import { undoCheckIn } from '#app/events/check-in.server.ts'
import { getDb } from '#db/index.ts'
import {
	evaluateLadder,
	readLadderSettings,
	recordLadderActivity,
	reevaluateAll,
	setLevelUpEmails,
	setStepByCoordinator,
	updateLadderSettings,
} from './ladder.server.ts'
import { sendPendingLevelUpEmails } from './level-up.server.tsx'
import { defaultLadderSettings, ruleStep, shouldPromote } from './rules.ts'
import {
	checkInWithLadder,
	DAY,
	eventAt,
	helpAt,
	historyRows,
	ladderRow,
	levelUpMails,
	organiser,
	signedPerson,
} from '#tests/support/ladder.ts'

const db = getDb()
const settings = defaultLadderSettings

describe('ruleStep', () => {
	test.each([
		[{ confirmed: false, attended: 5, helped: 5 }, 0],
		[{ confirmed: true, attended: 0, helped: 0 }, 1],
		[{ confirmed: true, attended: 1, helped: 0 }, 2],
		[{ confirmed: true, attended: 3, helped: 1 }, 2],
		[{ confirmed: true, attended: 2, helped: 2 }, 3],
		// Step 3 builds on step 2.
		[{ confirmed: true, attended: 2, helped: 2, thresholds: { eventsForStep2: 3 } }, 1],
	])('%o gives step %i', (facts, step) => {
		const { thresholds, ...rest } = facts as typeof facts & { thresholds?: Partial<typeof settings> }
		expect(ruleStep(rest, { ...settings, ...thresholds })).toBe(step)
	})

	test('promotes only on news: a higher rule step or more facts than last time', () => {
		const facts = { confirmed: true, attended: 1, helped: 0 }
		expect(shouldPromote({ step: 1, ruleStep: 1, attended: 0, helped: 0 }, 2, facts)).toBe(true)
		// A coordinator lowered 2 → 1 after the rules had seen this check-in: it stands.
		expect(shouldPromote({ step: 1, ruleStep: 2, attended: 1, helped: 0 }, 2, facts)).toBe(false)
		expect(shouldPromote({ step: 1, ruleStep: 2, attended: 1, helped: 0 }, 2, { ...facts, attended: 2 })).toBe(true)
		expect(shouldPromote({ step: 3, ruleStep: 1, attended: 0, helped: 0 }, 2, facts)).toBe(false)
	})
})

describe('the ladder in the database', () => {
	test('a confirmed signature is step 1; a check-in promotes to step 2 at once, with its event and a congratulation', async () => {
		const now = new Date('2026-03-01T10:00:00Z')
		const person = await signedPerson(db, now)
		expect(await evaluateLadder(db, person.userId, now)).toEqual({ userId: person.userId, from: 0, to: 1 })
		expect(await levelUpMails(db, person.email)).toHaveLength(0)

		const event = await eventAt(db, new Date('2026-03-05T17:00:00Z'), { title: 'Klädbyte i Råå' })
		const result = await checkInWithLadder(db, event.id, person.userId, new Date('2026-03-05T17:05:00Z'))
		expect(result.promotion).toEqual({ userId: person.userId, from: 1, to: 2 })
		expect(await ladderRow(db, person.userId)).toMatchObject({
			step: 2,
			rule_step: 2,
			attended_count: 1,
			reached_at: '2026-03-05T17:05:00.000Z',
		})
		const history = await historyRows(db, person.userId)
		expect(history.map((h) => [h.from_step, h.to_step, h.source, h.rule, h.event_id])).toEqual([
			[0, 1, 'rule', 'signature', null],
			[1, 2, 'rule', 'attendance', event.id],
		])
		const mails = await levelUpMails(db, person.email)
		expect(mails).toHaveLength(1)
		expect(mails[0]!.idempotency_key).toBe(`ladder-level-up:${person.userId}:step-2`)
		expect(mails[0]!.subject).toBe('Grattis! Du har tagit steg 2: Delta på evenemang')
		expect(mails[0]!.text).toContain('Hjälp till på ett evenemang')
		expect(history[1]!.email).toBe('queued')

		// A second check-in elsewhere changes nothing on the ladder.
		const other = await eventAt(db, new Date('2026-03-10T17:00:00Z'))
		expect(
			(await checkInWithLadder(db, other.id, person.userId, new Date('2026-03-10T17:00:00Z'))).promotion,
		).toBeNull()
		expect(await historyRows(db, person.userId)).toHaveLength(2)
	})

	test('a person without a confirmed signature is not on the ladder, whatever they did', async () => {
		const org = await organiser(db)
		const event = await eventAt(db, new Date('2026-03-05T17:00:00Z'))
		await db.transaction().execute(async (trx) => {
			await trx
				.insertInto('event_attendance')
				.values({
					event_id: event.id,
					user_id: org,
					name: 'O',
					walk_in: 0,
					checked_in_at: '2026-03-05T17:00:00Z',
					checked_in_by: org,
				})
				.execute()
			expect(await recordLadderActivity(trx, org, new Date('2026-03-05T17:00:00Z'))).toBeNull()
		})
		expect(await ladderRow(db, org)).toBeUndefined()
	})

	test('step 3: helper shifts done at two events in the last twelve months; done = held, event over, checked in', async () => {
		const now = new Date('2026-06-01T10:00:00Z')
		const person = await signedPerson(db, new Date('2025-01-01T10:00:00Z'))
		const longAgo = await eventAt(db, new Date('2025-04-01T16:00:00Z'))
		const first = await eventAt(db, new Date('2026-05-01T16:00:00Z'))
		const notCheckedIn = await eventAt(db, new Date('2026-05-10T16:00:00Z'))
		const second = await eventAt(db, new Date('2026-06-01T09:00:00Z'))

		// Over a year ago: counts for step 2, not for step 3.
		await helpAt(db, longAgo, person.userId)
		await helpAt(db, first, person.userId)
		// A shift held but never checked in at: a promise, not help given.
		const { takeHelperShift } = await import('#app/events/rsvp.server.ts')
		await takeHelperShift(db, notCheckedIn.shiftId, person.userId, new Date('2026-05-09T10:00:00Z'))
		expect((await evaluateLadder(db, person.userId, new Date('2026-05-20T10:00:00Z')))?.to).toBeUndefined()
		expect((await ladderRow(db, person.userId))?.step).toBe(2)

		// Checked in at the second shift, but the event is not over yet (it ends at 11:00).
		const checkedIn = await helpAt(db, second, person.userId)
		expect(checkedIn.promotion).toBeNull()
		expect((await ladderRow(db, person.userId))?.step).toBe(2)

		// Once the event has ended, the rules see the shift as done.
		const later = new Date(second.ends_at)
		expect(await evaluateLadder(db, person.userId, later)).toEqual({ userId: person.userId, from: 2, to: 3 })
		const history = await historyRows(db, person.userId)
		expect(history.at(-1)).toMatchObject({ from_step: 2, to_step: 3, rule: 'helping', event_id: second.id })
		expect((await levelUpMails(db, person.email)).map((m) => m.idempotency_key)).toEqual([
			`ladder-level-up:${person.userId}:step-2`,
			`ladder-level-up:${person.userId}:step-3`,
		])
		void now
	})

	test('nobody is lowered by a rule: an undone check-in leaves the step and notes what the rules say', async () => {
		const person = await signedPerson(db, new Date('2026-03-01T10:00:00Z'))
		const event = await eventAt(db, new Date('2026-03-05T17:00:00Z'))
		await checkInWithLadder(db, event.id, person.userId, new Date('2026-03-05T17:00:00Z'))
		const attendance = await db
			.selectFrom('event_attendance')
			.select('id')
			.where('user_id', '=', person.userId)
			.executeTakeFirstOrThrow()
		await undoCheckIn(db, event.id, attendance.id)
		expect(await evaluateLadder(db, person.userId, new Date('2026-03-06T10:00:00Z'))).toBeNull()
		expect(await ladderRow(db, person.userId)).toMatchObject({ step: 2, rule_step: 1, attended_count: 0 })
		expect(await historyRows(db, person.userId)).toHaveLength(2)
	})

	test('a coordinator lowers with a reason; the rules do not undo it until the person does something new', async () => {
		const coordinator = (
			await db
				.insertInto('user')
				.values({ email: 'samordnare@example.se', name: 'Sam Ordnare', language: 'sv' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id
		const person = await signedPerson(db, new Date('2026-03-01T10:00:00Z'))
		const event = await eventAt(db, new Date('2026-03-05T17:00:00Z'))
		await checkInWithLadder(db, event.id, person.userId, new Date('2026-03-05T17:00:00Z'))

		const lowered = await setStepByCoordinator(
			db,
			{ userId: person.userId, step: 1, reason: 'Incheckad av misstag', coordinatorId: coordinator },
			new Date('2026-03-06T09:00:00Z'),
		)
		expect(lowered).toEqual({ kind: 'changed', from: 2, to: 1 })
		expect(await evaluateLadder(db, person.userId, new Date('2026-03-07T09:00:00Z'))).toBeNull()
		await reevaluateAll(db, new Date('2026-03-07T09:00:00Z'))
		expect((await ladderRow(db, person.userId))?.step).toBe(1)

		const next = await eventAt(db, new Date('2026-04-05T17:00:00Z'))
		expect((await checkInWithLadder(db, next.id, person.userId, new Date('2026-04-05T17:00:00Z'))).promotion).toEqual({
			userId: person.userId,
			from: 1,
			to: 2,
		})

		// Step 4 only by a coordinator; the congratulation goes out once per step, ever.
		expect(
			await setStepByCoordinator(db, {
				userId: person.userId,
				step: 4,
				reason: 'Invald i styrelsen',
				coordinatorId: coordinator,
			}),
		).toEqual({ kind: 'changed', from: 2, to: 4 })
		expect(
			await setStepByCoordinator(db, { userId: person.userId, step: 4, reason: 'Igen', coordinatorId: coordinator }),
		).toEqual({ kind: 'unchanged' })
		const history = await historyRows(db, person.userId)
		expect(history.map((h) => [h.from_step, h.to_step, h.source, h.reason, h.changed_by])).toEqual([
			[0, 1, 'rule', null, null],
			[1, 2, 'rule', null, null],
			[2, 1, 'coordinator', 'Incheckad av misstag', coordinator],
			[1, 2, 'rule', null, null],
			[2, 4, 'coordinator', 'Invald i styrelsen', coordinator],
		])
		expect((await levelUpMails(db, person.email)).map((m) => m.idempotency_key.split(':').at(-1))).toEqual([
			'step-2',
			'step-4',
		])

		const stranger = (
			await db
				.insertInto('user')
				.values({ email: 'utan@example.se', name: 'Utan Avtal', language: 'sv' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id
		expect(
			await setStepByCoordinator(db, { userId: stranger, step: 2, reason: 'x', coordinatorId: coordinator }),
		).toEqual({ kind: 'not-signed' })
	})

	test('no congratulation for someone who turned them off', async () => {
		const person = await signedPerson(db, new Date('2026-03-01T10:00:00Z'))
		await setLevelUpEmails(db, person.userId, false)
		const event = await eventAt(db, new Date('2026-03-05T17:00:00Z'))
		expect((await checkInWithLadder(db, event.id, person.userId, new Date('2026-03-05T17:00:00Z'))).promotion?.to).toBe(
			2,
		)
		expect(await levelUpMails(db, person.email)).toHaveLength(0)
		expect((await historyRows(db, person.userId)).at(-1)?.email).toBe('none')
	})

	test('two check-ins of one person at the same moment promote once', async () => {
		const person = await signedPerson(db, new Date('2026-03-01T10:00:00Z'))
		await evaluateLadder(db, person.userId, new Date('2026-03-01T10:00:00Z'))
		const [a, b] = await Promise.all([
			eventAt(db, new Date('2026-03-05T17:00:00Z')),
			eventAt(db, new Date('2026-03-05T17:30:00Z')),
		])
		const moment = new Date('2026-03-05T17:40:00Z')
		const results = await Promise.all([
			checkInWithLadder(db, a.id, person.userId, moment),
			checkInWithLadder(db, b.id, person.userId, moment),
		])
		expect(results.filter((r) => r.promotion).length).toBe(1)
		expect((await historyRows(db, person.userId)).filter((h) => h.to_step === 2)).toHaveLength(1)
		expect(await levelUpMails(db, person.email)).toHaveLength(1)
		expect(await ladderRow(db, person.userId)).toMatchObject({ step: 2, attended_count: 2 })
	})

	test('changing the thresholds re-evaluates everyone at once and never lowers anyone', async () => {
		const coordinator = (
			await db
				.insertInto('user')
				.values({ email: 'troskel@example.se', name: 'Tröskel Samordnare', language: 'sv' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id
		const now = new Date('2026-06-10T10:00:00Z')
		const helper = await signedPerson(db, new Date('2026-01-01T10:00:00Z'))
		const twice = await signedPerson(db, new Date('2026-01-01T10:00:00Z'))
		const e1 = await eventAt(db, new Date('2026-05-01T16:00:00Z'))
		const e2 = await eventAt(db, new Date('2026-05-15T16:00:00Z'))
		await helpAt(db, e1, helper.userId)
		await helpAt(db, e1, twice.userId)
		await helpAt(db, e2, twice.userId)
		await reevaluateAll(db, now)
		expect((await ladderRow(db, helper.userId))?.step).toBe(2)
		expect((await ladderRow(db, twice.userId))?.step).toBe(3)

		// One helper event is enough now: the helper moves up, by the thresholds rule, and is congratulated.
		const lower = await updateLadderSettings(db, { ...settings, helperEventsForStep3: 1 }, coordinator, now)
		expect(lower.promoted).toBeGreaterThanOrEqual(1)
		expect(await ladderRow(db, helper.userId)).toMatchObject({ step: 3, rule_step: 3 })
		expect((await historyRows(db, helper.userId)).at(-1)).toMatchObject({
			from_step: 2,
			to_step: 3,
			rule: 'thresholds',
			email: 'queued',
		})
		expect((await levelUpMails(db, helper.email)).map((m) => m.idempotency_key.split(':').at(-1))).toEqual([
			'step-2',
			'step-3',
		])
		expect(await readLadderSettings(db)).toEqual({ ...settings, helperEventsForStep3: 1 })

		// Three are needed now: nobody is lowered; the rules' view is noted.
		const before = await db
			.selectFrom('ladder_history')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
		await updateLadderSettings(db, { ...settings, helperEventsForStep3: 3 }, coordinator, new Date(now.getTime() + DAY))
		expect(await ladderRow(db, helper.userId)).toMatchObject({ step: 3, rule_step: 2 })
		expect(await ladderRow(db, twice.userId)).toMatchObject({ step: 3, rule_step: 2 })
		const after = await db
			.selectFrom('ladder_history')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
		expect(after.n).toBe(before.n)
		await updateLadderSettings(db, settings, coordinator, new Date(now.getTime() + 2 * DAY))
	})

	test('a congratulation owed is queued by the sweep, once', async () => {
		const person = await signedPerson(db, new Date('2026-03-01T10:00:00Z'))
		const event = await eventAt(db, new Date('2026-03-05T17:00:00Z'))
		await db.transaction().execute(async (trx) => {
			await trx
				.insertInto('event_attendance')
				.values({
					event_id: event.id,
					user_id: person.userId,
					name: person.name,
					walk_in: 0,
					checked_in_at: '2026-03-05T17:00:00Z',
					checked_in_by: null,
				})
				.execute()
		})
		// The bulk path leaves it owed and queues it after the commit.
		const { promoted, emailed } = await reevaluateAll(db, new Date('2026-03-06T10:00:00Z'))
		expect(promoted).toBeGreaterThanOrEqual(1)
		expect(emailed).toBeGreaterThanOrEqual(1)
		expect(await levelUpMails(db, person.email)).toHaveLength(1)
		expect(await sendPendingLevelUpEmails(db)).toBe(0)
		expect(await levelUpMails(db, person.email)).toHaveLength(1)
	})
})
