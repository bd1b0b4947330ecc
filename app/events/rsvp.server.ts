import { queueEmail } from '#app/mail/send-email.server.ts'
import { mayJoinAudience } from './audiences.server.ts'
import type { Event, EventRsvp } from '#db/schema.ts'
import type { DB, DbHandle } from '#db/index.ts'
import { forUpdate } from '#db/locks.ts'
import {
	calendarAttachment,
	confirmedEmail,
	helperEmail,
	promotedEmail,
	rsvpCancelledEmail,
	waitlistedEmail,
	withWaitlistPosition,
	type Recipient,
} from './notices.server.tsx'

/**
 * Places, the waitlist and helper shifts. Each change is one transaction, and every transaction
 * here begins IMMEDIATE on SQLite (db/dialect.ts) and locks the event's (or shift's) row first on
 * PostgreSQL (db/locks.ts): reading the count of people going and taking a place cannot
 * interleave with another RSVP, in this process or another, so capacity holds.
 */

export type RsvpOutcome =
	| { kind: 'going'; changed: boolean }
	| { kind: 'waiting'; changed: boolean; placeInQueue: number }
	| { kind: 'closed' }
	| { kind: 'unavailable' }
	/** The event is for an audience the person is not in (audiences.server.ts). */
	| { kind: 'not-in-audience' }

export type CancelOutcome =
	{ kind: 'cancelled'; changed: boolean; promoted: number[] } | { kind: 'closed' } | { kind: 'unavailable' }

/** RSVP is open for a published event until it closes (or, if no closing time is set, until it starts). */
export function rsvpIsOpen(event: Pick<Event, 'status' | 'starts_at' | 'rsvp_closes_at'>, now = new Date()): boolean {
	if (event.status !== 'published') return false
	return now.toISOString() < (event.rsvp_closes_at ?? event.starts_at)
}

/** A place can be given up, and shifts left, until the event starts. */
export function canStillCancel(event: Pick<Event, 'status' | 'starts_at'>, now = new Date()): boolean {
	return event.status === 'published' && now.toISOString() < event.starts_at
}

async function recipient(db: DbHandle, userId: number): Promise<Recipient> {
	return db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'language'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow()
}

async function goingCount(db: DbHandle, eventId: number): Promise<number> {
	const row = await db
		.selectFrom('event_rsvp')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('event_id', '=', eventId)
		.where('status', '=', 'going')
		.executeTakeFirstOrThrow()
	return Number(row.n)
}

/**
 * The event, its row locked until the transaction ends: on PostgreSQL this serialises the changes
 * to its places and waitlist, as IMMEDIATE does on SQLite. Read it first in every such transaction.
 */
export async function lockedEvent(trx: DbHandle, eventId: number): Promise<Event | undefined> {
	return trx.selectFrom('event').selectAll().where('id', '=', eventId).$call(forUpdate(trx)).executeTakeFirst()
}

/** 1 for the first person waiting: what people are told, not the stored arrival number. */
export async function placeInQueue(db: DbHandle, eventId: number, position: number): Promise<number> {
	const row = await db
		.selectFrom('event_rsvp')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('event_id', '=', eventId)
		.where('status', '=', 'waiting')
		.where('position', '<=', position)
		.executeTakeFirstOrThrow()
	return Number(row.n)
}

/**
 * Takes a place, or a place on the waitlist when the event is full (or others already wait: no one
 * jumps the queue). Asking twice changes nothing and is not an error.
 */
export async function rsvp(db: DB, eventId: number, userId: number, now = new Date()): Promise<RsvpOutcome> {
	const current = await db
		.selectFrom('event_rsvp')
		.selectAll()
		.where('event_id', '=', eventId)
		.where('user_id', '=', userId)
		.executeTakeFirst()
	if (current && current.status !== 'cancelled') return unchanged(db, current)

	// Both possible emails are rendered before the transaction, so the write lock is held only
	// for the few statements that decide and record the place.
	const event = await db.selectFrom('event').selectAll().where('id', '=', eventId).executeTakeFirst()
	if (!event || event.status !== 'published') return { kind: 'unavailable' }
	if (!(await mayJoinAudience(db, event.audience, userId, now))) return { kind: 'not-in-audience' }
	const person = await recipient(db, userId)
	const [goingTemplate, waitingTemplate] = await Promise.all([
		confirmedEmail(event, person, 0, now),
		waitlistedEmail(event, person),
	])

	const decided = await db.transaction().execute(async (trx) => {
		const fresh = await lockedEvent(trx, eventId)
		// Who may come was asked above, outside the lock: an audience changed since turns the person away.
		if (!fresh || fresh.status !== 'published' || fresh.audience !== event.audience)
			return { kind: 'unavailable' } as const
		if (!rsvpIsOpen(fresh, now)) return { kind: 'closed' } as const
		const existing = await trx
			.selectFrom('event_rsvp')
			.selectAll()
			.where('event_id', '=', eventId)
			.where('user_id', '=', userId)
			.executeTakeFirst()
		if (existing && existing.status !== 'cancelled') return { kind: 'unchanged', row: existing } as const

		const counts = await trx
			.selectFrom('event_rsvp')
			.select((eb) => [
				eb.fn.countAll<number>().filterWhere('status', '=', 'going').as('going'),
				eb.fn.countAll<number>().filterWhere('status', '=', 'waiting').as('waiting'),
				eb.fn.max('position').as('last'),
			])
			.where('event_id', '=', eventId)
			.executeTakeFirstOrThrow()
		const hasPlace = fresh.capacity === null || (Number(counts.going) < fresh.capacity && Number(counts.waiting) === 0)
		const status = hasPlace ? 'going' : 'waiting'
		// Positions count arrivals and are never reused, so the waitlist keeps arrival order.
		const position = Number(counts.last ?? 0) + 1
		const values = { status, position, updated_at: now.toISOString(), promoted_at: null, cancelled_at: null } as const
		if (existing) {
			await trx.updateTable('event_rsvp').set(values).where('id', '=', existing.id).execute()
		} else {
			await trx
				.insertInto('event_rsvp')
				.values({ ...values, event_id: eventId, user_id: userId, created_at: now.toISOString() })
				.execute()
		}
		if (status === 'going') {
			// The calendar entry is built from the row read under the lock: it carries the current SEQUENCE.
			const email = {
				...goingTemplate,
				idempotencyKey: `rsvp-going:${eventId}:${userId}:${position}`,
				attachments: [calendarAttachment(fresh, 'REQUEST', person, now)],
			}
			await queueEmail(trx, email, now)
			return { kind: 'going', changed: true } as const
		}
		const place = Number(counts.waiting) + 1
		await queueEmail(trx, withWaitlistPosition(waitingTemplate, eventId, userId, position, place), now)
		return { kind: 'waiting', changed: true, placeInQueue: place } as const
	})
	if (decided.kind === 'unchanged') return unchanged(db, decided.row)
	return decided
}

async function unchanged(db: DbHandle, row: EventRsvp): Promise<RsvpOutcome> {
	if (row.status === 'going') return { kind: 'going', changed: false }
	return { kind: 'waiting', changed: false, placeInQueue: await placeInQueue(db, row.event_id, row.position) }
}

/**
 * Gives up a place (or leaves the waitlist). A freed place goes at once, in the same transaction,
 * to the first on the waitlist, who is emailed.
 */
export async function cancelRsvp(db: DB, eventId: number, userId: number, now = new Date()): Promise<CancelOutcome> {
	return db.transaction().execute(async (trx) => {
		const event = await lockedEvent(trx, eventId)
		if (!event || event.status !== 'published') return { kind: 'unavailable' }
		const existing = await trx
			.selectFrom('event_rsvp')
			.selectAll()
			.where('event_id', '=', eventId)
			.where('user_id', '=', userId)
			.executeTakeFirst()
		if (!existing || existing.status === 'cancelled') return { kind: 'cancelled', changed: false, promoted: [] }
		if (!canStillCancel(event, now)) return { kind: 'closed' }
		await trx
			.updateTable('event_rsvp')
			.set({ status: 'cancelled', cancelled_at: now.toISOString(), updated_at: now.toISOString() })
			.where('id', '=', existing.id)
			.execute()
		let promoted: number[] = []
		if (existing.status === 'going') {
			await queueEmail(trx, await rsvpCancelledEmail(event, await recipient(trx, userId), existing.position, now), now)
			promoted = await promoteFromWaitlist(trx, event, now)
		}
		return { kind: 'cancelled', changed: true, promoted }
	})
}

/**
 * Fills free places from the waitlist in arrival order and emails each person promoted. Call it
 * inside the transaction that freed the places (a cancellation, a higher capacity), after locking
 * the event row (lockedEvent, or an `update event`).
 * Returns the user ids promoted.
 */
export async function promoteFromWaitlist(trx: DbHandle, event: Event, now = new Date()): Promise<number[]> {
	if (event.status !== 'published' || now.toISOString() >= event.starts_at) return []
	const free = event.capacity === null ? Number.POSITIVE_INFINITY : event.capacity - (await goingCount(trx, event.id))
	if (free <= 0) return []
	let query = trx
		.selectFrom('event_rsvp')
		.selectAll()
		.where('event_id', '=', event.id)
		.where('status', '=', 'waiting')
		.orderBy('position')
	if (Number.isFinite(free)) query = query.limit(free)
	const next = await query.execute()
	for (const row of next) {
		await trx
			.updateTable('event_rsvp')
			.set({ status: 'going', promoted_at: now.toISOString(), updated_at: now.toISOString() })
			.where('id', '=', row.id)
			.execute()
		await queueEmail(trx, await promotedEmail(event, await recipient(trx, row.user_id), row.position, now), now)
	}
	return next.map((row) => row.user_id)
}

export type ShiftOutcome =
	{ kind: 'taken'; changed: boolean } | { kind: 'full' } | { kind: 'closed' } | { kind: 'unavailable' }

/** Takes a helper shift while it still needs people. Helpers do not use up the event's places. */
/** A shift id from a form is only honoured on its own event's page. */
export async function shiftBelongsToEvent(db: DB, shiftId: number, eventId: number): Promise<boolean> {
	const row = await db
		.selectFrom('event_helper_shift')
		.select('id')
		.where('id', '=', shiftId)
		.where('event_id', '=', eventId)
		.executeTakeFirst()
	return row !== undefined
}

export async function takeHelperShift(
	db: DB,
	shiftId: number,
	userId: number,
	now = new Date(),
): Promise<ShiftOutcome> {
	return db.transaction().execute(async (trx) => {
		const shift = await trx
			.selectFrom('event_helper_shift')
			.selectAll()
			.where('id', '=', shiftId)
			.$call(forUpdate(trx))
			.executeTakeFirst()
		if (!shift) return { kind: 'unavailable' }
		const event = await trx.selectFrom('event').selectAll().where('id', '=', shift.event_id).executeTakeFirstOrThrow()
		if (event.status !== 'published') return { kind: 'unavailable' }
		const existing = await trx
			.selectFrom('event_helper')
			.select('id')
			.where('shift_id', '=', shiftId)
			.where('user_id', '=', userId)
			.executeTakeFirst()
		if (existing) return { kind: 'taken', changed: false }
		if (!canStillCancel(event, now)) return { kind: 'closed' }
		const taken = await trx
			.selectFrom('event_helper')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('shift_id', '=', shiftId)
			.executeTakeFirstOrThrow()
		if (Number(taken.n) >= shift.needed) return { kind: 'full' }
		const inserted = await trx
			.insertInto('event_helper')
			.values({ shift_id: shiftId, user_id: userId, created_at: now.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
		await queueEmail(trx, await helperEmail(event, await recipient(trx, userId), shift, inserted.id, now), now)
		return { kind: 'taken', changed: true }
	})
}

export async function leaveHelperShift(
	db: DB,
	shiftId: number,
	userId: number,
	now = new Date(),
): Promise<{ changed: boolean }> {
	return db.transaction().execute(async (trx) => {
		const shift = await trx
			.selectFrom('event_helper_shift')
			.innerJoin('event', 'event.id', 'event_helper_shift.event_id')
			.select(['event.status', 'event.starts_at'])
			.where('event_helper_shift.id', '=', shiftId)
			.executeTakeFirst()
		if (!shift || !canStillCancel(shift, now)) return { changed: false }
		const result = await trx
			.deleteFrom('event_helper')
			.where('shift_id', '=', shiftId)
			.where('user_id', '=', userId)
			.executeTakeFirst()
		return { changed: Number(result.numDeletedRows) > 0 }
	})
}
