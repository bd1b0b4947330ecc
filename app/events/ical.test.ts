import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { config } from '#app/config.server.ts'
import { getDb } from '#db/index.ts'
import { eventCalendar, feedToken, personalFeed, publicFeed, resetFeedToken } from './calendar.server.ts'
import { cancelEvent, createEvents, updateEvent } from './life-cycle.server.ts'
import { eventInput, makeEvent, makeUser } from '#tests/support/events.ts'
import { buildCalendar, escapeText, foldLine } from './ical.server.ts'
import { calendarAttachment, eventUrl } from './notices.server.tsx'
import { rsvp } from './rsvp.server.ts'
import { localToUtc } from '#app/common/time.ts'

const db = getDb()

function parse(ics: string) {
	const component = new ICAL.Component(ICAL.parse(ics))
	return { calendar: component, events: component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) }
}

describe('iCalendar files', () => {
	test('lines end in CRLF, fold at 75 octets without splitting characters, and text is escaped', () => {
		const long = 'Klädbyte, fika; och \\ samtal om hållbart mode '.repeat(5)
		const ics = buildCalendar({
			method: 'PUBLISH',
			entries: [
				{
					uid: 'event-1@example.org',
					sequence: 0,
					title: long,
					description: 'Rad ett\nRad två',
					startsAt: '2027-03-28T16:00:00.000Z',
					endsAt: '2027-03-28T18:00:00.000Z',
					location: 'Drottninggatan 1, Helsingborg',
					url: 'https://klimatpakt.example/events/kladbyte',
					cancelled: false,
					createdAt: '2027-01-01T00:00:00.000Z',
					updatedAt: '2027-01-01T00:00:00.000Z',
				},
			],
		})
		expect(ics.endsWith('\r\n')).toBe(true)
		expect(ics.replace(/\r\n/g, '')).not.toContain('\n')
		for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
		const [event] = parse(ics).events
		expect(event!.summary).toBe(long)
		expect(event!.description).toBe('Rad ett\nRad två\n\nhttps://klimatpakt.example/events/kladbyte')
		expect(event!.location).toBe('Drottninggatan 1, Helsingborg')
	})

	test('escaping and folding by the rules', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne')
		const folded = foldLine('X:' + 'å'.repeat(60))
		expect(folded.split('\r\n ').join('')).toBe('X:' + 'å'.repeat(60))
		expect(Buffer.byteLength(folded.split('\r\n')[0]!, 'utf8')).toBeLessThanOrEqual(75)
	})

	test('an event across the spring DST change (2027-03-28) keeps its Stockholm times', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const startsAt = localToUtc({ date: '2027-03-28', time: '18:00' }, 'Europe/Stockholm')
		const event = await makeEvent(db, organiser.id, startsAt, { title: 'Filmvisning: Tomorrow' })
		const [parsed] = parse(eventCalendar(event, 'sv')).events
		expect(parsed!.startDate.toJSDate().toISOString()).toBe('2027-03-28T16:00:00.000Z')
		expect(parsed!.endDate.toJSDate().toISOString()).toBe('2027-03-28T18:00:00.000Z')
		// The day before, 18:00 in Stockholm is an hour later in UTC.
		const dayBefore = await makeEvent(
			db,
			organiser.id,
			localToUtc({ date: '2027-03-27', time: '18:00' }, 'Europe/Stockholm'),
		)
		expect(parse(eventCalendar(dayBefore, 'sv')).events[0]!.startDate.toJSDate().toISOString()).toBe(
			'2027-03-27T17:00:00.000Z',
		)
	})

	test('a weekly series across the DST change stays at 18:00 local time', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const first = localToUtc({ date: '2027-03-21', time: '18:00' }, 'Europe/Stockholm')
		const events = await createEvents(
			db,
			organiser.id,
			eventInput(first),
			{ publish: true, repeat: { every: 'weekly', occurrences: 3 } },
			new Date('2027-01-01'),
		)
		const starts = events.map((e) => parse(eventCalendar(e, 'sv')).events[0]!.startDate.toJSDate().toISOString())
		expect(starts).toEqual(['2027-03-21T17:00:00.000Z', '2027-03-28T16:00:00.000Z', '2027-04-04T16:00:00.000Z'])
		expect(new Set(events.map((e) => e.series_id)).size).toBe(1)
	})

	test('the entry links back to the event, and its UID is stable while SEQUENCE rises with changes', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const start = new Date('2027-05-05T15:00:00.000Z')
		const now = new Date('2027-04-01T10:00:00.000Z')
		const event = await makeEvent(db, organiser.id, start)
		const person = await makeUser(db)
		await rsvp(db, event.id, person.id, now)
		const first = parse(eventCalendar(event, 'sv')).events[0]!
		expect(first.uid).toBe(`event-${event.id}@${new URL(config.appUrl).hostname}`)
		expect(first.component.getFirstPropertyValue('url')).toBe(eventUrl(event))
		expect(first.sequence).toBe(0)

		const moved = await updateEvent(
			db,
			event.id,
			eventInput(new Date('2027-05-06T15:00:00.000Z')),
			{ publish: false },
			now,
		)
		if (moved.kind !== 'updated') throw new Error('not updated')
		const second = parse(eventCalendar(moved.event, 'sv')).events[0]!
		expect(second.uid).toBe(first.uid)
		expect(second.sequence).toBe(1)

		// The change notice carries the same UID and the new SEQUENCE, as an invitation update.
		const notice = await db
			.selectFrom('outbox')
			.selectAll()
			.where('to_address', '=', person.email)
			.where('subject', 'like', 'Ändrat%')
			.executeTakeFirstOrThrow()
		const attachment = JSON.parse(notice.attachments)[0] as { content: string; contentType: string }
		expect(attachment.contentType).toBe('text/calendar; method=REQUEST; charset=utf-8')
		const noticeIcs = parse(Buffer.from(attachment.content, 'base64').toString('utf8'))
		expect(noticeIcs.calendar.getFirstPropertyValue('method')).toBe('REQUEST')
		expect(noticeIcs.events[0]!.uid).toBe(first.uid)
		expect(noticeIcs.events[0]!.sequence).toBe(1)
		expect(noticeIcs.events[0]!.startDate.toJSDate().toISOString()).toBe('2027-05-06T15:00:00.000Z')

		// Cancelling sends METHOD:CANCEL, STATUS:CANCELLED, same UID, higher SEQUENCE.
		await cancelEvent(db, event.id, 'Sjukdom', now)
		const cancel = await db
			.selectFrom('outbox')
			.selectAll()
			.where('to_address', '=', person.email)
			.where('subject', 'like', 'Inställt%')
			.executeTakeFirstOrThrow()
		const cancelIcs = parse(Buffer.from(JSON.parse(cancel.attachments)[0].content, 'base64').toString('utf8'))
		expect(cancelIcs.calendar.getFirstPropertyValue('method')).toBe('CANCEL')
		expect(cancelIcs.events[0]!.uid).toBe(first.uid)
		expect(cancelIcs.events[0]!.sequence).toBe(2)
		expect(cancelIcs.events[0]!.component.getFirstPropertyValue('status')).toBe('CANCELLED')
		expect(cancel.text).toContain('Sjukdom')
	})

	test('an invitation names the attendee and the organiser', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, new Date('2027-06-01T15:00:00.000Z'))
		const person = await makeUser(db, { name: 'Åsa "Ö" Berg' })
		const attachment = calendarAttachment(event, 'REQUEST', person)
		const [parsed] = parse(Buffer.from(attachment.content, 'base64').toString('utf8')).events
		const attendee = parsed!.component.getFirstProperty('attendee')!
		expect(attendee.getFirstValue()).toBe(`mailto:${person.email}`)
		expect(attendee.getParameter('cn')).toBe('Åsa Ö Berg')
		expect(parsed!.organizer).toMatch(/^mailto:/)
	})
})

describe('calendar feeds', () => {
	test('the public feed lists published events (cancelled ones as cancelled), never drafts', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const now = new Date('2027-08-01T10:00:00.000Z')
		const published = await makeEvent(db, organiser.id, new Date('2027-09-01T15:00:00.000Z'), { title: 'Publicerad' })
		const draft = await makeEvent(
			db,
			organiser.id,
			new Date('2027-09-02T15:00:00.000Z'),
			{ title: 'Utkast' },
			{ publish: false },
		)
		const cancelled = await makeEvent(db, organiser.id, new Date('2027-09-03T15:00:00.000Z'), { title: 'Inställd' })
		await cancelEvent(db, cancelled.id, null, now)
		const { calendar, events } = parse(await publicFeed(db, 'sv', now))
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(config.pact.name)
		const byUid = new Map(events.map((e) => [e.uid, e]))
		expect(byUid.has(`event-${published.id}@${new URL(config.appUrl).hostname}`)).toBe(true)
		expect(byUid.has(`event-${draft.id}@${new URL(config.appUrl).hostname}`)).toBe(false)
		expect(
			byUid.get(`event-${cancelled.id}@${new URL(config.appUrl).hostname}`)!.component.getFirstPropertyValue('status'),
		).toBe('CANCELLED')
	})

	test('a personal feed lists my events, and resetting its secret retires the old address', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const now = new Date('2027-08-01T10:00:00.000Z')
		const mine = await makeEvent(db, organiser.id, new Date('2027-09-05T15:00:00.000Z'), { title: 'Min' })
		await makeEvent(db, organiser.id, new Date('2027-09-06T15:00:00.000Z'), { title: 'Inte min' })
		const person = await makeUser(db)
		await rsvp(db, mine.id, person.id, now)
		const token = await feedToken(db, person.id, now)
		expect(await feedToken(db, person.id, now)).toBe(token)
		const feed = await personalFeed(db, token, now)
		expect(parse(feed!).events.map((e) => e.summary)).toEqual(['Min'])
		const fresh = await resetFeedToken(db, person.id, now)
		expect(fresh).not.toBe(token)
		expect(await personalFeed(db, token, now)).toBeNull()
		expect(await personalFeed(db, fresh, now)).not.toBeNull()
	})
})
