import { describe, expect, test } from 'vitest'
import { rsvp } from '#app/events/rsvp.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import * as eventList from '#app/routes/events.tsx'
import * as checkInPage from '#app/routes/organise-event-check-in.tsx'
import * as newEvent from '#app/routes/organise-event-new.tsx'
import * as editEvent from '#app/routes/organise-event.tsx'
import { getDb } from '#db/index.ts'
import { makeEvent, makeUser, outboxTo } from '#tests/support/events.ts'
import { callAction, callLoader, cookieFor, renderRoute } from '#tests/support/routes.ts'

/** Issue 12: the organisers' tools made safe to use (restoring a cancelled event, …). */
const db = getDb()
const DAY = 86_400_000

/** The calendar file attached to an outbox row, as text. */
function calendarOf(row: { attachments: string }): string {
	const [file] = JSON.parse(row.attachments) as Array<{ content: string }>
	return Buffer.from(file!.content, 'base64').toString('utf8')
}

async function organisedEvent(startsInDays: number, capacity: number | null = 1) {
	const organiser = await makeUser(db, { role: 'organiser' })
	const cookie = await cookieFor(organiser.id)
	const event = await makeEvent(db, organiser.id, new Date(Date.now() + startsInDays * DAY), { capacity }, {})
	const post = (form: Record<string, string>) =>
		callAction(editEvent, `/organise/events/${event.id}`, { cookie, params: { eventId: String(event.id) }, form })
	const stored = () => db.selectFrom('event').selectAll().where('id', '=', event.id).executeTakeFirstOrThrow()
	return { organiser, cookie, event, post, stored }
}

describe('restoring a cancelled event', () => {
	test('everyone gets their place back (the waitlist its order), is emailed, and the calendar sequence goes up', async () => {
		const { event, post, stored, cookie } = await organisedEvent(10)
		const [going, waiting] = [await makeUser(db), await makeUser(db, { language: 'en' })]
		await rsvp(db, event.id, going.id)
		await rsvp(db, event.id, waiting.id)
		const sequence = (await stored()).sequence

		expect((await post({ intent: 'cancel-event', note: '' })).location).toBe(
			`/organise/events/${event.id}?done=cancelled-2`,
		)
		const cancelled = await callLoader(editEvent, `/organise/events/${event.id}`, {
			cookie,
			params: { eventId: String(event.id) },
		})
		expect(cancelled.data.restorable).toBe(true)

		const restored = await post({ intent: 'restore-event' })
		expect(restored.location).toBe(`/organise/events/${event.id}?done=restored-2`)
		expect(await stored()).toMatchObject({ status: 'published', cancelled_at: null, sequence: sequence + 2 })
		const places = await db
			.selectFrom('event_rsvp')
			.select(['user_id', 'status'])
			.where('event_id', '=', event.id)
			.orderBy('position')
			.execute()
		expect(places).toEqual([
			{ user_id: going.id, status: 'going' },
			{ user_id: waiting.id, status: 'waiting' },
		])
		const toGoing = (await outboxTo(db, going.email)).at(-1)!
		expect(toGoing.subject).toBe('Av igen: Klimatfika')
		expect(calendarOf(toGoing)).toContain('METHOD:REQUEST')
		expect(calendarOf(toGoing)).toContain(`SEQUENCE:${sequence + 2}`)
		expect((await outboxTo(db, waiting.email)).at(-1)!.subject).toBe('On again: Klimatfika')

		// Cancelled again, everyone hears of it again (the message's key has the sequence in it).
		await post({ intent: 'cancel-event', note: '' })
		const again = (await outboxTo(db, going.email)).map((m) => m.subject)
		expect(again.filter((s) => s === 'Inställt: Klimatfika')).toHaveLength(2)
	})

	test('a cancelled draft becomes a draft again and nobody is emailed; a live event cannot be "restored"', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const cookie = await cookieFor(organiser.id)
		const draft = await makeEvent(db, organiser.id, new Date(Date.now() + 5 * DAY), {}, { publish: false })
		const post = (intent: string) =>
			callAction(editEvent, `/organise/events/${draft.id}`, {
				cookie,
				params: { eventId: String(draft.id) },
				form: { intent, note: '' },
			})
		await post('cancel-event')
		expect((await post('restore-event')).location).toBe(`/organise/events/${draft.id}?done=restored-0`)
		const row = await db.selectFrom('event').select('status').where('id', '=', draft.id).executeTakeFirstOrThrow()
		expect(row.status).toBe('draft')
		// Restoring what is not cancelled changes nothing.
		expect((await post('restore-event')).location).toBe(`/organise/events/${draft.id}`)
		expect(
			(await db.selectFrom('event').select('status').where('id', '=', draft.id).executeTakeFirstOrThrow()).status,
		).toBe('draft')
	})

	test('an event that is already over stays cancelled', async () => {
		const { event, post, stored } = await organisedEvent(3)
		await post({ intent: 'cancel-event', note: '' })
		await db
			.updateTable('event')
			.set({
				starts_at: new Date(Date.now() - 3 * DAY).toISOString(),
				ends_at: new Date(Date.now() - DAY).toISOString(),
			})
			.where('id', '=', event.id)
			.execute()
		expect((await post({ intent: 'restore-event' })).location).toBe(`/organise/events/${event.id}?done=restore-ended`)
		expect((await stored()).status).toBe('cancelled')
	})
})

describe('check-in at the door', () => {
	async function door(startsInHours: number) {
		const { event, cookie } = await organisedEvent(startsInHours / 24, null)
		const guest = await makeUser(db, { name: 'Gunnel Gäst' })
		await rsvp(db, event.id, guest.id)
		const path = `/organise/events/${event.id}/check-in`
		const params = { eventId: String(event.id) }
		const post = (form: Record<string, string>) => callAction(checkInPage, path, { cookie, params, form })
		const load = () => callLoader(checkInPage, path, { cookie, params })
		const present = async () =>
			(await db.selectFrom('event_attendance').select('id').where('event_id', '=', event.id).execute()).length
		return { guest, path, post, load, present }
	}

	test('opens CHECK_IN_OPENS_HOURS (2) before the start: before then the page says when, and the action refuses', async () => {
		const early = await door(5)
		const page = await early.load()
		expect(page.data.opensAt).toEqual(expect.any(String))
		const html = await renderRoute({ Component: checkInPage.default, url: early.path, loaderData: page.data })
		expect(html).toContain(`Incheckningen öppnar ${page.data.opensAt}`)
		expect(html).toContain('Gunnel Gäst')
		expect(html).not.toContain('value="check-in"')
		expect(html).not.toContain('walk-in-heading')

		const refused = await early.post({ intent: 'check-in', userId: String(early.guest.id) })
		expect(refused.status).toBe(409)
		const walkIn = await early.post({ intent: 'walk-in', name: 'Tidig gäst', email: '' })
		expect(walkIn.status).toBe(409)
		expect(await early.present()).toBe(0)
		// A malformed form is still told so first.
		expect((await early.post({ intent: 'check-in', userId: 'x' })).status).toBe(400)
	})

	test('from then on, the door is open', async () => {
		const soon = await door(1.5)
		expect((await soon.load()).data.opensAt).toBeNull()
		expect((await soon.post({ intent: 'check-in', userId: String(soon.guest.id) })).status).toBe(200)
		expect(await soon.present()).toBe(1)
	})
})

describe('dates at the edge of the calendar', () => {
	test('a month the calendar cannot count to the end of is left out with a message, never a 500', async () => {
		const tried = ['9999-12', '9999-01', '0000-01', '0001-01', '1969-12', '2026-13', '10000-01', 'x']
		for (const month of tried) {
			const url = `/events?month=${encodeURIComponent(month)}`
			const answer = await callLoader(eventList, url)
			expect(answer.status, month).toBe(200)
			expect(answer.data.filter.month, month).toBeUndefined()
			expect(answer.data.monthRefused, month).toBe(true)
			const html = await renderRoute({ Component: eventList.default, url, loaderData: answer.data })
			expect(html).toContain('Den månaden går inte att visa')
		}
		const fine = await callLoader(eventList, '/events?month=9998-12')
		expect(fine.data.filter.month).toBe('9998-12')
		expect(fine.data.monthRefused).toBe(false)
		expect((await callLoader(eventList, '/events')).data.monthRefused).toBe(false)
	})

	test('a weekly or monthly series that would run into the year 10000 is refused by its field', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const cookie = await cookieFor(organiser.id)
		const t = await getT('sv', 'events')
		const count = async () =>
			Number(
				(
					await db
						.selectFrom('event')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n,
			)
		const base = {
			intent: 'save',
			type: 'climate-fika',
			title: 'Fika vid tidens slut',
			description: 'Sista fikat.',
			startTime: '18:00',
			endTime: '19:00',
			place: 'Biblioteket',
			reminderHours: '24',
		}
		const before = await count()
		for (const form of [
			{ date: '9999-12-20', repeat: 'weekly', occurrences: '3' },
			{ date: '9999-12-31', repeat: 'weekly', occurrences: '2' },
			{ date: '9999-11-15', repeat: 'monthly', occurrences: '3' },
			{ date: '9999-12-24', endDate: '9999-12-31', repeat: 'weekly', occurrences: '2' },
		]) {
			const answer = await callAction(newEvent, '/organise/events/new', { cookie, form: { ...base, ...form } })
			expect(answer.status, JSON.stringify(form)).toBe(400)
			expect(answer.data.result.error.occurrences).toEqual([t('errors.seriesTooLate')])
		}
		expect(await count()).toBe(before)
		// The last week of the calendar is still fine.
		const fits = await callAction(newEvent, '/organise/events/new', {
			cookie,
			form: { ...base, date: '9999-12-17', repeat: 'weekly', occurrences: '3' },
		})
		expect(fits.status).toBe(302)
		expect(await count()).toBe(before + 3)
	})
})
