import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { EVENTS_PER_PAGE } from '#app/events/listing.server.ts'
import { makeEvent, makeUser, outboxTo } from '#tests/support/events.ts'
import type { EventInput } from '#app/events/schemas.ts'
import { rsvp } from '#app/events/rsvp.server.ts'
import { localToUtc, utcToLocal } from '#app/common/time.ts'
import * as eventPage from '#app/routes/events-event.tsx'
import * as eventCalendar from '#app/routes/events-event-calendar.ts'
import * as feed from '#app/routes/events-feed.ts'
import * as mine from '#app/routes/events-mine.tsx'
import * as personalFeed from '#app/routes/events-personal-feed.ts'
import * as list from '#app/routes/events.tsx'
import * as attendees from '#app/routes/organise-event-attendees.tsx'
import * as attendeesCsv from '#app/routes/organise-event-attendees-csv.ts'
import * as checkIn from '#app/routes/organise-event-check-in.tsx'
import * as editEvent from '#app/routes/organise-event.tsx'
import * as newEvent from '#app/routes/organise-event-new.tsx'
import * as organiseList from '#app/routes/organise-events.tsx'
import { getDb } from '#db/index.ts'
import { callAction, callLoader, cookieFor, type Answer } from '#tests/support/routes.ts'
import { getT } from '#app/i18n/i18n.server.ts'

// The messages by the fields, as a Swedish visitor reads them (the requests ask for Swedish).
const [t, tc] = [await getT('sv', 'events'), await getT('sv')]

const db = getDb()
const DAY = 86_400_000

/** An organiser and their event, published now and starting `days` from now. */
async function publishedIn(days: number, overrides: Partial<EventInput> = {}, organiser: { name?: string } = {}) {
	const user = await makeUser(db, { role: 'organiser', ...organiser })
	const event = await makeEvent(db, user.id, new Date(Date.now() + days * DAY), overrides, { now: new Date() })
	return { organiser: user, event }
}

async function eventCount() {
	return Number(
		(
			await db
				.selectFrom('event')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n,
	)
}

function localIn(days: number) {
	return utcToLocal(new Date(Date.now() + days * DAY), 'Europe/Stockholm').date
}

function validForm(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		intent: 'save',
		type: 'climate-fika',
		title: 'Klimatfika i Tågaborg',
		description: 'Vi ses **på biblioteket**. <script>alert(1)</script>',
		date: localIn(10),
		startTime: '18:00',
		endTime: '19:30',
		place: 'Tågaborgs bibliotek',
		capacity: '20',
		reminderHours: '24',
		'shifts[0].title': 'Duka fram fikat',
		'shifts[0].needed': '2',
		'shifts[1].title': '',
		'shifts[1].needed': '',
		repeat: 'none',
		...overrides,
	}
}

describe('organisers create events', () => {
	test('only organisers reach the organiser pages; others are sent to sign in or refused', async () => {
		const resident = await makeUser(db)
		expect((await callLoader(organiseList, '/organise/events')).status).toBe(302)
		const redirect = await callLoader(organiseList, '/organise/events')
		expect(redirect.headers.get('Location')).toBe('/login?redirectTo=%2Forganise%2Fevents')
		expect((await callLoader(organiseList, '/organise/events', { cookie: await cookieFor(resident.id) })).status).toBe(
			403,
		)
		expect(
			(await callAction(newEvent, '/organise/events/new', { cookie: await cookieFor(resident.id), form: validForm() }))
				.status,
		).toBe(403)
	})

	test('a valid form makes a draft; publishing makes it public', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const cookie = await cookieFor(organiser.id)
		const created = await callAction(newEvent, '/organise/events/new', { cookie, form: validForm() })
		expect(created.status).toBe(302)
		const id = Number(/\/organise\/events\/(\d+)\?done=created$/.exec(created.headers.get('Location')!)![1])
		const event = await db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
		expect(event).toMatchObject({
			status: 'draft',
			title: 'Klimatfika i Tågaborg',
			capacity: 20,
			place: 'Tågaborgs bibliotek',
			reminder_hours: 24,
		})
		expect(event.slug).toBe(`klimatfika-i-tagaborg-${localIn(10)}`)
		expect(utcToLocal(event.starts_at, 'Europe/Stockholm')).toEqual({ date: localIn(10), time: '18:00' })
		expect(
			await db.selectFrom('event_helper_shift').select(['title', 'needed']).where('event_id', '=', id).execute(),
		).toEqual([{ title: 'Duka fram fikat', needed: 2 }])

		// A resident cannot see the draft; the organiser can.
		const resident = await makeUser(db)
		expect(
			(
				await callLoader(eventPage, `/events/${event.slug}`, {
					params: { event: event.slug },
					cookie: await cookieFor(resident.id),
				})
			).status,
		).toBe(404)
		expect(
			(await callLoader(eventPage, `/events/${event.slug}`, { params: { event: event.slug }, cookie })).status,
		).toBe(200)

		const published = await callAction(editEvent, `/organise/events/${id}`, {
			cookie,
			params: { eventId: String(id) },
			form: { intent: 'publish-event' },
		})
		expect(published.headers.get('Location')).toBe(`/organise/events/${id}?done=published`)
		const page = await callLoader(eventPage, `/events/${event.slug}`, { params: { event: event.slug } })
		expect(page.status).toBe(200)
		expect(page.data.page.placesLeft).toBe(20)
		// Markdown is rendered, and what is not allowed is gone.
		expect(page.data.descriptionHtml).toContain('<strong>på biblioteket</strong>')
		expect(page.data.descriptionHtml).not.toContain('script')
	})

	test('bad input gets a message by the field, and nothing is stored', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const cookie = await cookieFor(organiser.id)
		const before = await eventCount()
		const cases: Array<[Record<string, string>, string, string]> = [
			[{ endTime: '17:00' }, 'endTime', t('errors.endBeforeStart')],
			[{ capacity: '0' }, 'capacity', t('errors.capacityMin')],
			[{ capacity: '-5' }, 'capacity', t('errors.capacityMin')],
			[{ title: 'x'.repeat(121) }, 'title', tc('form.tooLong', { max: 120 })],
			[{ description: 'x'.repeat(5001) }, 'description', tc('form.tooLong', { max: 5000 })],
			[{ date: localIn(-1) }, 'date', t('errors.startInPast')],
			[{ title: '' }, 'title', tc('form.required')],
			[{ place: '' }, 'place', t('errors.placeOrLink')],
			[{ onlineUrl: 'javascript:alert(1)' }, 'onlineUrl', t('errors.invalidUrl')],
			[{ date: '2027-02-30' }, 'date', t('errors.invalidDate')],
			[{ 'shifts[0].needed': '' }, 'shifts[0].needed', tc('form.required')],
			[{ repeat: 'weekly', occurrences: '99' }, 'occurrences', t('errors.occurrencesRange')],
		]
		for (const [overrides, field, message] of cases) {
			const answer = await callAction(newEvent, '/organise/events/new', { cookie, form: validForm(overrides) })
			expect(answer.status, JSON.stringify(overrides).slice(0, 60)).toBe(400)
			expect(answer.data.result.error[field], field).toContain(message)
		}
		// Several mistakes at once: every one is named by its field in the same answer.
		const many = await callAction(newEvent, '/organise/events/new', {
			cookie,
			form: validForm({ endTime: '17:00', capacity: '0', title: '' }),
		})
		expect(many.data.result.error).toMatchObject({
			endTime: [t('errors.endBeforeStart')],
			capacity: [t('errors.capacityMin')],
			title: [tc('form.required')],
		})
		expect(await eventCount()).toBe(before)
	})

	test('a monthly series makes separate events, each at the same local time', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const cookie = await cookieFor(organiser.id)
		const created = await callAction(newEvent, '/organise/events/new', {
			cookie,
			form: validForm({ title: 'Månadsfika', repeat: 'monthly', occurrences: '6', intent: 'publish' }),
		})
		expect(created.headers.get('Location')).toMatch(/\?done=series-6$/)
		const series = await db
			.selectFrom('event')
			.selectAll()
			.where('title', '=', 'Månadsfika')
			.orderBy('starts_at')
			.execute()
		expect(series).toHaveLength(6)
		expect(new Set(series.map((e) => e.series_id)).size).toBe(1)
		expect(series.every((e) => e.status === 'published')).toBe(true)
		expect(series.map((e) => utcToLocal(e.starts_at, 'Europe/Stockholm').time)).toEqual(Array(6).fill('18:00'))
		expect(new Set(series.map((e) => e.slug)).size).toBe(6)
	})

	test('moving a published event emails everyone going or waiting a new calendar entry; editing the text does not', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const cookie = await cookieFor(organiser.id)
		// A whole minute, as a form can express it, on one day.
		const start = localToUtc({ date: localIn(20), time: '18:00' }, 'Europe/Stockholm')
		const event = await makeEvent(db, organiser.id, start, { capacity: 1 }, { now: new Date() })
		const [going, waiting] = [await makeUser(db), await makeUser(db, { language: 'en' })]
		await rsvp(db, event.id, going.id)
		await rsvp(db, event.id, waiting.id)
		const from = utcToLocal(event.starts_at, 'Europe/Stockholm')
		const to = utcToLocal(event.ends_at, 'Europe/Stockholm')
		const same = {
			type: 'climate-fika',
			title: 'Klimatfika, ny rubrik',
			date: from.date,
			startTime: from.time,
			endTime: to.time,
			place: event.place!,
			capacity: '1',
			reminderHours: '24',
			intent: 'save',
		}

		const retitled = await callAction(editEvent, `/organise/events/${event.id}`, {
			cookie,
			params: { eventId: String(event.id) },
			form: same,
		})
		expect(retitled.headers.get('Location')).toBe(`/organise/events/${event.id}?done=saved`)
		expect((await outboxTo(db, going.email)).map((m) => m.subject)).toEqual(['Du är anmäld: Klimatfika'])

		const moved = await callAction(editEvent, `/organise/events/${event.id}`, {
			cookie,
			params: { eventId: String(event.id) },
			form: { ...same, place: 'Dunkers kulturhus' },
		})
		expect(moved.headers.get('Location')).toBe(`/organise/events/${event.id}?done=notified-2`)
		expect((await outboxTo(db, going.email)).at(-1)!.subject).toBe('Ändrat: Klimatfika, ny rubrik')
		expect((await outboxTo(db, waiting.email)).at(-1)!.subject).toBe('Changed: Klimatfika, ny rubrik')
		const stored = await db
			.selectFrom('event')
			.select(['sequence', 'place'])
			.where('id', '=', event.id)
			.executeTakeFirstOrThrow()
		expect(stored).toEqual({ sequence: 1, place: 'Dunkers kulturhus' })
	})

	test('cancelling tells everyone and takes the event off RSVPs; duplicating makes a draft copy', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const cookie = await cookieFor(organiser.id)
		const event = await makeEvent(
			db,
			organiser.id,
			new Date(Date.now() + 20 * DAY),
			{ shifts: [{ id: null, title: 'Baka', needed: 1 }] },
			{ now: new Date() },
		)
		const person = await makeUser(db)
		await rsvp(db, event.id, person.id)
		const copy = await callAction(editEvent, `/organise/events/${event.id}`, {
			cookie,
			params: { eventId: String(event.id) },
			form: { intent: 'duplicate' },
		})
		const copyId = Number(/\/organise\/events\/(\d+)\?done=duplicated/.exec(copy.headers.get('Location')!)![1])
		const copied = await db.selectFrom('event').selectAll().where('id', '=', copyId).executeTakeFirstOrThrow()
		expect(copied).toMatchObject({ status: 'draft', title: event.title, starts_at: event.starts_at })
		expect(copied.slug).not.toBe(event.slug)
		expect(await db.selectFrom('event_helper_shift').select('title').where('event_id', '=', copyId).execute()).toEqual([
			{ title: 'Baka' },
		])

		const cancelled = await callAction(editEvent, `/organise/events/${event.id}`, {
			cookie,
			params: { eventId: String(event.id) },
			form: { intent: 'cancel-event', note: 'Lokalen är stängd.' },
		})
		expect(cancelled.headers.get('Location')).toBe(`/organise/events/${event.id}?done=cancelled-1`)
		const mail = (await outboxTo(db, person.email)).at(-1)!
		expect(mail.subject).toBe('Inställt: Klimatfika')
		expect(mail.text).toContain('Lokalen är stängd.')
		const page = await callLoader(eventPage, `/events/${event.slug}`, { params: { event: event.slug } })
		expect(page.data.event.status).toBe('cancelled')
		expect(page.data.rsvpOpen).toBe(false)
	})
})

describe('residents RSVP', () => {
	test('the RSVP button sends a visitor to sign in and back to the event', async () => {
		const { event } = await publishedIn(5)
		const answer = await callAction(eventPage, `/events/${event.slug}`, {
			params: { event: event.slug },
			form: { intent: 'rsvp' },
		})
		expect(answer.status).toBe(302)
		const location = new URL(answer.headers.get('Location')!, 'http://localhost')
		expect(location.pathname).toBe('/login')
		expect(location.searchParams.get('redirectTo')).toBe(`/events/${event.slug}?join=1`)
	})

	test('RSVP, RSVP again (no error, nothing changes), cancel: the place goes to the first waiting', async () => {
		const { event } = await publishedIn(5, { capacity: 1 })
		const [first, second] = [await makeUser(db), await makeUser(db)]
		const [c1, c2] = [await cookieFor(first.id), await cookieFor(second.id)]
		const path = `/events/${event.slug}`
		const post = (cookie: string, intent: string) =>
			callAction(eventPage, path, { cookie, params: { event: event.slug }, form: { intent } })

		expect((await post(c1, 'rsvp')).headers.get('Location')).toBe(`${path}?done=going`)
		expect((await post(c1, 'rsvp')).headers.get('Location')).toBe(`${path}?done=already-going`)
		expect((await post(c2, 'rsvp')).headers.get('Location')).toBe(`${path}?done=waiting-1`)
		expect((await post(c2, 'rsvp')).headers.get('Location')).toBe(`${path}?done=already-waiting-1`)

		const seenBySecond = await callLoader(eventPage, `${path}?done=waiting-1`, {
			cookie: c2,
			params: { event: event.slug },
		})
		expect(seenBySecond.data.page.myRsvp).toEqual({ status: 'waiting', placeInQueue: 1 })
		expect(seenBySecond.data.page.placesLeft).toBe(0)
		expect(seenBySecond.data.flash).toEqual({ key: 'waiting', count: 1 })

		expect((await post(c1, 'cancel')).headers.get('Location')).toBe(`${path}?done=cancelled`)
		const promoted = await callLoader(eventPage, path, { cookie: c2, params: { event: event.slug } })
		expect(promoted.data.page.myRsvp).toEqual({ status: 'going', placeInQueue: null })
		expect((await outboxTo(db, second.email)).at(-1)!.subject).toBe('Du har fått en plats: Klimatfika')
	})

	test('an event found by its id redirects to its address with the slug', async () => {
		const { event } = await publishedIn(5)
		const answer = await callLoader(eventPage, `/events/${event.id}`, { params: { event: String(event.id) } })
		expect(answer.status).toBe(301)
		expect(answer.headers.get('Location')).toBe(`/events/${event.slug}`)
	})

	test('helpers take and leave shifts from the event page', async () => {
		const { event } = await publishedIn(5, { shifts: [{ id: null, title: 'Värd', needed: 1 }] })
		const shift = await db
			.selectFrom('event_helper_shift')
			.select('id')
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow()
		const [a, b] = [await makeUser(db), await makeUser(db)]
		const post = async (user: { id: number }, intent: string) =>
			callAction(eventPage, `/events/${event.slug}`, {
				cookie: await cookieFor(user.id),
				params: { event: event.slug },
				form: { intent, shiftId: String(shift.id) },
			})
		expect((await post(a, 'take-shift')).headers.get('Location')).toMatch(/done=shift-taken$/)
		expect((await post(b, 'take-shift')).headers.get('Location')).toMatch(/done=shift-full$/)
		expect((await post(a, 'leave-shift')).headers.get('Location')).toMatch(/done=shift-left$/)
		expect((await post(b, 'take-shift')).headers.get('Location')).toMatch(/done=shift-taken$/)
	})

	test("a shift is only taken on its own event's page", async () => {
		const { organiser, event } = await publishedIn(5, { shifts: [{ id: null, title: 'Värd', needed: 1 }] })
		const other = await makeEvent(db, organiser.id, new Date(Date.now() + 6 * DAY), {}, { now: new Date() })
		const shift = await db
			.selectFrom('event_helper_shift')
			.select('id')
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow()
		const a = await makeUser(db)
		const answer = await callAction(eventPage, `/events/${other.slug}`, {
			cookie: await cookieFor(a.id),
			params: { event: other.slug },
			form: { intent: 'take-shift', shiftId: String(shift.id) },
		})
		expect(answer.headers.get('Location')).toMatch(/done=unavailable$/)
		expect(await db.selectFrom('event_helper').select('id').where('shift_id', '=', shift.id).execute()).toHaveLength(0)
	})

	test('the list filters by type and month, and shows past events apart', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const soon = new Date(Date.now() + 40 * DAY)
		const swap = await makeEvent(
			db,
			organiser.id,
			soon,
			{ type: 'clothing-swap', title: 'Klädbyte för filtret' },
			{ now: new Date() },
		)
		const month = utcToLocal(swap.starts_at, 'Europe/Stockholm').date.slice(0, 7)
		const byType = await callLoader(list, '/events?type=clothing-swap')
		const titles = (answer: Answer) =>
			answer.data.groups.flatMap((g: { events: Array<{ title: string }> }) => g.events.map((e) => e.title))
		expect(titles(byType)).toContain('Klädbyte för filtret')
		expect(titles(byType).every((t: string) => t.startsWith('Klädbyte'))).toBe(true)
		expect(titles(await callLoader(list, '/events?type=film-screening'))).not.toContain('Klädbyte för filtret')
		expect(titles(await callLoader(list, `/events?month=${month}`))).toContain('Klädbyte för filtret')
		expect(titles(await callLoader(list, '/events?when=past'))).not.toContain('Klädbyte för filtret')
		// Nonsense in the address is ignored, not an error.
		expect((await callLoader(list, '/events?type=bogus&month=13')).status).toBe(200)
	})

	test('the list shows a page at a time, with the number of all that match', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const first = Date.now() + 400 * DAY
		for (let i = 0; i < EVENTS_PER_PAGE + 3; i++)
			await makeEvent(
				db,
				organiser.id,
				new Date(first + i * DAY),
				{ type: 'excursion', title: `Sida ${i}` },
				{ now: new Date() },
			)
		const month = (answer: Answer) =>
			answer.data.groups.flatMap((g: { events: Array<{ title: string }> }) => g.events.map((e) => e.title))
		const one = await callLoader(list, '/events?type=excursion')
		const two = await callLoader(list, '/events?type=excursion&page=2')
		const shown = [...month(one), ...month(two)].filter((t: string) => t.startsWith('Sida '))
		expect(month(one)).toHaveLength(EVENTS_PER_PAGE)
		expect(one.data.count).toBe(two.data.count)
		expect(one.data.pages).toBeGreaterThanOrEqual(2)
		// Every event once, in order, across the pages.
		expect(shown).toEqual(Array.from({ length: EVENTS_PER_PAGE + 3 }, (_, i) => `Sida ${i}`))
		// A page past the end is an empty page, not an error; nonsense is page 1.
		expect((await callLoader(list, '/events?type=excursion&page=999')).status).toBe(200)
		expect(month(await callLoader(list, '/events?type=excursion&page=abc'))).toEqual(month(one))
	})
})

describe('calendars', () => {
	test('the public feed, the single-event download and the personal feed are valid iCalendar', async () => {
		const { event } = await publishedIn(5, { title: 'Kalendertest' })
		const publicFeed = (await callLoader(feed, '/events.ics')).response!
		expect(publicFeed.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
		const summaries = new ICAL.Component(ICAL.parse(await publicFeed.text()))
			.getAllSubcomponents('vevent')
			.map((v) => v.getFirstPropertyValue('summary'))
		expect(summaries).toContain('Kalendertest')

		const single = (
			await callLoader(eventCalendar, `/events/${event.slug}/calendar.ics`, { params: { event: event.slug } })
		).response!
		expect(single.headers.get('Content-Disposition')).toContain('attachment')
		const vevent = new ICAL.Component(ICAL.parse(await single.text())).getFirstSubcomponent('vevent')!
		expect(vevent.getFirstPropertyValue('url')).toBe(`http://localhost:3000/events/${event.slug}`)

		const person = await makeUser(db)
		await rsvp(db, event.id, person.id)
		const cookie = await cookieFor(person.id)
		const page = await callLoader(mine, '/events/mine', { cookie })
		expect(page.data.upcoming.map((e: { title: string }) => e.title)).toEqual(['Kalendertest'])
		const token = /\/events\/feed\/([a-z0-9]+)\.ics$/.exec(page.data.feedUrl)![1]!
		const personal = (
			await callLoader(personalFeed, `/events/feed/${token}.ics`, { params: { token: `${token}.ics` } })
		).response!
		expect(personal.status).toBe(200)
		expect(await personal.text()).toContain('SUMMARY:Kalendertest')

		// Resetting the secret retires the old address.
		expect((await callAction(mine, '/events/mine', { cookie })).headers.get('Location')).toBe('/events/mine?reset=1')
		expect(
			(await callLoader(personalFeed, `/events/feed/${token}.ics`, { params: { token: `${token}.ics` } })).status,
		).toBe(404)
	})
})

describe('attendees and check-in', () => {
	test('the attendee list exports as CSV, safe for spreadsheets', async () => {
		const { organiser, event } = await publishedIn(5, { capacity: 1 })
		const [a, b] = [await makeUser(db, { name: '=HYPERLINK("x")' }), await makeUser(db, { name: 'Åsa, "Berg"' })]
		await rsvp(db, event.id, a.id)
		await rsvp(db, event.id, b.id)
		const answer = (
			await callLoader(attendeesCsv, `/organise/events/${event.id}/attendees.csv`, {
				cookie: await cookieFor(organiser.id),
				params: { eventId: String(event.id) },
			})
		).response!
		expect(answer.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		const lines = (await answer.text())
			.replace(/^\ufeff/, '')
			.trim()
			.split('\r\n')
		expect(lines[0]).toBe('"Namn","E-post","Status","Plats i kön","Pass","Anmäld","Incheckad"')
		expect(lines[1]).toMatch(/^"'=HYPERLINK\(""x""\)","[^"]+","Anmäld","",""/)
		expect(lines[2]).toMatch(/^"Åsa, ""Berg""","[^"]+","Väntelista","1",""/)
	})

	test('an organiser emails everyone going', async () => {
		const { organiser, event } = await publishedIn(5, { capacity: 1 }, { name: 'Ingrid Arrangör' })
		const [a, b] = [await makeUser(db), await makeUser(db)]
		await rsvp(db, event.id, a.id)
		await rsvp(db, event.id, b.id)
		const cookie = await cookieFor(organiser.id)
		const bad = await callAction(attendees, `/organise/events/${event.id}/attendees`, {
			cookie,
			params: { eventId: String(event.id) },
			form: { subject: '', body: '' },
		})
		expect(bad.status).toBe(400)
		const sent = await callAction(attendees, `/organise/events/${event.id}/attendees`, {
			cookie,
			params: { eventId: String(event.id) },
			form: { subject: 'Ta med mugg', body: 'Vi ses!' },
		})
		expect(sent.headers.get('Location')).toBe(`/organise/events/${event.id}/attendees?done=message-sent-1`)
		expect((await outboxTo(db, a.email)).at(-1)!.subject).toBe('Ta med mugg')
		expect((await outboxTo(db, a.email)).at(-1)!.text).toContain('Ingrid Arrangör')
		expect((await outboxTo(db, b.email)).map((m) => m.subject)).not.toContain('Ta med mugg')
	})

	test('check-in at the door records who came, when, and who let them in; a walk-in too', async () => {
		// An hour before it starts: the door is open (issue 12).
		const { organiser, event } = await publishedIn(1 / 24)
		const [guest, member] = [await makeUser(db, { name: 'Åsa Öberg' }), await makeUser(db, { name: 'Kim Medlem' })]
		await rsvp(db, event.id, guest.id)
		const cookie = await cookieFor(organiser.id)
		const params = { eventId: String(event.id) }
		const path = `/organise/events/${event.id}/check-in`

		const door = await callLoader(checkIn, path, { cookie, params })
		expect(door.data.people.map((p: { name: string }) => p.name)).toEqual(['Åsa Öberg'])
		expect(
			(await callAction(checkIn, path, { cookie, params, form: { intent: 'check-in', userId: String(guest.id) } }))
				.status,
		).toBe(200)
		// Twice is the same as once.
		await callAction(checkIn, path, { cookie, params, form: { intent: 'check-in', userId: String(guest.id) } })
		const rows = await db.selectFrom('event_attendance').selectAll().where('event_id', '=', event.id).execute()
		expect(rows).toHaveLength(1)
		expect(rows[0]).toMatchObject({ user_id: guest.id, checked_in_by: organiser.id, walk_in: 0, name: 'Åsa Öberg' })

		const badWalkIn = await callAction(checkIn, path, { cookie, params, form: { intent: 'walk-in', name: '' } })
		expect(badWalkIn.status).toBe(400)
		expect(badWalkIn.data.walkInResult.error.name).toContain(tc('form.required'))
		await callAction(checkIn, path, {
			cookie,
			params,
			form: { intent: 'walk-in', name: 'Kim', email: member.email.toUpperCase() },
		})
		await callAction(checkIn, path, { cookie, params, form: { intent: 'walk-in', name: 'Okänd gäst', email: '' } })
		const walkIns = await db
			.selectFrom('event_attendance')
			.select(['name', 'user_id', 'walk_in'])
			.where('event_id', '=', event.id)
			.where('walk_in', '=', 1)
			.orderBy('id')
			.execute()
		expect(walkIns).toEqual([
			{ name: 'Kim', user_id: member.id, walk_in: 1 },
			{ name: 'Okänd gäst', user_id: null, walk_in: 1 },
		])
		const after = await callLoader(checkIn, path, { cookie, params })
		expect(after.data.people.filter((p: { checkedInAt: string | null }) => p.checkedInAt)).toHaveLength(3)

		const undo = rows[0]!.id
		await callAction(checkIn, path, { cookie, params, form: { intent: 'undo-check-in', attendanceId: String(undo) } })
		expect(
			await db.selectFrom('event_attendance').select('id').where('id', '=', undo).executeTakeFirst(),
		).toBeUndefined()
	})
})
