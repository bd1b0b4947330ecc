import { requirePermission, requireUser, userHasPermission } from '#app/auth/session.server.ts'
import { formatEventWhen } from '#app/common/format.ts'
import { config } from '#app/config.server.ts'
import { eventTitle } from '#app/events/languages.ts'
import { getEvent, listEventsForOrganisers } from '#app/events/listing.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { partnersOf } from '#app/partners/partners.server.ts'
import { getDb, type DB, type DbHandle } from '#db/index.ts'
import type { Event, PartnershipDay } from '#db/schema.ts'

/**
 * Partnership days: an event of the events area that coordinators turn into a day where partners
 * meet in speed-dating rounds and make action pledges (Hjørring's "partnerskabsdag"). This module
 * finds days, makes them, and guards their pages; the events area is asked through its public
 * functions, never read directly.
 */

export interface DayOfEvent {
	day: PartnershipDay
	event: Event
}

export async function dayOfEvent(db: DbHandle, eventId: number): Promise<DayOfEvent | undefined> {
	const day = await db.selectFrom('partnership_day').selectAll().where('event_id', '=', eventId).executeTakeFirst()
	if (!day) return undefined
	const event = await getEvent(db as DB, eventId)
	return event ? { day, event } : undefined
}

/** The day of `/…/:eventId`, or a 404 answer for an id that names none. */
export async function dayOr404(db: DbHandle, eventIdParam: string | undefined): Promise<DayOfEvent> {
	const id = Number(eventIdParam)
	const found = Number.isInteger(id) && id > 0 ? await dayOfEvent(db, id) : undefined
	if (!found) throw new Response('Not found', { status: 404 })
	return found
}

/** Where an event's page links when the event is a partnership day; null when it is not. */
export async function partnershipDayPath(db: DbHandle, eventId: number): Promise<string | null> {
	const day = await db.selectFrom('partnership_day').select('id').where('event_id', '=', eventId).executeTakeFirst()
	return day ? `/partnership-day/${eventId}` : null
}

/** Partners sign up and change their tags until the day starts; then the rounds are what counts. */
export function registrationOpen(event: Pick<Event, 'starts_at' | 'status'>, now = new Date()): boolean {
	return event.status === 'published' && now.toISOString() < event.starts_at
}

export function hasStarted(event: Pick<Event, 'starts_at'>, now = new Date()): boolean {
	return now.toISOString() >= event.starts_at
}

/** What every page of a day shows about its event, in the reader's language. */
export function dayView(event: Event, language: SupportedLanguage, now = new Date()) {
	const title = eventTitle(event, language)
	return {
		eventId: event.id,
		eventSlug: event.slug,
		title: title.text,
		titleLang: title.lang,
		when: formatEventWhen(event.starts_at, event.ends_at, language, config.timeZone),
		place: event.place,
		cancelled: event.status === 'cancelled',
		started: hasStarted(event, now),
		ended: now.toISOString() >= event.ends_at,
		registrationOpen: registrationOpen(event, now),
	}
}
export type DayView = ReturnType<typeof dayView>

export type CreateDayOutcome = 'created' | 'exists' | 'not-eligible'

/** Makes an upcoming published event a partnership day, once. */
export async function createPartnershipDay(
	db: DB,
	eventId: number,
	userId: number,
	now = new Date(),
): Promise<CreateDayOutcome> {
	const event = await getEvent(db, eventId)
	if (!event || event.status !== 'published' || hasStarted(event, now)) return 'not-eligible'
	const inserted = await db
		.insertInto('partnership_day')
		.values({ event_id: eventId, created_by: userId, created_at: now.toISOString() })
		.onConflict((oc) => oc.column('event_id').doNothing())
		.executeTakeFirst()
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 ? 'created' : 'exists'
}

/** Upcoming published events that are not partnership days yet: what a coordinator may turn into one. */
export async function candidateEvents(db: DB, language: SupportedLanguage, now = new Date()) {
	const [{ upcoming }, days] = await Promise.all([
		listEventsForOrganisers(db, now),
		db.selectFrom('partnership_day').select('event_id').execute(),
	])
	const taken = new Set(days.map((day) => day.event_id))
	return upcoming
		.filter((event) => event.status === 'published' && event.starts_at > now.toISOString() && !taken.has(event.id))
		.map((event) => ({
			id: event.id,
			title: eventTitle(event, language).text,
			when: formatEventWhen(event.starts_at, event.ends_at, language, config.timeZone),
		}))
}

/** Every partnership day with its figures, the latest first. */
export async function listPartnershipDays(db: DB, language: SupportedLanguage, now = new Date()) {
	const rows = await db
		.selectFrom('partnership_day')
		.select((eb) => [
			'partnership_day.id',
			'partnership_day.event_id',
			'partnership_day.rounds_generated_at',
			eb
				.selectFrom('partnership_day_registration')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('partnership_day_registration.day_id', '=', 'partnership_day.id')
				.as('registered'),
			eb
				.selectFrom('partnership_day_meeting')
				.select((e) => e.fn.max('round').as('n'))
				.whereRef('partnership_day_meeting.day_id', '=', 'partnership_day.id')
				.as('rounds'),
			eb
				.selectFrom('action_pledge')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('action_pledge.day_id', '=', 'partnership_day.id')
				.as('pledges'),
			eb
				.selectFrom('action_pledge')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('action_pledge.day_id', '=', 'partnership_day.id')
				.where('action_pledge.answer', 'is not', null)
				.as('answered'),
		])
		.execute()
	const days = await Promise.all(
		rows.map(async (row) => {
			const event = await getEvent(db, row.event_id)
			return event
				? {
						...dayView(event, language, now),
						startsAt: event.starts_at,
						registered: Number(row.registered ?? 0),
						rounds: Number(row.rounds ?? 0),
						pledges: Number(row.pledges ?? 0),
						answered: Number(row.answered ?? 0),
					}
				: null
		}),
	)
	return days.filter((day) => day !== null).sort((a, b) => (a.startsAt < b.startsAt ? 1 : -1))
}

/** The area's t in the request's language, and the head of a page's loader data (for `titleMeta`). */
async function pageBasics(request: Request) {
	const language = await getLanguage(request)
	const head = (title: string) => ({ pactName: config.pact.name, title })
	return { language, head, t: await getT(language, 'partnership-day') }
}

/** What the coordinators' pages start with: only someone who may manage partners gets further. */
export async function coordinatorsPage(request: Request) {
	const coordinator = await requirePermission(request, 'partners:manage')
	return { db: getDb(), coordinator, ...(await pageBasics(request)) }
}

/** A coordinator's page about one day: the guard first, so the ids that exist stay unknown to others. */
export async function coordinatorsDayPage(request: Request, eventIdParam: string | undefined) {
	const page = await coordinatorsPage(request)
	const found = await dayOr404(page.db, eventIdParam)
	return {
		...page,
		...found,
		view: dayView(found.event, page.language),
		adminPath: `/admin/partnership-days/${found.event.id}`,
	}
}

/**
 * A day's page for the people who act for partners (and coordinators): a visitor is sent to sign
 * in, anyone else signed in gets 403, an unknown day 404. `memberships` are the partners the
 * person may sign up and answer for; every other partner's data is only shown.
 */
export async function partnersDayPage(request: Request, eventIdParam: string | undefined) {
	const user = await requireUser(request)
	const db = getDb()
	const [memberships, isCoordinator] = await Promise.all([
		partnersOf(db, user.id),
		userHasPermission(db, user.id, 'partners:manage'),
	])
	if (memberships.length === 0 && !isCoordinator) throw new Response('Forbidden', { status: 403 })
	const found = await dayOr404(db, eventIdParam)
	if (found.event.status === 'draft' && !isCoordinator) throw new Response('Not found', { status: 404 })
	return { db, user, memberships, isCoordinator, ...found, ...(await pageBasics(request)) }
}
