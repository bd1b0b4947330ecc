import { sql, type ExpressionBuilder } from 'kysely'
import { requirePermission, type SessionUser } from '#app/auth/session.server.ts'
import { formatEventWhen } from '#app/common/format.ts'
import { addToLocalDate, localToUtc } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import { picturesById } from '#app/images/images.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import type { PictureImage } from '#app/images/sources.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { Database, Event, EventAudience, EventStatus, RsvpStatus } from '#db/schema.ts'
import { eventTitle } from './languages.ts'
import { managesEvent } from './organisers.server.ts'
import { placesLeft } from './places.ts'
import { placeInQueue } from './rsvp.server.ts'
import type { EventType } from './schemas.ts'

/** Finding events and what residents and organisers see of them: the lists and one event's page. */

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

/** The event an organiser's page is about (`params.eventId`), or a 404 answer for an id that names none. */
export async function eventOr404(db: DB, eventId: number | string): Promise<Event> {
	const id = Number(eventId)
	const event = Number.isInteger(id) && id > 0 ? await getEvent(db, id) : undefined
	if (!event) throw new Response('Not found', { status: 404 })
	return event
}

/**
 * What each organiser's page about one event starts with: the organiser (or the sign-in redirect,
 * or 403), then the event (or 404), then whether it is theirs to manage (or 403): their own, one
 * they co-organise, or any for a coordinator (app/events/organisers.server.ts). The permission
 * comes first, so a visitor without it learns nothing about which ids exist.
 */
export async function organisersEvent(
	db: DB,
	request: Request,
	eventId: number | string,
): Promise<{ organiser: SessionUser; event: Event }> {
	const organiser = await requirePermission(request, 'events:organise')
	const event = await eventOr404(db, eventId)
	if (!(await managesEvent(db, organiser.id, event))) throw new Response('Forbidden', { status: 403 })
	return { organiser, event }
}

export interface EventFilter {
	type?: EventType
	/** YYYY-MM in the deployment's time zone. */
	month?: string
	when: 'upcoming' | 'past'
	/** Only the events of one focus theme (issue 10). */
	themeId?: number
	/** Only the events for one audience, e.g. partner organisations' network meetings (issue 11). */
	audience?: EventAudience
	/** From 1. */
	page?: number
}

export interface EventListItem {
	id: number
	slug: string
	type: string
	/** Who may take a place; the list marks events for partners. */
	audience: EventAudience
	title: string
	/** The English title, if written (app/events/languages.ts picks). */
	title_en: string | null
	/** The event's picture, if it has one. */
	image: PictureImage | null
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

/** How many people are going to the event of the outer query: the one count every list shows. */
export function goingCount(eb: ExpressionBuilder<Database, 'event'>) {
	return eb
		.selectFrom('event_rsvp')
		.select((e) => e.fn.countAll<number>().as('n'))
		.whereRef('event_rsvp.event_id', '=', 'event.id')
		.where('event_rsvp.status', '=', 'going')
}

function withCounts(db: DbHandle) {
	return db.selectFrom('event').select((eb) => [
		'event.id',
		'event.slug',
		'event.type',
		'event.audience',
		'event.title',
		'event.title_en',
		'event.image_id',
		'event.starts_at',
		'event.ends_at',
		'event.place',
		'event.online_url',
		'event.capacity',
		'event.status',
		goingCount(eb).as('going'),
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

type CountedRow = Awaited<ReturnType<ReturnType<typeof withCounts>['execute']>>[number]

/** The rows as list items, with their pictures fetched in one query. */
async function toListItems(db: DbHandle, rows: CountedRow[]): Promise<EventListItem[]> {
	const pictures = await picturesById(
		db,
		rows.map((row) => row.image_id),
	)
	return rows.map((row) => toListItem(row, row.image_id === null ? null : (pictures.get(row.image_id) ?? null)))
}

function toListItem({ image_id: _imageId, ...row }: CountedRow, image: PictureImage | null): EventListItem {
	return {
		...row,
		image,
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
		if (filter.themeId !== undefined) conditions.push(eb('event.theme_id', '=', filter.themeId))
		if (filter.audience) conditions.push(eb('event.audience', '=', filter.audience))
		if (filter.month) {
			const from = localToUtc({ date: `${filter.month}-01`, time: '00:00' }, timeZone).toISOString()
			const to = localToUtc(
				{ date: addToLocalDate(`${filter.month}-01`, { months: 1 }), time: '00:00' },
				timeZone,
			).toISOString()
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
		db
			.selectFrom('event')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where(matching)
			.executeTakeFirstOrThrow(),
	])
	return { events: await toListItems(db, rows), total: Number(count.n) }
}

/**
 * The next few events for one audience, for a short list on another area's page (a partner's
 * management page lists the network meetings): title in the reader's language, time in words.
 */
export async function nextEventsFor(
	db: DB,
	audience: EventAudience,
	language: SupportedLanguage,
	limit = 5,
	now = new Date(),
): Promise<Array<{ slug: string; title: string; titleLang: 'sv' | 'en'; when: string }>> {
	const { events } = await listEvents(db, { when: 'upcoming', audience }, now)
	return events
		.filter((event) => event.status === 'published')
		.slice(0, limit)
		.map((event) => {
			const title = eventTitle(event, language)
			return {
				slug: event.slug,
				title: title.text,
				titleLang: title.lang,
				when: formatEventWhen(event.starts_at, event.ends_at, language, config.timeZone),
			}
		})
}

/**
 * Every event for organisers, drafts included: upcoming soonest first, then the past. With `only`,
 * just those events (the ones an organiser manages, from managedEventIds).
 */
export async function listEventsForOrganisers(
	db: DB,
	now = new Date(),
	only: number[] | null = null,
): Promise<{ upcoming: EventListItem[]; past: EventListItem[] }> {
	const nowIso = now.toISOString()
	const base = () => (only ? withCounts(db).where('event.id', 'in', only.length ? only : [0]) : withCounts(db))
	const [upcoming, past] = await Promise.all([
		base().where('event.ends_at', '>', nowIso).orderBy('event.starts_at', 'asc').limit(500).execute(),
		base().where('event.ends_at', '<=', nowIso).orderBy('event.starts_at', 'desc').limit(100).execute(),
	])
	return { upcoming: await toListItems(db, upcoming), past: await toListItems(db, past) }
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
				eb.fn
					.max(
						eb
							.case()
							.when('event_helper.user_id', '=', userId ?? -1)
							.then(1)
							.else(0)
							.end(),
					)
					.as('mine'),
			])
			.where('event_helper_shift.event_id', '=', event.id)
			.groupBy('event_helper_shift.id')
			.orderBy('event_helper_shift.sort_order')
			.orderBy('event_helper_shift.id')
			.execute(),
		userId
			? db
					.selectFrom('event_rsvp')
					.select(['status', 'position'])
					.where('event_id', '=', event.id)
					.where('user_id', '=', userId)
					.executeTakeFirst()
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
		myRsvp = {
			status: mine.status,
			placeInQueue: mine.status === 'waiting' ? await placeInQueue(db, event.id, mine.position) : null,
		}
	}
	return {
		going,
		waiting: Number(counts.waiting),
		placesLeft: placesLeft(event.capacity, going),
		shifts: shifts.map((s) => ({
			id: s.id,
			title: s.title,
			needed: s.needed,
			taken: Number(s.taken),
			mine: Number(s.mine) === 1,
		})),
		myRsvp,
		organiser: organiser?.name ?? '',
		attended: Number(attended.n),
	}
}
