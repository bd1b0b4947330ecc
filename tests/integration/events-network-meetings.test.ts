import { describe, expect, test } from 'vitest'
import { duplicateEvent } from '#app/events/life-cycle.server.ts'
import { listEvents } from '#app/events/listing.server.ts'
import { joinableEvents } from '#app/events/participation.server.ts'
import { rsvp } from '#app/events/rsvp.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import { utcToLocal } from '#app/common/time.ts'
import * as eventPage from '#app/routes/events-event.tsx'
import * as list from '#app/routes/events.tsx'
import * as newEvent from '#app/routes/organise-event-new.tsx'
import * as manage from '#app/routes/partners-manage.tsx'
import { getDb } from '#db/index.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { DAY, networkMeeting, partnerWith } from '#tests/support/network-meetings.ts'
import { callAction, callLoader, cookieFor, renderRoute } from '#tests/support/routes.ts'

/** Network meetings (issue 11): events for partner organisations, listed for all, joined by partners. */
const db = getDb()
const t = await getT('sv', 'events')

async function pressRsvp(slug: string, userId: number) {
	return callAction(eventPage, `/events/${slug}`, {
		params: { event: slug },
		cookie: await cookieFor(userId),
		form: { intent: 'rsvp' },
	})
}

async function placeOf(eventId: number, userId: number) {
	return db
		.selectFrom('event_rsvp')
		.select('status')
		.where('event_id', '=', eventId)
		.where('user_id', '=', userId)
		.executeTakeFirst()
}

async function pageFor(slug: string, userId?: number) {
	const cookie = userId === undefined ? undefined : await cookieFor(userId)
	return callLoader(eventPage, `/events/${slug}`, { params: { event: slug }, cookie })
}

describe('who takes a place at a meeting for partners', () => {
	test('someone who acts for an approved partner takes a place and is emailed', async () => {
		const { event } = await networkMeeting(db)
		const partner = await partnerWith(db)
		const answer = await pressRsvp(event.slug, partner.person.id)
		expect(answer.location).toBe(`/events/${event.slug}?done=going`)
		expect(await placeOf(event.id, partner.person.id)).toEqual({ status: 'going' })
		const mail = await db
			.selectFrom('outbox')
			.select('subject')
			.where('to_address', '=', partner.person.email)
			.execute()
		expect(mail).toHaveLength(1)
	})

	test('a resident pressing the button anyway is told why, and gets no place and no email', async () => {
		const { event } = await networkMeeting(db)
		const resident = await makeUser(db)
		const answer = await pressRsvp(event.slug, resident.id)
		expect(answer.location).toBe(`/events/${event.slug}?done=not-in-audience`)
		expect(await placeOf(event.id, resident.id)).toBeUndefined()
		expect(await db.selectFrom('outbox').select('id').where('to_address', '=', resident.email).execute()).toEqual([])

		const page = await callLoader(eventPage, answer.location!, {
			params: { event: event.slug },
			cookie: await cookieFor(resident.id),
		})
		expect(page.data.flash).toEqual({ key: 'not-in-audience', count: 0 })
		const html = await renderRoute({ Component: eventPage.default, url: answer.location!, loaderData: page.data })
		expect(html).toContain(t('done.notInAudience'))
	})

	test('a reporter counts too; a partner whose agreement waits for review or has run out does not', async () => {
		const { event } = await networkMeeting(db)
		const reporter = await partnerWith(db, { role: 'reporter' })
		const waiting = await partnerWith(db, { status: 'submitted' })
		const ended = await partnerWith(db, { periodStart: '2020-01-01', periodEnd: '2023-12-31' })
		expect(await rsvp(db, event.id, reporter.person.id)).toEqual({ kind: 'going', changed: true })
		expect(await rsvp(db, event.id, waiting.person.id)).toEqual({ kind: 'not-in-audience' })
		expect(await rsvp(db, event.id, ended.person.id)).toEqual({ kind: 'not-in-audience' })
	})

	test('organisers and coordinators may take a place, and everyone may at an event for everyone', async () => {
		const { event } = await networkMeeting(db)
		const organiser = await makeUser(db, { role: 'organiser' })
		const coordinator = await makeUser(db, { role: 'coordinator' })
		expect(await rsvp(db, event.id, organiser.id)).toEqual({ kind: 'going', changed: true })
		expect(await rsvp(db, event.id, coordinator.id)).toEqual({ kind: 'going', changed: true })

		const fika = await makeEvent(db, organiser.id, new Date(Date.now() + 5 * DAY), {}, { now: new Date() })
		expect(await rsvp(db, fika.id, (await makeUser(db)).id)).toEqual({ kind: 'going', changed: true })
	})
})

describe('the meeting page', () => {
	test('is marked for partners and explains who can come, with the way to become a partner', async () => {
		const { event } = await networkMeeting(db)
		const resident = await makeUser(db)
		const partner = await partnerWith(db)

		const visitor = await pageFor(event.slug)
		expect(visitor.data).toMatchObject({ mayJoin: false, event: { audience: 'partners' } })
		const forResident = await pageFor(event.slug, resident.id)
		expect(forResident.data.mayJoin).toBe(false)
		expect((await pageFor(event.slug, partner.person.id)).data.mayJoin).toBe(true)

		const html = await renderRoute({
			Component: eventPage.default,
			url: `/events/${event.slug}`,
			loaderData: forResident.data,
		})
		expect(html).toContain(t('audience.badge'))
		expect(html).toContain(t('audience.explanation'))
		expect(html).toContain('href="/partners/join"')
		expect(html).not.toContain(`value="rsvp"`)
		const visitorHtml = await renderRoute({
			Component: eventPage.default,
			url: `/events/${event.slug}`,
			loaderData: visitor.data,
		})
		expect(visitorHtml).toContain(t('audience.signIn'))
	})
})

describe('finding meetings for partners', () => {
	test('the list marks them, and its filter shows only them', async () => {
		const { event: meeting } = await networkMeeting(db, 20)
		const organiser = await makeUser(db, { role: 'organiser' })
		const fika = await makeEvent(db, organiser.id, new Date(Date.now() + 21 * DAY), {}, { now: new Date() })

		const all = await callLoader(list, '/events')
		const slugs = (answer: typeof all) =>
			answer.data.groups.flatMap((group: { events: Array<{ slug: string }> }) => group.events.map((e) => e.slug))
		expect(slugs(all)).toEqual(expect.arrayContaining([meeting.slug, fika.slug]))

		const filtered = await callLoader(list, '/events?audience=partners')
		expect(filtered.data.filter.audience).toBe('partners')
		expect(slugs(filtered)).toContain(meeting.slug)
		expect(slugs(filtered)).not.toContain(fika.slug)
		const html = await renderRoute({
			Component: list.default,
			url: '/events?audience=partners',
			loaderData: filtered.data,
		})
		expect(html).toContain(t('audience.badge'))

		// Nonsense in the address is ignored rather than refused.
		expect((await callLoader(list, '/events?audience=everyone')).data.filter.audience).toBeUndefined()
		const { events } = await listEvents(db, { when: 'upcoming', audience: 'partners' })
		expect(events.every((e) => e.audience === 'partners')).toBe(true)
	})

	test("a partner's management page lists the meetings coming up", async () => {
		const { event } = await networkMeeting(db, 9)
		const partner = await partnerWith(db)
		const page = await callLoader(manage, `/partners/${partner.slug}/manage`, {
			params: { slug: partner.slug },
			cookie: await cookieFor(partner.person.id),
		})
		expect(page.data.meetings).toContainEqual(
			expect.objectContaining({ slug: event.slug, title: 'Nätverksträff för klimatpartner' }),
		)
	})

	test('the next steps suggested to a person leave out meetings they cannot join', async () => {
		const { event } = await networkMeeting(db, 12)
		const resident = await makeUser(db)
		const partner = await partnerWith(db)
		const suggested = async (userId: number) => (await joinableEvents(db, userId, new Date())).map((e) => e.slug)
		expect(await suggested(resident.id)).not.toContain(event.slug)
		await rsvp(db, event.id, partner.person.id)
		expect(await suggested(partner.person.id)).toContain(event.slug)
	})
})

describe('organisers choose the audience', () => {
	const form = (audience: string) => {
		const date = utcToLocal(new Date(Date.now() + 30 * DAY), 'Europe/Stockholm').date
		return {
			intent: 'publish',
			type: 'network-meeting',
			audience,
			title: 'Nätverksträff om matsvinn',
			date,
			startTime: '08:00',
			endTime: '09:30',
			place: 'Stadshuset',
			reminderHours: '24',
			repeat: 'none',
		}
	}

	test('on the event form; a copy keeps it; a forged value is refused beside the field', async () => {
		const coordinator = await makeUser(db, { role: 'coordinator' })
		const cookie = await cookieFor(coordinator.id)
		const created = await callAction(newEvent, '/organise/events/new', { cookie, form: form('partners') })
		expect(created.status).toBe(302)
		const id = Number(/\/organise\/events\/(\d+)/.exec(created.location!)![1])
		const row = await db.selectFrom('event').select(['audience', 'type']).where('id', '=', id).executeTakeFirstOrThrow()
		expect(row).toEqual({ audience: 'partners', type: 'network-meeting' })
		const copy = await duplicateEvent(db, id, coordinator.id)
		expect(copy?.audience).toBe('partners')

		const forged = await callAction(newEvent, '/organise/events/new', { cookie, form: form('members') })
		expect(forged.status).toBe(400)
		expect(forged.data.result.error.audience).toEqual([t('errors.audience')])
	})
})
