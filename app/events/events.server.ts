import { sql, type ExpressionBuilder } from 'kysely'
import { config } from '#app/config.server.ts'
import { queueEmail, type RenderedEmail } from '#app/mail/send-email.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { Database, Event, EventStatus, RsvpStatus } from '#db/schema.ts'
import { cancelledEmail, changedEmail, messageEmail, type Recipient } from './notices.server.tsx'
import { promoteFromWaitlist } from './rsvp.server.ts'
import type { EventInput, EventType, RepeatInput } from './schemas.ts'
import { addToLocalDate, localToUtc, utcToLocal } from '#app/common/time.ts'
import { csvCell } from '#app/common/csv.ts'

/**
 * The life of an event on the organisers' side: create (alone or as a series), edit, publish,
 * cancel, duplicate; and what residents see: the list and one event's page.
 */

// ---------------------------------------------------------------------------------------------
// Finding and listing

/** `/events/<slug>` or `/events/<id>`: both lead to the event. */
export async function findEvent(db: DB, slugOrId: string): Promise<Event | undefined> {
	const bySlug = await db.selectFrom('event').selectAll().where('slug', '=', slugOrId).executeTakeFirst()
	if (bySlug) return bySlug
	if (!/^\d{1,12}$/.test(slugOrId)) return undefined
	return db.selectFrom('event').selectAll().where('id', '=', Number(slugOrId)).executeTakeFirst()
}

export async function getEvent(db: DB, eventId: number): Promise<Event | undefined> {
	return db.selectFrom('event').selectAll().where('id', '=', eventId).executeTakeFirst()
}

/** The event an organiser's page is about, or a 404 answer for an id that names none. */
export async function eventOr404(db: DB, eventId: number | string): Promise<Event> {
	const event = await getEvent(db, Number(eventId))
	if (!event) throw new Response('Not found', { status: 404 })
	return event
}

export interface EventFilter {
	type?: EventType
	/** YYYY-MM in the deployment's time zone. */
	month?: string
	when: 'upcoming' | 'past'
	/** From 1. */
	page?: number
}

export interface EventListItem {
	id: number
	slug: string
	type: string
	title: string
	starts_at: string
	ends_at: string
	place: string | null
	online_url: string | null
	capacity: number | null
	status: EventStatus
	going: number
	waiting: number
	helpersNeeded: number
	helpersTaken: number
}

function withCounts(db: DbHandle) {
	return db.selectFrom('event').select((eb) => [
		'event.id',
		'event.slug',
		'event.type',
		'event.title',
		'event.starts_at',
		'event.ends_at',
		'event.place',
		'event.online_url',
		'event.capacity',
		'event.status',
		eb
			.selectFrom('event_rsvp')
			.select((e) => e.fn.countAll<number>().as('n'))
			.whereRef('event_rsvp.event_id', '=', 'event.id')
			.where('event_rsvp.status', '=', 'going')
			.as('going'),
		eb
			.selectFrom('event_rsvp')
			.select((e) => e.fn.countAll<number>().as('n'))
			.whereRef('event_rsvp.event_id', '=', 'event.id')
			.where('event_rsvp.status', '=', 'waiting')
			.as('waiting'),
		eb
			.selectFrom('event_helper_shift')
			.select((e) => e.fn.coalesce(e.fn.sum<number>('needed'), sql<number>`0`).as('n'))
			.whereRef('event_helper_shift.event_id', '=', 'event.id')
			.as('helpersNeeded'),
		eb
			.selectFrom('event_helper')
			.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
			.select((e) => e.fn.countAll<number>().as('n'))
			.whereRef('event_helper_shift.event_id', '=', 'event.id')
			.as('helpersTaken'),
	])
}

function toListItem(row: Awaited<ReturnType<ReturnType<typeof withCounts>['execute']>>[number]): EventListItem {
	return {
		...row,
		going: Number(row.going ?? 0),
		waiting: Number(row.waiting ?? 0),
		helpersNeeded: Number(row.helpersNeeded ?? 0),
		helpersTaken: Number(row.helpersTaken ?? 0),
	}
}

/** How many events the public list shows on one page: a phone's worth of scrolling, not a year's. */
export const EVENTS_PER_PAGE = 24

/**
 * Published (and cancelled, so people learn of it) events for the public list, soonest first,
 * one page at a time; `total` is how many match the filter on all pages.
 */
export async function listEvents(
	db: DB,
	filter: EventFilter,
	now = new Date(),
	timeZone = config.timeZone,
): Promise<{ events: EventListItem[]; total: number }> {
	const nowIso = now.toISOString()
	const matching = (eb: ExpressionBuilder<Database, 'event'>) => {
		const conditions = [
			eb('event.status', 'in', ['published', 'cancelled']),
			eb('event.published_at', 'is not', null),
			filter.when === 'past' ? eb('event.ends_at', '<=', nowIso) : eb('event.ends_at', '>', nowIso),
		]
		if (filter.type) conditions.push(eb('event.type', '=', filter.type))
		if (filter.month) {
			const from = localToUtc({ date: `${filter.month}-01`, time: '00:00' }, timeZone).toISOString()
			const to = localToUtc({ date: addToLocalDate(`${filter.month}-01`, { months: 1 }), time: '00:00' }, timeZone).toISOString()
			conditions.push(eb('event.starts_at', '>=', from), eb('event.starts_at', '<', to))
		}
		return eb.and(conditions)
	}
	const [rows, count] = await Promise.all([
		withCounts(db)
			.where(matching)
			.orderBy('event.starts_at', filter.when === 'past' ? 'desc' : 'asc')
			.orderBy('event.id')
			.limit(EVENTS_PER_PAGE)
			.offset(((filter.page ?? 1) - 1) * EVENTS_PER_PAGE)
			.execute(),
		db.selectFrom('event').select((eb) => eb.fn.countAll<number>().as('n')).where(matching).executeTakeFirstOrThrow(),
	])
	return { events: rows.map(toListItem), total: Number(count.n) }
}

/** Every event for organisers, drafts included: upcoming soonest first, then the past. */
export async function listEventsForOrganisers(db: DB, now = new Date()): Promise<{ upcoming: EventListItem[]; past: EventListItem[] }> {
	const nowIso = now.toISOString()
	const [upcoming, past] = await Promise.all([
		withCounts(db).where('event.ends_at', '>', nowIso).orderBy('event.starts_at', 'asc').limit(500).execute(),
		withCounts(db).where('event.ends_at', '<=', nowIso).orderBy('event.starts_at', 'desc').limit(100).execute(),
	])
	return { upcoming: upcoming.map(toListItem), past: past.map(toListItem) }
}

export interface HelperShiftView {
	id: number
	title: string
	needed: number
	taken: number
	mine: boolean
}

export interface EventPageData {
	going: number
	waiting: number
	placesLeft: number | null
	shifts: HelperShiftView[]
	myRsvp: { status: RsvpStatus; placeInQueue: number | null } | null
	organiser: string
	attended: number
}

/** What one event's page shows, for the person looking at it (or for a visitor). */
export async function eventPageData(db: DB, event: Event, userId: number | null): Promise<EventPageData> {
	const [counts, shifts, mine, organiser, attended] = await Promise.all([
		db
			.selectFrom('event_rsvp')
			.select((eb) => [
				eb.fn.countAll<number>().filterWhere('status', '=', 'going').as('going'),
				eb.fn.countAll<number>().filterWhere('status', '=', 'waiting').as('waiting'),
			])
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('event_helper_shift')
			.leftJoin('event_helper', 'event_helper.shift_id', 'event_helper_shift.id')
			.select((eb) => [
				'event_helper_shift.id',
				'event_helper_shift.title',
				'event_helper_shift.needed',
				eb.fn.count<number>('event_helper.id').as('taken'),
				eb.fn.max(eb.case().when('event_helper.user_id', '=', userId ?? -1).then(1).else(0).end()).as('mine'),
			])
			.where('event_helper_shift.event_id', '=', event.id)
			.groupBy('event_helper_shift.id')
			.orderBy('event_helper_shift.sort_order')
			.orderBy('event_helper_shift.id')
			.execute(),
		userId
			? db.selectFrom('event_rsvp').select(['status', 'position']).where('event_id', '=', event.id).where('user_id', '=', userId).executeTakeFirst()
			: undefined,
		db.selectFrom('user').select('name').where('id', '=', event.organiser_id).executeTakeFirst(),
		db
			.selectFrom('event_attendance')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow(),
	])
	const going = Number(counts.going)
	let myRsvp: EventPageData['myRsvp'] = null
	if (mine && mine.status !== 'cancelled') {
		let placeInQueue: number | null = null
		if (mine.status === 'waiting') {
			const ahead = await db
				.selectFrom('event_rsvp')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('event_id', '=', event.id)
				.where('status', '=', 'waiting')
				.where('position', '<=', mine.position)
				.executeTakeFirstOrThrow()
			placeInQueue = Number(ahead.n)
		}
		myRsvp = { status: mine.status, placeInQueue }
	}
	return {
		going,
		waiting: Number(counts.waiting),
		placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - going),
		shifts: shifts.map((s) => ({ id: s.id, title: s.title, needed: s.needed, taken: Number(s.taken), mine: Number(s.mine) === 1 })),
		myRsvp,
		organiser: organiser?.name ?? '',
		attended: Number(attended.n),
	}
}

// ---------------------------------------------------------------------------------------------
// Creating and changing

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

async function uniqueSlug(db: DbHandle, base: string): Promise<string> {
	const taken = new Set(
		(await db.selectFrom('event').select('slug').where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)])).execute()).map((r) => r.slug),
	)
	if (!taken.has(base)) return base
	for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

function eventColumns(input: EventInput) {
	return {
		type: input.type,
		title: input.title,
		description: input.description,
		starts_at: input.startsAt,
		ends_at: input.endsAt,
		place: input.place,
		online_url: input.onlineUrl,
		capacity: input.capacity,
		rsvp_closes_at: input.rsvpClosesAt,
		reminder_hours: input.reminderHours,
	}
}

async function insertEvent(trx: DbHandle, organiserId: number, input: EventInput, status: EventStatus, seriesId: string | null, now: Date, timeZone: string) {
	const slug = await uniqueSlug(trx, slugify(input.title, utcToLocal(input.startsAt, timeZone).date))
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
export function shiftOccurrence(input: EventInput, step: { days?: number; months?: number }, timeZone: string): EventInput {
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
		? Array.from({ length: repeat.occurrences }, (_, k) => (k === 0 ? input : shiftOccurrence(input, repeat.every === 'weekly' ? { days: 7 * k } : { months: k }, timeZone)))
		: [input]
	const seriesId = repeat ? crypto.randomUUID() : null
	return db.transaction().execute(async (trx) => {
		const events: Event[] = []
		for (const occurrence of occurrences) events.push(await insertEvent(trx, organiserId, occurrence, publish ? 'published' : 'draft', seriesId, now, timeZone))
		return events
	})
}

/** Everyone who should hear about a change: going, waiting and helpers, once each. */
async function affectedPeople(db: DbHandle, eventId: number, statuses: RsvpStatus[] = ['going', 'waiting']): Promise<Recipient[]> {
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

export type UpdateOutcome = { kind: 'updated'; event: Event; notified: number; promoted: number } | { kind: 'unavailable' }

/**
 * Saves an organiser's edit. A change of time or place on a published event raises the calendar
 * SEQUENCE and emails everyone going, waiting or helping an updated entry; more places promote
 * from the waitlist at once.
 */
export async function updateEvent(db: DB, eventId: number, input: EventInput, { publish }: { publish: boolean }, now = new Date()): Promise<UpdateOutcome> {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('event').selectAll().where('id', '=', eventId).executeTakeFirst()
		if (!before || before.status === 'cancelled') return { kind: 'unavailable' }
		const moved =
			before.starts_at !== input.startsAt || before.ends_at !== input.endsAt || before.place !== input.place || before.online_url !== input.onlineUrl
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
	const existing = new Set((await trx.selectFrom('event_helper_shift').select('id').where('event_id', '=', eventId).execute()).map((r) => r.id))
	const kept = new Set<number>()
	for (const [i, shift] of shifts.entries()) {
		if (shift.id !== null && existing.has(shift.id)) {
			kept.add(shift.id)
			await trx.updateTable('event_helper_shift').set({ title: shift.title, needed: shift.needed, sort_order: i }).where('id', '=', shift.id).execute()
		} else {
			await trx.insertInto('event_helper_shift').values({ event_id: eventId, title: shift.title, needed: shift.needed, sort_order: i }).execute()
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
export async function cancelEvent(db: DB, eventId: number, note: string | null, now = new Date()): Promise<{ kind: 'cancelled'; notified: number } | { kind: 'unavailable' }> {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('event').selectAll().where('id', '=', eventId).executeTakeFirst()
		if (!before || before.status === 'cancelled') return { kind: 'unavailable' }
		const event = await trx
			.updateTable('event')
			.set({ status: 'cancelled', cancelled_at: now.toISOString(), updated_at: now.toISOString(), sequence: before.sequence + 1 })
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

/** A draft copy with the same details and shifts; a copy of a past event moves on by whole weeks. */
export async function duplicateEvent(db: DB, eventId: number, organiserId: number, now = new Date(), timeZone = config.timeZone): Promise<Event | undefined> {
	const original = await getEvent(db, eventId)
	if (!original) return undefined
	const shifts = await db.selectFrom('event_helper_shift').select(['title', 'needed']).where('event_id', '=', eventId).orderBy('sort_order').execute()
	let input: EventInput = {
		type: original.type as EventType,
		title: original.title,
		description: original.description,
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

// ---------------------------------------------------------------------------------------------
// Attendees, messages

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
export async function attendeeList(db: DB, eventId: number): Promise<{ going: Attendee[]; waiting: Attendee[]; helpers: Attendee[] }> {
	const [rsvps, helpers, attendance] = await Promise.all([
		db
			.selectFrom('event_rsvp')
			.innerJoin('user', 'user.id', 'event_rsvp.user_id')
			.select(['user.id as userId', 'user.name', 'user.email', 'event_rsvp.status', 'event_rsvp.position', 'event_rsvp.created_at', 'event_rsvp.updated_at'])
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
		db.selectFrom('event_attendance').select(['user_id', 'checked_in_at']).where('event_id', '=', eventId).where('user_id', 'is not', null).execute(),
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

// ---------------------------------------------------------------------------------------------
// A person's own events

export interface MyEvent {
	id: number
	slug: string
	title: string
	type: string
	starts_at: string
	ends_at: string
	status: EventStatus
	rsvp: { status: RsvpStatus; placeInQueue: number | null } | null
	shifts: string[]
	attended: boolean
}

/** What a person is going to, waiting for or helping with (upcoming), and what they came to (past). */
export async function myEvents(db: DB, userId: number, now = new Date()): Promise<{ upcoming: MyEvent[]; past: MyEvent[] }> {
	const [rsvps, helping, attended] = await Promise.all([
		db.selectFrom('event_rsvp').select(['event_id', 'status', 'position']).where('user_id', '=', userId).where('status', 'in', ['going', 'waiting']).execute(),
		db
			.selectFrom('event_helper')
			.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
			.select(['event_helper_shift.event_id', 'event_helper_shift.title'])
			.where('event_helper.user_id', '=', userId)
			.execute(),
		db.selectFrom('event_attendance').select('event_id').where('user_id', '=', userId).execute(),
	])
	const ids = [...new Set([...rsvps.map((r) => r.event_id), ...helping.map((h) => h.event_id), ...attended.map((a) => a.event_id)])]
	if (ids.length === 0) return { upcoming: [], past: [] }
	const events = await db
		.selectFrom('event')
		.select(['id', 'slug', 'title', 'type', 'starts_at', 'ends_at', 'status'])
		.where('id', 'in', ids)
		.where('published_at', 'is not', null)
		.orderBy('starts_at')
		.execute()
	const came = new Set(attended.map((a) => a.event_id))
	const result: MyEvent[] = []
	for (const e of events) {
		const r = rsvps.find((x) => x.event_id === e.id)
		let placeInQueue: number | null = null
		if (r?.status === 'waiting') {
			const ahead = await db
				.selectFrom('event_rsvp')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('event_id', '=', e.id)
				.where('status', '=', 'waiting')
				.where('position', '<=', r.position)
				.executeTakeFirstOrThrow()
			placeInQueue = Number(ahead.n)
		}
		result.push({
			...e,
			rsvp: r ? { status: r.status, placeInQueue } : null,
			shifts: helping.filter((h) => h.event_id === e.id).map((h) => h.title),
			attended: came.has(e.id),
		})
	}
	const nowIso = now.toISOString()
	return {
		upcoming: result.filter((e) => e.ends_at > nowIso),
		past: result.filter((e) => e.ends_at <= nowIso && (e.attended || e.rsvp?.status === 'going' || e.shifts.length > 0)).reverse(),
	}
}
