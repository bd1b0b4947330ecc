/**
 * iCalendar (RFC 5545) by hand: the format is small, and writing it here keeps every rule in view.
 * Times are written in UTC ("Z"), which every client converts to the reader's zone and which
 * stays right across daylight-saving changes. A UID per event never changes; SEQUENCE rises with
 * every change of time or place, so calendars replace the old entry instead of adding one.
 */

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL'

export interface CalendarEntry {
	uid: string
	sequence: number
	title: string
	/** Plain text; the event's address is appended so the entry links back. */
	description: string
	startsAt: string
	endsAt: string
	location: string | null
	url: string
	cancelled: boolean
	createdAt: string
	updatedAt: string
	organizer?: { name: string; email: string }
	attendee?: { name: string; email: string }
}

export interface Calendar {
	method: CalendarMethod
	entries: CalendarEntry[]
	/** Shown by calendar apps as the subscribed calendar's name (feeds only). */
	name?: string
	now?: Date
}

/** The stable UID of an event: the same in every email, download and feed. */
export function eventUid(eventId: number, appUrl: string): string {
	return `event-${eventId}@${new URL(appUrl).hostname}`
}

/** TEXT values: backslash, semicolon, comma and newlines are escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
	return (
		value
			.replace(/\\/g, '\\\\')
			.replace(/;/g, '\\;')
			.replace(/,/g, '\\,')
			.replace(/\r\n|\r|\n/g, '\\n')
			// eslint-disable-next-line no-control-regex -- removing control characters is the point
			.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
	)
}

/** Parameter values (CN=...) cannot be escaped; quote them and drop what quoting cannot hold. */
function paramValue(value: string): string {
	// eslint-disable-next-line no-control-regex -- removing control characters is the point
	return `"${value.replace(/["\u0000-\u001f\u007f]/g, '')}"`
}

/** 20270328T160000Z */
export function formatUtc(iso: string | Date): string {
	return new Date(iso)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '')
}

const encoder = new TextEncoder()

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): continuation lines begin with one space. Splits
 * only between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
	if (encoder.encode(line).length <= 75) return line
	const parts: string[] = []
	let current = ''
	let currentBytes = 0
	let limit = 75
	for (const char of line) {
		const bytes = encoder.encode(char).length
		if (currentBytes + bytes > limit) {
			parts.push(current)
			current = ''
			currentBytes = 0
			limit = 74 // the leading space of a continuation line counts
		}
		current += char
		currentBytes += bytes
	}
	parts.push(current)
	return parts.join('\r\n ')
}

function entryLines(entry: CalendarEntry, method: CalendarMethod, now: Date): string[] {
	const description = [entry.description.trim(), entry.url].filter(Boolean).join('\n\n')
	const cancelled = entry.cancelled || method === 'CANCEL'
	const lines = [
		'BEGIN:VEVENT',
		`UID:${entry.uid}`,
		`SEQUENCE:${entry.sequence}`,
		`DTSTAMP:${formatUtc(now)}`,
		`CREATED:${formatUtc(entry.createdAt)}`,
		`LAST-MODIFIED:${formatUtc(entry.updatedAt)}`,
		`DTSTART:${formatUtc(entry.startsAt)}`,
		`DTEND:${formatUtc(entry.endsAt)}`,
		`SUMMARY:${escapeText(entry.title)}`,
		`DESCRIPTION:${escapeText(description)}`,
	]
	if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`)
	lines.push(`URL:${entry.url}`)
	lines.push(`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`)
	lines.push('TRANSP:OPAQUE')
	if (entry.organizer) lines.push(`ORGANIZER;CN=${paramValue(entry.organizer.name)}:mailto:${entry.organizer.email}`)
	if (entry.attendee) {
		const partstat = cancelled ? 'DECLINED' : 'ACCEPTED'
		lines.push(
			`ATTENDEE;CN=${paramValue(entry.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=${partstat}:mailto:${entry.attendee.email}`,
		)
	}
	lines.push('END:VEVENT')
	return lines
}

/** A whole VCALENDAR with CRLF line ends, folded, ready to send or serve. */
export function buildCalendar({ method, entries, name, now = new Date() }: Calendar): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Klimatpakt//Events//EN',
		'CALSCALE:GREGORIAN',
		`METHOD:${method}`,
	]
	if (name) {
		lines.push(`X-WR-CALNAME:${escapeText(name)}`, 'REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H')
	}
	for (const entry of entries) lines.push(...entryLines(entry, method, now))
	lines.push('END:VCALENDAR')
	return lines.map(foldLine).join('\r\n') + '\r\n'
}

/** The content type that tells mail clients how to treat the attachment. */
export function calendarContentType(method: CalendarMethod): string {
	return `text/calendar; method=${method}; charset=utf-8`
}
