import { uniqueSlug } from '#app/common/slugs.server.ts'
import { addToLocalDate, localToUtc, utcToLocal } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import { queueEmail } from '#app/mail/send-email.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { Event, EventStatus } from '#db/schema.ts'
import { affectedPeople } from './attendees.server.ts'
import { getEvent } from './listing.server.ts'
import { cancelledEmail, changedEmail, restoredEmail } from './notices.server.tsx'
import { lockedEvent, promoteFromWaitlist } from './rsvp.server.ts'
import type { EventInput, EventType, RepeatInput } from './schemas.ts'

/**
 * The life of an event on the organisers' side: create (alone or as a series), edit, publish,
 * cancel, duplicate.
 */

/** "Klimatfika på biblioteket" on 2027-03-28 → "klimatfika-pa-biblioteket-2027-03-28". */
export function slugify(title: string, date: string): string {
	const words = title
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.replace(/ß/g, 'ss')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '')
	return words ? `${words}-${date}` : `event-${date}`
}

function eventColumns(input: EventInput) {
	return {
		type: input.type,
		audience: input.audience ?? 'everyone',
		title: input.title,
		description: input.description,
		title_en: input.titleEn ?? null,
		description_en: input.descriptionEn ?? null,
		image_id: input.imageId ?? null,
		theme_id: input.themeId ?? null,
		starts_at: input.startsAt,
		ends_at: input.endsAt,
		place: input.place,
		online_url: input.onlineUrl,
		capacity: input.capacity,
		rsvp_closes_at: input.rsvpClosesAt,
		reminder_hours: input.reminderHours,
	}
}

async function insertEvent(
	trx: DbHandle,
	organiserId: number,
	input: EventInput,
	status: EventStatus,
	seriesId: string | null,
	now: Date,
	timeZone: string,
) {
	const slug = await uniqueSlug(trx, 'event', slugify(input.title, utcToLocal(input.startsAt, timeZone).date))
	const event = await trx
		.insertInto('event')
		.values({
			...eventColumns(input),
			slug,
			status,
			organiser_id: organiserId,
			series_id: seriesId,
			published_at: status === 'published' ? now.toISOString() : null,
			cancelled_at: null,
			created_at: now.toISOString(),
			updated_at: now.toISOString(),
		})
		.returningAll()
		.executeTakeFirstOrThrow()
	if (input.shifts.length > 0) {
		await trx
			.insertInto('event_helper_shift')
			.values(input.shifts.map((s, i) => ({ event_id: event.id, title: s.title, needed: s.needed, sort_order: i })))
			.execute()
	}
	return event
}

/** The same local weekday and time, a week or a month on: DST-correct for every occurrence. */
export function shiftOccurrence(
	input: EventInput,
	step: { days?: number; months?: number },
	timeZone: string,
): EventInput {
	const move = (iso: string) => {
		const local = utcToLocal(iso, timeZone)
		return localToUtc({ date: addToLocalDate(local.date, step), time: local.time }, timeZone).toISOString()
	}
	return {
		...input,
		startsAt: move(input.startsAt),
		endsAt: move(input.endsAt),
		rsvpClosesAt: input.rsvpClosesAt ? move(input.rsvpClosesAt) : null,
	}
}

/** One event, or a series (weekly or monthly, N times) of separate events that share a series id. */
export async function createEvents(
	db: DB,
	organiserId: number,
	input: EventInput,
	{ publish, repeat }: { publish: boolean; repeat: RepeatInput | null },
	now = new Date(),
	timeZone = config.timeZone,
): Promise<Event[]> {
	const occurrences = repeat
		? Array.from({ length: repeat.occurrences }, (_, k) =>
				k === 0 ? input : shiftOccurrence(input, repeat.every === 'weekly' ? { days: 7 * k } : { months: k }, timeZone),
			)
		: [input]
	const seriesId = repeat ? crypto.randomUUID() : null
	return db.transaction().execute(async (trx) => {
		const events: Event[] = []
		for (const occurrence of occurrences)
			events.push(
				await insertEvent(trx, organiserId, occurrence, publish ? 'published' : 'draft', seriesId, now, timeZone),
			)
		return events
	})
}

export type UpdateOutcome =
	{ kind: 'updated'; event: Event; notified: number; promoted: number } | { kind: 'unavailable' }

/**
 * Saves an organiser's edit. A change of time or place on a published event raises the calendar
 * SEQUENCE and emails everyone going, waiting or helping an updated entry; more places promote
 * from the waitlist at once.
 */
export async function updateEvent(
	db: DB,
	eventId: number,
	input: EventInput,
	{ publish }: { publish: boolean },
	now = new Date(),
): Promise<UpdateOutcome> {
	return db.transaction().execute(async (trx) => {
		// Locked: RSVPs to the event wait while its places (and the waitlist) change.
		const before = await lockedEvent(trx, eventId)
		if (!before || before.status === 'cancelled') return { kind: 'unavailable' }
		const moved =
			before.starts_at !== input.startsAt ||
			before.ends_at !== input.endsAt ||
			before.place !== input.place ||
			before.online_url !== input.onlineUrl
		const notify = before.status === 'published' && moved
		const status: EventStatus = before.status === 'published' || publish ? 'published' : 'draft'
		const event = await trx
			.updateTable('event')
			.set({
				...eventColumns(input),
				status,
				published_at: before.published_at ?? (status === 'published' ? now.toISOString() : null),
				sequence: notify ? before.sequence + 1 : before.sequence,
				updated_at: now.toISOString(),
			})
			.where('id', '=', eventId)
			.returningAll()
			.executeTakeFirstOrThrow()
		await saveShifts(trx, eventId, input.shifts)

		let notified = 0
		if (notify) {
			for (const person of await affectedPeople(trx, eventId)) {
				await queueEmail(trx, await changedEmail(event, person, now), now)
				notified += 1
			}
		}
		const promoted = await promoteFromWaitlist(trx, event, now)
		return { kind: 'updated', event, notified, promoted: promoted.length }
	})
}

/** Shifts keep their id (and their helpers) when edited; a shift left out of the form is removed. */
async function saveShifts(trx: DbHandle, eventId: number, shifts: EventInput['shifts']): Promise<void> {
	const existing = new Set(
		(await trx.selectFrom('event_helper_shift').select('id').where('event_id', '=', eventId).execute()).map(
			(r) => r.id,
		),
	)
	const kept = new Set<number>()
	for (const [i, shift] of shifts.entries()) {
		if (shift.id !== null && existing.has(shift.id)) {
			kept.add(shift.id)
			await trx
				.updateTable('event_helper_shift')
				.set({ title: shift.title, needed: shift.needed, sort_order: i })
				.where('id', '=', shift.id)
				.execute()
		} else {
			await trx
				.insertInto('event_helper_shift')
				.values({ event_id: eventId, title: shift.title, needed: shift.needed, sort_order: i })
				.execute()
		}
	}
	const removed = [...existing].filter((id) => !kept.has(id))
	if (removed.length > 0) await trx.deleteFrom('event_helper_shift').where('id', 'in', removed).execute()
}

export type PublishOutcome = { kind: 'published' } | { kind: 'startInPast' } | { kind: 'unavailable' }

export async function publishEvent(db: DB, eventId: number, now = new Date()): Promise<PublishOutcome> {
	return db.transaction().execute(async (trx) => {
		const event = await trx.selectFrom('event').selectAll().where('id', '=', eventId).executeTakeFirst()
		if (!event || event.status === 'cancelled') return { kind: 'unavailable' }
		if (event.status === 'published') return { kind: 'published' }
		if (event.starts_at <= now.toISOString()) return { kind: 'startInPast' }
		await trx
			.updateTable('event')
			.set({ status: 'published', published_at: now.toISOString(), updated_at: now.toISOString() })
			.where('id', '=', eventId)
			.execute()
		return { kind: 'published' }
	})
}

/**
 * Cancels an event: everyone going, waiting or helping gets an email with a calendar CANCEL (same
 * UID, higher SEQUENCE) that removes it from their calendar. A draft is simply cancelled.
 */
export async function cancelEvent(
	db: DB,
	eventId: number,
	note: string | null,
	now = new Date(),
): Promise<{ kind: 'cancelled'; notified: number } | { kind: 'unavailable' }> {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('event').selectAll().where('id', '=', eventId).executeTakeFirst()
		if (!before || before.status === 'cancelled') return { kind: 'unavailable' }
		const event = await trx
			.updateTable('event')
			.set({
				status: 'cancelled',
				cancelled_at: now.toISOString(),
				updated_at: now.toISOString(),
				sequence: before.sequence + 1,
			})
			.where('id', '=', eventId)
			.returningAll()
			.executeTakeFirstOrThrow()
		let notified = 0
		if (before.status === 'published' && before.ends_at > now.toISOString()) {
			for (const person of await affectedPeople(trx, eventId)) {
				await queueEmail(trx, await cancelledEmail(event, person, note, now), now)
				notified += 1
			}
		}
		return { kind: 'cancelled', notified }
	})
}

/**
 * Undoes a cancellation. Nothing about the places changed while the event was cancelled (places
 * cannot be given up or taken then), so everyone going has their place back and the waitlist
 * keeps its order; each of them, and each helper, gets an email with a calendar entry whose
 * higher SEQUENCE replaces the CANCEL. A free place goes to the waitlist at once. An event that
 * has already ended stays cancelled; one that was a draft becomes a draft again.
 */
export async function restoreEvent(
	db: DB,
	eventId: number,
	now = new Date(),
): Promise<{ kind: 'restored'; notified: number } | { kind: 'ended' } | { kind: 'unavailable' }> {
	return db.transaction().execute(async (trx) => {
		const before = await lockedEvent(trx, eventId)
		if (!before || before.status !== 'cancelled') return { kind: 'unavailable' }
		if (before.ends_at <= now.toISOString()) return { kind: 'ended' }
		const event = await trx
			.updateTable('event')
			.set({
				status: before.published_at ? 'published' : 'draft',
				cancelled_at: null,
				updated_at: now.toISOString(),
				sequence: before.sequence + 1,
			})
			.where('id', '=', eventId)
			.returningAll()
			.executeTakeFirstOrThrow()
		let notified = 0
		if (event.status === 'published') {
			for (const person of await affectedPeople(trx, eventId)) {
				await queueEmail(trx, await restoredEmail(event, person, now), now)
				notified += 1
			}
			await promoteFromWaitlist(trx, event, now)
		}
		return { kind: 'restored', notified }
	})
}

/** A draft copy with the same details and shifts; a copy of a past event moves on by whole weeks. */
export async function duplicateEvent(
	db: DB,
	eventId: number,
	organiserId: number,
	now = new Date(),
	timeZone = config.timeZone,
): Promise<Event | undefined> {
	const original = await getEvent(db, eventId)
	if (!original) return undefined
	const shifts = await db
		.selectFrom('event_helper_shift')
		.select(['title', 'needed'])
		.where('event_id', '=', eventId)
		.orderBy('sort_order')
		.execute()
	let input: EventInput = {
		type: original.type as EventType,
		audience: original.audience,
		title: original.title,
		description: original.description,
		titleEn: original.title_en,
		descriptionEn: original.description_en,
		imageId: original.image_id,
		themeId: original.theme_id,
		startsAt: original.starts_at,
		endsAt: original.ends_at,
		place: original.place,
		onlineUrl: original.online_url,
		capacity: original.capacity,
		rsvpClosesAt: original.rsvp_closes_at,
		reminderHours: original.reminder_hours,
		shifts: shifts.map((s) => ({ id: null, title: s.title, needed: s.needed })),
	}
	while (input.startsAt <= now.toISOString()) input = shiftOccurrence(input, { days: 7 }, timeZone)
	return db.transaction().execute((trx) => insertEvent(trx, organiserId, input, 'draft', null, now, timeZone))
}
