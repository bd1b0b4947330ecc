import { describe, expect, test } from 'vitest'
import { getDb } from '#db/index.ts'
import { cancelEvent, updateEvent } from './life-cycle.server.ts'
import { eventInput, makeEvent, makeUser, outboxTo } from '#tests/support/events.ts'
import { cancelRsvp, leaveHelperShift, rsvp, takeHelperShift } from './rsvp.server.ts'

const db = getDb()
const start = new Date('2027-03-28T16:00:00.000Z')
const before = new Date('2027-03-20T10:00:00.000Z')
const minutes = (n: number) => new Date(before.getTime() + n * 60_000)

async function statuses(eventId: number) {
	return db
		.selectFrom('event_rsvp')
		.select(['user_id', 'status', 'position'])
		.where('event_id', '=', eventId)
		.orderBy('position')
		.execute()
}

describe('capacity and the waitlist', () => {
	test('the first to come get the places; the rest wait in arrival order', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, { capacity: 2 })
		const people = await Promise.all(Array.from({ length: 5 }, () => makeUser(db)))
		const outcomes = []
		for (const [i, p] of people.entries()) outcomes.push(await rsvp(db, event.id, p.id, minutes(i)))
		expect(outcomes.map((o) => o.kind)).toEqual(['going', 'going', 'waiting', 'waiting', 'waiting'])
		expect(outcomes.slice(2).map((o) => (o.kind === 'waiting' ? o.placeInQueue : null))).toEqual([1, 2, 3])
		const rows = await statuses(event.id)
		expect(rows.filter((r) => r.status === 'going').map((r) => r.user_id)).toEqual([people[0]!.id, people[1]!.id])
		expect(rows.filter((r) => r.status === 'waiting').map((r) => r.user_id)).toEqual(people.slice(2).map((p) => p.id))
	})

	test('concurrent RSVPs in one process never exceed the capacity', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, { capacity: 3 })
		const people = await Promise.all(Array.from({ length: 20 }, () => makeUser(db)))
		const outcomes = await Promise.all(people.map((p) => rsvp(db, event.id, p.id, before)))
		expect(outcomes.filter((o) => o.kind === 'going')).toHaveLength(3)
		expect(outcomes.filter((o) => o.kind === 'waiting')).toHaveLength(17)
		const waiting = (await statuses(event.id)).filter((r) => r.status === 'waiting')
		expect(new Set(waiting.map((r) => r.position)).size).toBe(17)
	})

	test('RSVPing twice changes nothing, sends nothing more, and is not an error', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, { capacity: 1 })
		const [a, b] = [await makeUser(db), await makeUser(db)]
		expect(await rsvp(db, event.id, a.id, minutes(1))).toEqual({ kind: 'going', changed: true })
		expect(await rsvp(db, event.id, a.id, minutes(2))).toEqual({ kind: 'going', changed: false })
		expect(await rsvp(db, event.id, b.id, minutes(3))).toEqual({ kind: 'waiting', changed: true, placeInQueue: 1 })
		expect(await rsvp(db, event.id, b.id, minutes(4))).toEqual({ kind: 'waiting', changed: false, placeInQueue: 1 })
		expect(await statuses(event.id)).toHaveLength(2)
		expect(await outboxTo(db, a.email)).toHaveLength(1)
		expect(await outboxTo(db, b.email)).toHaveLength(1)
	})

	test('confirmation carries the calendar invitation; the waitlist email says the place in the queue', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, { capacity: 1, title: 'Klädbyte i Tågaborg' })
		const [a, b] = [await makeUser(db), await makeUser(db, { language: 'en' })]
		await rsvp(db, event.id, a.id, minutes(1))
		await rsvp(db, event.id, b.id, minutes(2))
		const [confirmation] = await outboxTo(db, a.email)
		expect(confirmation!.subject).toBe('Du är anmäld: Klädbyte i Tågaborg')
		const attachments = JSON.parse(confirmation!.attachments) as Array<{
			filename: string
			contentType: string
			content: string
		}>
		expect(attachments[0]!.contentType).toContain('method=REQUEST')
		expect(Buffer.from(attachments[0]!.content, 'base64').toString()).toContain(`UID:event-${event.id}@`)
		const [waitlisted] = await outboxTo(db, b.email)
		expect(waitlisted!.subject).toBe("You're on the waitlist: Klädbyte i Tågaborg")
		expect(waitlisted!.text).toContain('number 1 on the waitlist')
		expect(waitlisted!.attachments).toBe('[]')
	})

	test('RSVP closes at the set time, and at the start when none is set', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const closes = new Date('2027-03-27T12:00:00.000Z')
		const event = await makeEvent(db, organiser.id, start, { rsvpClosesAt: closes.toISOString() })
		const open = await makeEvent(db, organiser.id, start)
		const person = await makeUser(db)
		expect(await rsvp(db, event.id, person.id, new Date(closes.getTime() + 1))).toEqual({ kind: 'closed' })
		expect((await rsvp(db, open.id, person.id, new Date(closes.getTime() + 1))).kind).toBe('going')
		const other = await makeUser(db)
		expect(await rsvp(db, open.id, other.id, start)).toEqual({ kind: 'closed' })
	})

	test('drafts and cancelled events take no RSVPs', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const draft = await makeEvent(db, organiser.id, start, {}, { publish: false })
		const person = await makeUser(db)
		expect(await rsvp(db, draft.id, person.id, before)).toEqual({ kind: 'unavailable' })
		const cancelled = await makeEvent(db, organiser.id, start)
		await cancelEvent(db, cancelled.id, null, before)
		expect(await rsvp(db, cancelled.id, person.id, before)).toEqual({ kind: 'unavailable' })
	})
})

describe('promotion from the waitlist', () => {
	test('a cancelled place goes at once to the first waiting, who is emailed', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, { capacity: 1 })
		const [a, b, c] = [await makeUser(db), await makeUser(db), await makeUser(db)]
		await rsvp(db, event.id, a.id, minutes(1))
		await rsvp(db, event.id, b.id, minutes(2))
		await rsvp(db, event.id, c.id, minutes(3))
		const outcome = await cancelRsvp(db, event.id, a.id, minutes(10))
		expect(outcome).toEqual({ kind: 'cancelled', changed: true, promoted: [b.id] })
		const rows = await statuses(event.id)
		expect(rows.find((r) => r.user_id === b.id)!.status).toBe('going')
		expect(rows.find((r) => r.user_id === c.id)!.status).toBe('waiting')
		const bMail = await outboxTo(db, b.email)
		expect(bMail.map((m) => m.subject)).toEqual([
			'Du står på väntelistan: Klimatfika',
			'Du har fått en plats: Klimatfika',
		])
		expect(bMail[1]!.attachments).toContain('event.ics')
		// The one who cancelled gets a calendar CANCEL that removes the entry.
		const aMail = await outboxTo(db, a.email)
		expect(aMail.at(-1)!.subject).toBe('Avanmäld: Klimatfika')
		expect(JSON.parse(aMail.at(-1)!.attachments)[0].contentType).toContain('method=CANCEL')
	})

	test('leaving the waitlist promotes no one and keeps the others in order', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, { capacity: 1 })
		const [a, b, c] = [await makeUser(db), await makeUser(db), await makeUser(db)]
		for (const [i, p] of [a, b, c].entries()) await rsvp(db, event.id, p.id, minutes(i))
		expect(await cancelRsvp(db, event.id, b.id, minutes(5))).toEqual({ kind: 'cancelled', changed: true, promoted: [] })
		expect(await rsvp(db, event.id, c.id, minutes(6))).toEqual({ kind: 'waiting', changed: false, placeInQueue: 1 })
	})

	test('someone who cancels and comes back joins the end of the queue', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, { capacity: 1 })
		const [a, b, c] = [await makeUser(db), await makeUser(db), await makeUser(db)]
		for (const [i, p] of [a, b, c].entries()) await rsvp(db, event.id, p.id, minutes(i))
		await cancelRsvp(db, event.id, a.id, minutes(5)) // b is promoted
		expect(await rsvp(db, event.id, a.id, minutes(6))).toEqual({ kind: 'waiting', changed: true, placeInQueue: 2 })
	})

	test('more places promote as many as fit, in order', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, { capacity: 1 })
		const people = await Promise.all(Array.from({ length: 4 }, () => makeUser(db)))
		for (const [i, p] of people.entries()) await rsvp(db, event.id, p.id, minutes(i))
		const result = await updateEvent(db, event.id, eventInput(start, { capacity: 3 }), { publish: false }, minutes(10))
		expect(result).toMatchObject({ kind: 'updated', promoted: 2, notified: 0 })
		const rows = await statuses(event.id)
		expect(rows.map((r) => r.status)).toEqual(['going', 'going', 'going', 'waiting'])
	})

	test('no one is promoted once the event has started', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, { capacity: 1 })
		const [a, b] = [await makeUser(db), await makeUser(db)]
		await rsvp(db, event.id, a.id, minutes(1))
		await rsvp(db, event.id, b.id, minutes(2))
		expect(await cancelRsvp(db, event.id, a.id, new Date(start.getTime() + 60_000))).toEqual({ kind: 'closed' })
	})
})

describe('helper shifts', () => {
	test('a shift takes as many helpers as it needs, once each', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, start, {
			shifts: [{ id: null, title: 'Duka fram fikat', needed: 2 }],
		})
		const shift = await db
			.selectFrom('event_helper_shift')
			.selectAll()
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow()
		const [a, b, c] = [await makeUser(db), await makeUser(db), await makeUser(db)]
		expect(await takeHelperShift(db, shift.id, a.id, before)).toEqual({ kind: 'taken', changed: true })
		expect(await takeHelperShift(db, shift.id, a.id, before)).toEqual({ kind: 'taken', changed: false })
		expect(await takeHelperShift(db, shift.id, b.id, before)).toEqual({ kind: 'taken', changed: true })
		expect(await takeHelperShift(db, shift.id, c.id, before)).toEqual({ kind: 'full' })
		expect(await leaveHelperShift(db, shift.id, a.id, before)).toEqual({ changed: true })
		expect(await takeHelperShift(db, shift.id, c.id, before)).toEqual({ kind: 'taken', changed: true })
		expect((await outboxTo(db, c.email)).map((m) => m.subject)).toEqual(['Tack för att du hjälper till: Klimatfika'])
	})
})
