import { csvCell } from '#app/common/csv.ts'
import { queueEmail, type RenderedEmail } from '#app/mail/send-email.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { RsvpStatus } from '#db/schema.ts'
import { getEvent } from './listing.server.ts'
import { messageEmail, type Recipient } from './notices.server.tsx'

/** Who comes to an event: the organisers' list, its CSV, and messages to everyone going. */

/** Everyone who should hear about a change: going, waiting and helpers, once each. */
export async function affectedPeople(
	db: DbHandle,
	eventId: number,
	statuses: RsvpStatus[] = ['going', 'waiting'],
): Promise<Recipient[]> {
	const fromRsvps = db
		.selectFrom('event_rsvp')
		.innerJoin('user', 'user.id', 'event_rsvp.user_id')
		.select(['user.id', 'user.email', 'user.name', 'user.language'])
		.where('event_rsvp.event_id', '=', eventId)
		.where('event_rsvp.status', 'in', statuses)
	const fromHelpers = db
		.selectFrom('event_helper')
		.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
		.innerJoin('user', 'user.id', 'event_helper.user_id')
		.select(['user.id', 'user.email', 'user.name', 'user.language'])
		.where('event_helper_shift.event_id', '=', eventId)
	const people = await fromRsvps.union(fromHelpers).execute()
	return people.sort((a, b) => a.id - b.id)
}

export interface Attendee {
	userId: number
	name: string
	email: string
	status: RsvpStatus | 'helper'
	placeInQueue: number | null
	signedUpAt: string
	shifts: string[]
	checkedInAt: string | null
}

/** Going (in arrival order), the waitlist (in order) and helpers who have no place of their own. */
export async function attendeeList(
	db: DB,
	eventId: number,
): Promise<{ going: Attendee[]; waiting: Attendee[]; helpers: Attendee[] }> {
	const [rsvps, helpers, attendance] = await Promise.all([
		db
			.selectFrom('event_rsvp')
			.innerJoin('user', 'user.id', 'event_rsvp.user_id')
			.select([
				'user.id as userId',
				'user.name',
				'user.email',
				'event_rsvp.status',
				'event_rsvp.position',
				'event_rsvp.created_at',
				'event_rsvp.updated_at',
			])
			.where('event_rsvp.event_id', '=', eventId)
			.where('event_rsvp.status', 'in', ['going', 'waiting'])
			.orderBy('event_rsvp.position')
			.execute(),
		db
			.selectFrom('event_helper')
			.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
			.innerJoin('user', 'user.id', 'event_helper.user_id')
			.select(['user.id as userId', 'user.name', 'user.email', 'event_helper_shift.title', 'event_helper.created_at'])
			.where('event_helper_shift.event_id', '=', eventId)
			.orderBy('event_helper_shift.sort_order')
			.orderBy('event_helper.id')
			.execute(),
		db
			.selectFrom('event_attendance')
			.select(['user_id', 'checked_in_at'])
			.where('event_id', '=', eventId)
			.where('user_id', 'is not', null)
			.execute(),
	])
	const checkedIn = new Map(attendance.map((a) => [a.user_id!, a.checked_in_at]))
	const shiftsOf = new Map<number, string[]>()
	for (const h of helpers) shiftsOf.set(h.userId, [...(shiftsOf.get(h.userId) ?? []), h.title])
	let queue = 0
	const people = rsvps.map((r) => ({
		userId: r.userId,
		name: r.name,
		email: r.email,
		status: r.status,
		placeInQueue: r.status === 'waiting' ? ++queue : null,
		signedUpAt: r.updated_at,
		shifts: shiftsOf.get(r.userId) ?? [],
		checkedInAt: checkedIn.get(r.userId) ?? null,
	}))
	const withPlace = new Set(people.map((p) => p.userId))
	const helperOnly = new Map<number, Attendee>()
	for (const h of helpers) {
		if (withPlace.has(h.userId) || helperOnly.has(h.userId)) continue
		helperOnly.set(h.userId, {
			userId: h.userId,
			name: h.name,
			email: h.email,
			status: 'helper',
			placeInQueue: null,
			signedUpAt: h.created_at,
			shifts: shiftsOf.get(h.userId) ?? [],
			checkedInAt: checkedIn.get(h.userId) ?? null,
		})
	}
	return {
		going: people.filter((p) => p.status === 'going'),
		waiting: people.filter((p) => p.status === 'waiting'),
		helpers: [...helperOnly.values()],
	}
}

export function attendeesCsv(
	list: Awaited<ReturnType<typeof attendeeList>>,
	headers: string[],
	statusLabel: (status: Attendee['status']) => string,
	formatTime: (iso: string) => string,
): string {
	const rows = [...list.going, ...list.waiting, ...list.helpers].map((a) => [
		a.name,
		a.email,
		statusLabel(a.status),
		a.placeInQueue,
		a.shifts.join(', '),
		formatTime(a.signedUpAt),
		a.checkedInAt ? formatTime(a.checkedInAt) : '',
	])
	// A byte-order mark lets spreadsheet programs read the file as UTF-8 (å, ä, ö).
	return '\ufeff' + [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** Emails the organiser's message to everyone going (and helpers; waiting too, if asked). */
export async function messageAttendees(
	db: DB,
	eventId: number,
	message: { subject: string; body: string; includeWaiting: boolean; organiser: string },
	now = new Date(),
): Promise<number> {
	const event = await getEvent(db, eventId)
	if (!event) return 0
	const people = await affectedPeople(db, eventId, message.includeWaiting ? ['going', 'waiting'] : ['going'])
	const id = crypto.randomUUID()
	// Rendered first, then queued together: all of the message goes out, or none of it.
	const emails: RenderedEmail[] = []
	for (const person of people) emails.push(await messageEmail(event, person, { id, ...message }))
	await db.transaction().execute(async (trx) => {
		for (const email of emails) await queueEmail(trx, email, now)
	})
	return emails.length
}
