import type { ExpressionBuilder } from 'kysely'
import type { DbHandle } from '#db/index.ts'
import type { Database } from '#db/schema.ts'
import { goingCount } from './listing.server.ts'
import { placesLeft } from './places.ts'

/**
 * What a person did and could do at events, for the other areas that ask (the engagement ladder):
 * events they came to or helped at, events and helper shifts they could still take, and the
 * counts the ladder's rules read. Asked through these functions, so only the events area reads
 * its tables. Events come with both titles; whoever shows one picks with languages.ts.
 */

export interface PastEvent {
	slug: string
	title: string
	title_en: string | null
	startsAt: string
}

/** The events a person was checked in at, newest first; with `helpedSince`, only those they helped at that ended since. */
export async function eventsAttended(
	db: DbHandle,
	userId: number,
	now: Date,
	helpedSince?: Date,
): Promise<PastEvent[]> {
	let query = db
		.selectFrom('event_attendance')
		.innerJoin('event', 'event.id', 'event_attendance.event_id')
		.select(['event.slug', 'event.title', 'event.title_en', 'event.starts_at'])
		.where('event_attendance.user_id', '=', userId)
		.orderBy('event.starts_at', 'desc')
		.limit(50)
	if (helpedSince) {
		query = query
			.where('event.ends_at', '<=', now.toISOString())
			.where('event.ends_at', '>', helpedSince.toISOString())
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('event_helper')
						.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
						.select('event_helper.id')
						.whereRef('event_helper_shift.event_id', '=', 'event.id')
						.where('event_helper.user_id', '=', userId),
				),
			)
	}
	const rows = await query.execute()
	return rows.map((r) => ({ slug: r.slug, title: r.title, title_en: r.title_en, startsAt: r.starts_at }))
}

export interface JoinableEvent {
	slug: string
	title: string
	title_en: string | null
	type: string
	startsAt: string
	endsAt: string
	place: string | null
	/** The person already has a place. */
	going: boolean
	placesLeft: number | null
}

/**
 * Published events ahead whose RSVP is still open, soonest first (at most 60); only of `types` when
 * given. Events for partners only when the person is going.
 */
export async function joinableEvents(
	db: DbHandle,
	userId: number,
	now: Date,
	types?: string[],
): Promise<JoinableEvent[]> {
	const nowIso = now.toISOString()
	const myPlace = (eb: ExpressionBuilder<Database, 'event'>) =>
		eb
			.selectFrom('event_rsvp')
			.select('event_rsvp.id')
			.whereRef('event_rsvp.event_id', '=', 'event.id')
			.where('event_rsvp.user_id', '=', userId)
			.where('event_rsvp.status', '=', 'going')
	let query = db
		.selectFrom('event')
		.select((eb) => [
			'event.slug',
			'event.title',
			'event.title_en',
			'event.type',
			'event.starts_at',
			'event.ends_at',
			'event.place',
			'event.capacity',
			goingCount(eb).as('going_count'),
			myPlace(eb).as('my_rsvp'),
		])
		.where('event.status', '=', 'published')
		.where('event.published_at', 'is not', null)
		.where('event.starts_at', '>', nowIso)
		.where((eb) => eb.or([eb('event.rsvp_closes_at', 'is', null), eb('event.rsvp_closes_at', '>', nowIso)]))
		// Events for partners are suggested only to those already going: most people cannot join them.
		.where((eb) => eb.or([eb('event.audience', '=', 'everyone'), eb.exists(myPlace(eb))]))
		.orderBy('event.starts_at', 'asc')
		.limit(60)
	if (types) query = query.where('event.type', 'in', types.length ? types : ['-'])
	const rows = await query.execute()
	return rows.map((r) => ({
		slug: r.slug,
		title: r.title,
		title_en: r.title_en,
		type: r.type,
		startsAt: r.starts_at,
		endsAt: r.ends_at,
		place: r.place,
		going: r.my_rsvp !== null,
		placesLeft: placesLeft(r.capacity, Number(r.going_count ?? 0)),
	}))
}

export interface ShiftAhead {
	shiftId: number
	title: string
	needed: number
	taken: number
	/** The person holds a place on this shift. */
	mine: boolean
	event: {
		slug: string
		title: string
		title_en: string | null
		startsAt: string
		endsAt: string
		place: string | null
	}
}

/** Helper shifts at published events ahead, soonest first (at most 100), each with its places taken. */
export async function shiftsAhead(db: DbHandle, userId: number, now: Date): Promise<ShiftAhead[]> {
	const rows = await db
		.selectFrom('event_helper_shift')
		.innerJoin('event', 'event.id', 'event_helper_shift.event_id')
		.select((eb) => [
			'event_helper_shift.id',
			'event_helper_shift.title',
			'event_helper_shift.needed',
			'event.slug',
			'event.title as event_title',
			'event.title_en as event_title_en',
			'event.starts_at',
			'event.ends_at',
			'event.place',
			eb
				.selectFrom('event_helper')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('event_helper.shift_id', '=', 'event_helper_shift.id')
				.as('taken'),
			eb
				.selectFrom('event_helper')
				.select('event_helper.id')
				.whereRef('event_helper.shift_id', '=', 'event_helper_shift.id')
				.where('event_helper.user_id', '=', userId)
				.as('my_place'),
		])
		.where('event.status', '=', 'published')
		.where('event.published_at', 'is not', null)
		.where('event.starts_at', '>', now.toISOString())
		.orderBy('event.starts_at', 'asc')
		.orderBy('event_helper_shift.sort_order', 'asc')
		.limit(100)
		.execute()
	return rows.map((r) => ({
		shiftId: r.id,
		title: r.title,
		needed: r.needed,
		taken: Number(r.taken ?? 0),
		mine: r.my_place !== null,
		event: {
			slug: r.slug,
			title: r.event_title,
			title_en: r.event_title_en,
			startsAt: r.starts_at,
			endsAt: r.ends_at,
			place: r.place,
		},
	}))
}

// ---------------------------------------------------------------------------------------------
// Counts for the ladder's rules, for some people (or, with null, everyone). They take the
// caller's transaction: the ladder reads them where it decides a promotion.

/** How many different events each person was checked in at. */
export async function eventsCheckedIn(
	db: DbHandle,
	userIds: number[] | null,
): Promise<Array<{ userId: number; events: number }>> {
	let query = db
		.selectFrom('event_attendance')
		.select((eb) => ['event_attendance.user_id', eb.fn.count<number>('event_attendance.event_id').distinct().as('n')])
		.where('event_attendance.user_id', 'is not', null)
		.groupBy('event_attendance.user_id')
	if (userIds) query = query.where('event_attendance.user_id', 'in', userIds)
	const rows = await query.execute()
	return rows.map((r) => ({ userId: r.user_id!, events: Number(r.n) }))
}

/** Helper shifts held at events where the person was also checked in: what counts as having helped. */
function helpedAt(db: DbHandle) {
	return db
		.selectFrom('event_helper')
		.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
		.innerJoin('event', 'event.id', 'event_helper_shift.event_id')
		.innerJoin('event_attendance', (join) =>
			join
				.onRef('event_attendance.event_id', '=', 'event.id')
				.onRef('event_attendance.user_id', '=', 'event_helper.user_id'),
		)
}

/**
 * How many different events each person helped at that ended within the window: a shift held,
 * the event over, and the person checked in there.
 */
export async function eventsHelpedAt(
	db: DbHandle,
	userIds: number[] | null,
	{ since, now }: { since: Date; now: Date },
): Promise<Array<{ userId: number; events: number }>> {
	let query = helpedAt(db)
		.select((eb) => ['event_helper.user_id', eb.fn.count<number>('event.id').distinct().as('n')])
		.where('event.ends_at', '<=', now.toISOString())
		.where('event.ends_at', '>', since.toISOString())
		.groupBy('event_helper.user_id')
	if (userIds) query = query.where('event_helper.user_id', 'in', userIds)
	const rows = await query.execute()
	return rows.map((r) => ({ userId: r.user_id, events: Number(r.n) }))
}

/** The event of the person's latest check-in. */
export async function lastEventCheckedIn(db: DbHandle, userId: number): Promise<number | null> {
	const row = await db
		.selectFrom('event_attendance')
		.select('event_id')
		.where('user_id', '=', userId)
		.orderBy('checked_in_at', 'desc')
		.orderBy('id', 'desc')
		.executeTakeFirst()
	return row?.event_id ?? null
}

/** The latest event, ended by `now`, where the person held a shift and was checked in. */
export async function lastEventHelpedAt(db: DbHandle, userId: number, now: Date): Promise<number | null> {
	const row = await helpedAt(db)
		.select('event.id')
		.where('event_helper.user_id', '=', userId)
		.where('event.ends_at', '<=', now.toISOString())
		.orderBy('event.ends_at', 'desc')
		.executeTakeFirst()
	return row?.id ?? null
}

/** Each person's latest check-in, for the coordinators' "last activity". */
export async function lastCheckIns(db: DbHandle, userIds: number[]): Promise<Map<number, string>> {
	const latest = new Map<number, string>()
	// In chunks: SQLite limits the number of bound parameters.
	for (let i = 0; i < userIds.length; i += 500) {
		const rows = await db
			.selectFrom('event_attendance')
			.select((eb) => ['user_id', eb.fn.max('checked_in_at').as('last')])
			.where('user_id', 'in', userIds.slice(i, i + 500))
			.groupBy('user_id')
			.execute()
		for (const r of rows) if (r.user_id !== null && r.last) latest.set(r.user_id, r.last)
	}
	return latest
}
