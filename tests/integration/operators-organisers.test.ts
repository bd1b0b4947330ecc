import { describe, expect, test } from 'vitest'
import * as attendees from '#app/routes/organise-event-attendees.tsx'
import * as attendeesCsv from '#app/routes/organise-event-attendees-csv.ts'
import * as checkIn from '#app/routes/organise-event-check-in.tsx'
import * as eventPage from '#app/routes/events-event.tsx'
import * as editEvent from '#app/routes/organise-event.tsx'
import * as organiseList from '#app/routes/organise-events.tsx'
import { getDb } from '#db/index.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { callAction, callLoader, cookieFor, type RouteModule } from '#tests/support/routes.ts'

/** Issue 12: events belong to their organisers; coordinators manage all. */
const db = getDb()
const DAY = 86_400_000

async function person(role?: 'organiser' | 'coordinator') {
	const user = await makeUser(db, { role })
	return { ...user, cookie: await cookieFor(user.id) }
}

async function world() {
	const [owner, other, coordinator, resident] = [
		await person('organiser'),
		await person('organiser'),
		await person('coordinator'),
		await person(),
	]
	const event = await makeEvent(db, owner.id, new Date(Date.now() + 7 * DAY), { title: 'Ägarens fika' })
	const params = { eventId: String(event.id) }
	const pages: Array<[RouteModule, string]> = [
		[editEvent, `/organise/events/${event.id}`],
		[attendees, `/organise/events/${event.id}/attendees`],
		[attendeesCsv, `/organise/events/${event.id}/attendees.csv`],
		[checkIn, `/organise/events/${event.id}/check-in`],
	]
	/** What each page's loader answers this person. */
	const statuses = async (cookie: string) =>
		Promise.all(pages.map(async ([route, path]) => (await callLoader(route, path, { cookie, params })).status))
	const edit = (cookie: string, form: Record<string, string>) =>
		callAction(editEvent, `/organise/events/${event.id}`, { cookie, params, form })
	const listed = async (cookie: string) => {
		const list = await callLoader(organiseList, '/organise/events', { cookie })
		return (list.data.upcoming as Array<{ id: number }>).some((e) => e.id === event.id)
	}
	return { owner, other, coordinator, resident, event, statuses, edit, listed }
}

describe('who manages an event', () => {
	test('its organiser and coordinators do; another organiser gets 403 on every page and action, and does not see it listed', async () => {
		const w = await world()
		expect(await w.statuses(w.owner.cookie)).toEqual([200, 200, 200, 200])
		expect(await w.statuses(w.coordinator.cookie)).toEqual([200, 200, 200, 200])
		expect(await w.statuses(w.other.cookie)).toEqual([403, 403, 403, 403])
		expect(await w.statuses(w.resident.cookie)).toEqual([403, 403, 403, 403])

		for (const intent of ['cancel-event', 'duplicate', 'publish-event', 'save', 'add-co-organiser'])
			expect((await w.edit(w.other.cookie, { intent, note: '' })).status, intent).toBe(403)
		const event = await db.selectFrom('event').select('status').where('id', '=', w.event.id).executeTakeFirstOrThrow()
		expect(event.status).toBe('published')

		expect(await w.listed(w.owner.cookie)).toBe(true)
		expect(await w.listed(w.coordinator.cookie)).toBe(true)
		expect(await w.listed(w.other.cookie)).toBe(false)
	})

	test('the organiser adds a co-organiser by email, who then manages it too (but adds no one); removing undoes it', async () => {
		const w = await world()
		const added = await w.edit(w.owner.cookie, {
			intent: 'add-co-organiser',
			email: ` ${w.other.email.toUpperCase()} `,
		})
		expect(added.location).toBe(`/organise/events/${w.event.id}?done=co-organiser-added`)
		expect(await w.statuses(w.other.cookie)).toEqual([200, 200, 200, 200])
		expect(await w.listed(w.other.cookie)).toBe(true)
		const page = await callLoader(editEvent, `/organise/events/${w.event.id}`, {
			cookie: w.other.cookie,
			params: { eventId: String(w.event.id) },
		})
		expect(page.data.coOrganisers).toEqual([{ userId: w.other.id, name: w.other.name, email: w.other.email }])
		expect(page.data.mayChooseCoOrganisers).toBe(false)

		// A co-organiser can edit but not choose who else manages it.
		const third = await person('organiser')
		expect((await w.edit(w.other.cookie, { intent: 'add-co-organiser', email: third.email })).status).toBe(403)
		expect(await w.statuses(third.cookie)).toEqual([403, 403, 403, 403])

		// Twice is the same as once.
		await w.edit(w.owner.cookie, { intent: 'add-co-organiser', email: w.other.email })
		const rows = await db.selectFrom('event_co_organiser').selectAll().where('event_id', '=', w.event.id).execute()
		expect(rows).toHaveLength(1)
		expect(rows[0]).toMatchObject({ user_id: w.other.id, added_by: w.owner.id })

		const removed = await w.edit(w.coordinator.cookie, { intent: 'remove-co-organiser', userId: String(w.other.id) })
		expect(removed.location).toBe(`/organise/events/${w.event.id}?done=co-organiser-removed`)
		expect(await w.statuses(w.other.cookie)).toEqual([403, 403, 403, 403])
	})

	test('only organisers can be added, and the address is checked by its field', async () => {
		const w = await world()
		for (const [email, message] of [
			[w.resident.email, 'Ingen arrangör i avtalet har den adressen.'],
			['ingen-alls@example.org', 'Ingen arrangör i avtalet har den adressen.'],
			[w.owner.email, 'Det är evenemangets egen arrangör.'],
			['inte en adress', 'e-postadress'],
		] as const) {
			const answer = await w.edit(w.owner.cookie, { intent: 'add-co-organiser', email })
			expect(answer.status, email).toBe(400)
			expect(answer.data.coOrganiser.email).toBe(email)
			expect(answer.data.coOrganiser.error).toContain(message)
		}
		expect(await db.selectFrom('event_co_organiser').selectAll().where('event_id', '=', w.event.id).execute()).toEqual(
			[],
		)
	})

	test("on the event's public page, only those who manage it see a draft and the organiser's tools", async () => {
		const w = await world()
		const draft = await makeEvent(
			db,
			w.owner.id,
			new Date(Date.now() + 9 * DAY),
			{ title: 'Ägarens utkast' },
			{ publish: false },
		)
		const page = (slug: string, cookie: string) =>
			callLoader(eventPage, `/events/${slug}`, { cookie, params: { event: slug } })

		expect((await page(draft.slug, w.owner.cookie)).status).toBe(200)
		expect((await page(draft.slug, w.coordinator.cookie)).status).toBe(200)
		expect((await page(draft.slug, w.other.cookie)).status).toBe(404)

		expect((await page(w.event.slug, w.owner.cookie)).data.canOrganise).toBe(true)
		expect((await page(w.event.slug, w.coordinator.cookie)).data.canOrganise).toBe(true)
		expect((await page(w.event.slug, w.other.cookie)).data.canOrganise).toBe(false)
	})
})
