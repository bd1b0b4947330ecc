import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { config } from '#app/config.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import type { DB } from '#db/index.ts'
import type { Event } from '#db/schema.ts'
import { buildCalendar } from './ical.server.ts'
import { calendarEntry } from './notices.server.tsx'

/**
 * Calendar files and feeds. The public feed lists every published event; a personal feed lists
 * the events a person is going to or helping at, behind a secret address they can reset. Titles
 * and descriptions are in the reader's language where the event has it: the download's and the
 * public feed's from the request, a personal feed's from its owner (calendar apps fetch it
 * without cookies).
 */

const DAY_MS = 24 * 60 * 60 * 1000
/** How far back feeds reach: calendars keep recent history, and see recent cancellations. */
const FEED_HISTORY_MS = 90 * DAY_MS

/** A single event to download ("add to calendar"). */
export function eventCalendar(event: Event, language: SupportedLanguage, now = new Date()): string {
	return buildCalendar({ method: 'PUBLISH', entries: [calendarEntry(event, language)], now })
}

export async function publicFeed(db: DB, language: SupportedLanguage, now = new Date()): Promise<string> {
	const events = await db
		.selectFrom('event')
		.selectAll()
		.where('status', 'in', ['published', 'cancelled'])
		.where('published_at', 'is not', null)
		.where('ends_at', '>', new Date(now.getTime() - FEED_HISTORY_MS).toISOString())
		.orderBy('starts_at')
		.limit(1000)
		.execute()
	return buildCalendar({
		method: 'PUBLISH',
		entries: events.map((e) => calendarEntry(e, language)),
		name: config.pact.name,
		now,
	})
}

export async function personalFeed(db: DB, token: string, now = new Date()): Promise<string | null> {
	const feed = await db
		.selectFrom('calendar_feed')
		.innerJoin('user', 'user.id', 'calendar_feed.user_id')
		.select(['user.id', 'user.name', 'user.language'])
		.where('calendar_feed.token', '=', token)
		.executeTakeFirst()
	if (!feed) return null
	const since = new Date(now.getTime() - FEED_HISTORY_MS).toISOString()
	const going = db
		.selectFrom('event_rsvp')
		.select('event_rsvp.event_id')
		.where('event_rsvp.user_id', '=', feed.id)
		.where('event_rsvp.status', '=', 'going')
	const helping = db
		.selectFrom('event_helper')
		.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
		.select('event_helper_shift.event_id')
		.where('event_helper.user_id', '=', feed.id)
	const events = await db
		.selectFrom('event')
		.selectAll()
		.where('published_at', 'is not', null)
		.where('ends_at', '>', since)
		.where((eb) => eb.or([eb('id', 'in', going), eb('id', 'in', helping)]))
		.orderBy('starts_at')
		.execute()
	return buildCalendar({
		method: 'PUBLISH',
		entries: events.map((e) => calendarEntry(e, feed.language)),
		name: `${config.pact.name}: ${feed.name}`,
		now,
	})
}

function newToken(): string {
	const bytes = new Uint8Array(20)
	crypto.getRandomValues(bytes)
	return encodeBase32LowerCaseNoPadding(bytes)
}

/**
 * The person's feed token, made on first use. It is stored as it is (not hashed) so the page can
 * show the address again; it only reads a list of events, and resetting it replaces it.
 */
export async function feedToken(db: DB, userId: number, now = new Date()): Promise<string> {
	await db
		.insertInto('calendar_feed')
		.values({ user_id: userId, token: newToken(), created_at: now.toISOString() })
		.onConflict((oc) => oc.column('user_id').doNothing())
		.execute()
	const row = await db
		.selectFrom('calendar_feed')
		.select('token')
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow()
	return row.token
}

/** A new secret address; the old one stops working at once. */
export async function resetFeedToken(db: DB, userId: number, now = new Date()): Promise<string> {
	const token = newToken()
	await db
		.insertInto('calendar_feed')
		.values({ user_id: userId, token, created_at: now.toISOString() })
		.onConflict((oc) => oc.column('user_id').doUpdateSet({ token, created_at: now.toISOString() }))
		.execute()
	return token
}

export function personalFeedUrl(token: string): string {
	return `${config.appUrl}/events/feed/${token}.ics`
}
