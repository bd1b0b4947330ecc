import { queueEmail } from '#app/mail/send-email.server.ts'
import type { DB } from '#db/index.ts'
import type { Event } from '#db/schema.ts'
import { reminderEmail, type Recipient } from './notices.server.tsx'

const HOUR_MS = 60 * 60 * 1000
/** The longest reminder an organiser can set (schemas.ts limits it to 14 days). */
const LONGEST_REMINDER_MS = 14 * 24 * HOUR_MS

/** When an event's reminder is due; null when the organiser turned reminders off. */
export function reminderDueAt(event: Pick<Event, 'starts_at' | 'reminder_hours'>): Date | null {
	if (event.reminder_hours <= 0) return null
	return new Date(new Date(event.starts_at).getTime() - event.reminder_hours * HOUR_MS)
}

/** Published events whose reminder time has come and which have not started. */
export async function eventsDueForReminders(db: DB, now = new Date()): Promise<Event[]> {
	const candidates = await db
		.selectFrom('event')
		.selectAll()
		.where('status', '=', 'published')
		.where('reminder_hours', '>', 0)
		.where('starts_at', '>', now.toISOString())
		.where('starts_at', '<=', new Date(now.getTime() + LONGEST_REMINDER_MS).toISOString())
		.execute()
	return candidates.filter((event) => reminderDueAt(event)!.getTime() <= now.getTime())
}

/**
 * People going or helping who have not had this event's reminder for its current start time, and
 * have not turned event reminders off in their email preferences.
 */
async function peopleToRemind(db: DB, event: Event): Promise<Array<Recipient & { shifts: string[] }>> {
	const [going, helpers, reminded] = await Promise.all([
		db
			.selectFrom('event_rsvp')
			.innerJoin('user', 'user.id', 'event_rsvp.user_id')
			.select(['user.id', 'user.email', 'user.name', 'user.language'])
			.where('event_rsvp.event_id', '=', event.id)
			.where('event_rsvp.status', '=', 'going')
			.where('user.event_reminders', '=', 1)
			.execute(),
		db
			.selectFrom('event_helper')
			.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
			.innerJoin('user', 'user.id', 'event_helper.user_id')
			.select(['user.id', 'user.email', 'user.name', 'user.language', 'event_helper_shift.title'])
			.where('event_helper_shift.event_id', '=', event.id)
			.where('user.event_reminders', '=', 1)
			.execute(),
		db
			.selectFrom('event_reminder')
			.select('user_id')
			.where('event_id', '=', event.id)
			.where('starts_at', '=', event.starts_at)
			.execute(),
	])
	const done = new Set(reminded.map((r) => r.user_id))
	const people = new Map<number, Recipient & { shifts: string[] }>()
	for (const p of going) people.set(p.id, { ...p, shifts: [] })
	for (const h of helpers) {
		const { title, ...person } = h
		const entry = people.get(h.id) ?? { ...person, shifts: [] }
		entry.shifts.push(title)
		people.set(h.id, entry)
	}
	return [...people.values()].filter((p) => !done.has(p.id))
}

/**
 * The worker's reminder job: every person going or helping gets one reminder per event (and per
 * start time: a moved event earns a new one). The reminder row and the email are written in one
 * transaction, and the row's key refuses a second, so two workers or a crash never send twice.
 */
export async function sendEventReminders(db: DB, now = new Date()): Promise<number> {
	let sent = 0
	for (const event of await eventsDueForReminders(db, now)) {
		for (const person of await peopleToRemind(db, event)) {
			const email = await reminderEmail(event, person, person.shifts)
			const queued = await db.transaction().execute(async (trx) => {
				const inserted = await trx
					.insertInto('event_reminder')
					.values({ event_id: event.id, user_id: person.id, starts_at: event.starts_at, sent_at: now.toISOString() })
					.onConflict((oc) => oc.doNothing())
					.executeTakeFirst()
				if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false
				await queueEmail(trx, email, now)
				return true
			})
			if (queued) sent += 1
		}
	}
	return sent
}
