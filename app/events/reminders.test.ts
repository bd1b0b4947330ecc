import { describe, expect, test } from 'vitest'
import { getDb } from '#db/index.ts'
import { updateEvent } from './life-cycle.server.ts'
import { eventInput, makeEvent, makeUser, outboxTo } from '#tests/support/events.ts'
import { reminderDueAt, sendEventReminders } from './reminders.server.ts'
import { cancelRsvp, rsvp, takeHelperShift } from './rsvp.server.ts'

const db = getDb()
const HOUR = 60 * 60 * 1000

function reminders<T extends { subject: string }>(mail: T[]): T[] {
	return mail.filter((m) => m.subject.startsWith('Påminnelse') || m.subject.startsWith('Reminder'))
}

describe('reminders', () => {
	test('due 24 hours before by default, or as the organiser sets, or never', () => {
		const starts_at = '2027-03-28T16:00:00.000Z'
		expect(reminderDueAt({ starts_at, reminder_hours: 24 })!.toISOString()).toBe('2027-03-27T16:00:00.000Z')
		expect(reminderDueAt({ starts_at, reminder_hours: 2 })!.toISOString()).toBe('2027-03-28T14:00:00.000Z')
		expect(reminderDueAt({ starts_at, reminder_hours: 0 })).toBeNull()
	})

	test('goes out once the time comes, once per person, to those going and helping — not to the waitlist', async () => {
		const start = new Date('2030-05-10T16:00:00.000Z')
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, {
			capacity: 1,
			reminderHours: 24,
			shifts: [{ id: null, title: 'Baka', needed: 2 }],
		})
		const shift = await db
			.selectFrom('event_helper_shift')
			.select('id')
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow()
		const [going, waiting, helper] = [await makeUser(db), await makeUser(db), await makeUser(db, { language: 'en' })]
		const early = new Date(start.getTime() - 5 * 24 * HOUR)
		await rsvp(db, event.id, going.id, early)
		await rsvp(db, event.id, waiting.id, early)
		await takeHelperShift(db, shift.id, helper.id, early)
		await takeHelperShift(db, shift.id, going.id, early)

		// One minute too early: nothing.
		expect(await sendEventReminders(db, new Date(start.getTime() - 24 * HOUR - 60_000))).toBe(0)
		// On time: the person going (who also helps) and the helper, one email each.
		expect(await sendEventReminders(db, new Date(start.getTime() - 24 * HOUR))).toBe(2)
		// Every later tick of the worker: nothing more.
		expect(await sendEventReminders(db, new Date(start.getTime() - 23 * HOUR))).toBe(0)
		expect(await sendEventReminders(db, new Date(start.getTime() - HOUR))).toBe(0)

		expect(reminders(await outboxTo(db, going.email))).toHaveLength(1)
		expect(reminders(await outboxTo(db, going.email))[0]!.text).toContain('Du hjälper till: Baka')
		expect(reminders(await outboxTo(db, helper.email)).map((m) => m.subject)).toEqual(['Reminder: Klimatfika'])
		expect(reminders(await outboxTo(db, waiting.email))).toHaveLength(0)
	})

	test('nobody who turned event reminders off in their email preferences gets one', async () => {
		const start = new Date('2030-05-20T16:00:00.000Z')
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, { reminderHours: 24 })
		const [wantsThem, optedOut] = [await makeUser(db), await makeUser(db)]
		await db.updateTable('user').set({ event_reminders: 0 }).where('id', '=', optedOut.id).execute()
		await rsvp(db, event.id, wantsThem.id, new Date(start.getTime() - 72 * HOUR))
		await rsvp(db, event.id, optedOut.id, new Date(start.getTime() - 72 * HOUR))
		expect(await sendEventReminders(db, new Date(start.getTime() - 24 * HOUR))).toBe(1)
		expect(reminders(await outboxTo(db, wantsThem.email))).toHaveLength(1)
		expect(reminders(await outboxTo(db, optedOut.email))).toHaveLength(0)
	})

	test('someone promoted after the reminder went out still gets one', async () => {
		const start = new Date('2030-06-10T16:00:00.000Z')
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, { capacity: 1 })
		const [a, b] = [await makeUser(db), await makeUser(db)]
		await rsvp(db, event.id, a.id, new Date(start.getTime() - 72 * HOUR))
		await rsvp(db, event.id, b.id, new Date(start.getTime() - 72 * HOUR))
		expect(await sendEventReminders(db, new Date(start.getTime() - 20 * HOUR))).toBe(1)
		await cancelRsvp(db, event.id, a.id, new Date(start.getTime() - 10 * HOUR))
		expect(await sendEventReminders(db, new Date(start.getTime() - 9 * HOUR))).toBe(1)
		expect(reminders(await outboxTo(db, b.email))).toHaveLength(1)
	})

	test('a per-event setting of 2 hours waits until 2 hours before; 0 sends none', async () => {
		const start = new Date('2030-07-10T16:00:00.000Z')
		const organiser = await makeUser(db, { role: 'organiser' })
		const twoHours = await makeEvent(db, organiser.id, start, { reminderHours: 2 })
		const none = await makeEvent(db, organiser.id, start, { reminderHours: 0 })
		const person = await makeUser(db)
		await rsvp(db, twoHours.id, person.id, new Date(start.getTime() - 72 * HOUR))
		await rsvp(db, none.id, person.id, new Date(start.getTime() - 72 * HOUR))
		expect(await sendEventReminders(db, new Date(start.getTime() - 3 * HOUR))).toBe(0)
		expect(await sendEventReminders(db, new Date(start.getTime() - 2 * HOUR))).toBe(1)
		expect(await sendEventReminders(db, new Date(start.getTime() - HOUR))).toBe(0)
		// After the start there is nothing to remind of.
		expect(await sendEventReminders(db, new Date(start.getTime() + HOUR))).toBe(0)
	})

	test('a moved event earns a new reminder for its new time', async () => {
		const start = new Date('2030-08-10T16:00:00.000Z')
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start)
		const person = await makeUser(db)
		await rsvp(db, event.id, person.id, new Date(start.getTime() - 72 * HOUR))
		expect(await sendEventReminders(db, new Date(start.getTime() - 24 * HOUR))).toBe(1)
		const later = new Date(start.getTime() + 48 * HOUR)
		await updateEvent(db, event.id, eventInput(later), { publish: false }, new Date(start.getTime() - 23 * HOUR))
		expect(await sendEventReminders(db, new Date(start.getTime() - 22 * HOUR))).toBe(0)
		expect(await sendEventReminders(db, new Date(later.getTime() - 24 * HOUR))).toBe(1)
		expect(reminders(await outboxTo(db, person.email))).toHaveLength(2)
	})

	test('two workers at once send each reminder once', async () => {
		const start = new Date('2030-09-10T16:00:00.000Z')
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start)
		const people = await Promise.all(Array.from({ length: 5 }, () => makeUser(db)))
		for (const p of people) await rsvp(db, event.id, p.id, new Date(start.getTime() - 72 * HOUR))
		const at = new Date(start.getTime() - 24 * HOUR)
		const [first, second] = await Promise.all([sendEventReminders(db, at), sendEventReminders(db, at)])
		expect(first + second).toBe(5)
		for (const p of people) expect(reminders(await outboxTo(db, p.email))).toHaveLength(1)
	})
})
