import { describe, expect, test } from 'vitest'
import * as adminDay from '#app/routes/admin-partnership-day.tsx'
import * as adminDays from '#app/routes/admin-partnership-days.tsx'
import * as roomPage from '#app/routes/admin-partnership-day-room.tsx'
import * as dayPage from '#app/routes/partnership-day.tsx'
import * as eventPage from '#app/routes/events-event.tsx'
import { getDb } from '#db/index.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import {
	approvedPartner,
	coordinator,
	partnershipDay,
	signedUp,
	type TestDay,
	type TestPartner,
} from '#tests/support/partnership-day.ts'
import { callAction, callLoader, cookieFor } from '#tests/support/routes.ts'

const db = getDb()

const params = (day: TestDay) => ({ params: { eventId: String(day.event.id) } })

async function register(day: TestDay, person: { id: number }, partnerId: number, offers: string, seeks: string) {
	return callAction(dayPage, `${day.path}?intent=register`, {
		cookie: await cookieFor(person.id, db),
		...params(day),
		form: { partnerId: String(partnerId), offers, seeks },
	})
}

async function tagsOf(day: TestDay, partnerId: number) {
	const rows = await db
		.selectFrom('partnership_day_tag')
		.select(['kind', 'tag'])
		.where('day_id', '=', day.day.id)
		.where('partner_id', '=', partnerId)
		.orderBy('kind')
		.orderBy('tag')
		.execute()
	return rows.map((row) => `${row.kind}:${row.tag}`)
}

async function generate(day: TestDay, form: Record<string, string>) {
	return callAction(adminDay, `${day.adminPath}?intent=generate`, {
		cookie: await cookieFor(day.coordinator.id, db),
		...params(day),
		form: { rounds: '3', minutes: '10', startTime: '09:30', ...form },
	})
}

describe('who may see and change what', () => {
	test('a visitor is sent to sign in, a resident gets 403, an unknown day 404', async () => {
		const day = await partnershipDay(db)
		const anonymous = await callLoader(dayPage, day.path, params(day))
		expect(anonymous.location).toBe(`/login?redirectTo=${encodeURIComponent(day.path)}`)
		const resident = await cookieFor((await makeUser(db)).id, db)
		expect((await callLoader(dayPage, day.path, { cookie: resident, ...params(day) })).status).toBe(403)
		expect((await callLoader(adminDay, day.adminPath, { cookie: resident, ...params(day) })).status).toBe(403)
		expect((await callLoader(adminDays, '/admin/partnership-days', { cookie: resident })).status).toBe(403)
		const partner = await approvedPartner(db)
		const member = await cookieFor(partner.person.id, db)
		expect(
			(await callLoader(dayPage, '/partnership-day/999999', { cookie: member, params: { eventId: '999999' } })).status,
		).toBe(404)
		// A partner's person is no coordinator.
		expect((await callLoader(adminDay, day.adminPath, { cookie: member, ...params(day) })).status).toBe(403)
		expect((await generate({ ...day, coordinator: partner.person }, {})).status).toBe(403)
	})

	test('someone who acts for one partner cannot sign up or withdraw another', async () => {
		const day = await partnershipDay(db)
		const ours = await approvedPartner(db, { name: 'Bageriet Kärnan' })
		const theirs = await approvedPartner(db, { name: 'Cykelköket Söder' })
		await signedUp(db, day, theirs, ['cykelreparation'], ['lokaler'])

		const forged = await register(day, ours.person, theirs.id, 'solceller', 'matsvinn')
		expect(forged.status).toBe(403)
		expect(await tagsOf(day, theirs.id)).toEqual(['offer:cykelreparation', 'seek:lokaler'])
		const withdraw = await callAction(dayPage, `${day.path}?intent=withdraw`, {
			cookie: await cookieFor(ours.person.id, db),
			...params(day),
			form: { partnerId: String(theirs.id) },
		})
		expect(withdraw.status).toBe(403)

		// What the page offers to edit is only the person's own partner; the other is only listed.
		const page = await callLoader(dayPage, day.path, { cookie: await cookieFor(ours.person.id, db), ...params(day) })
		expect(page.data.mine.map((p: { name: string }) => p.name)).toEqual(['Bageriet Kärnan'])
		expect(page.data.attendees).toEqual([
			{ partnerId: theirs.id, name: 'Cykelköket Söder', offers: ['cykelreparation'], seeks: ['lokaler'] },
		])
	})
})

describe('signing up with offers and seeks', () => {
	test('tags are trimmed, lower-cased and kept once; saving again replaces them; withdrawing removes them', async () => {
		const day = await partnershipDay(db)
		const partner = await approvedPartner(db, { role: 'reporter' })
		const first = await register(
			day,
			partner.person,
			partner.id,
			' Solceller, LÅDCYKEL ,solceller;  praktik  platser ',
			'Matsvinn',
		)
		expect(first.location).toBe(`${day.path}?done=registered#partner-${partner.id}`)
		expect(await tagsOf(day, partner.id)).toEqual([
			'offer:lådcykel',
			'offer:praktik platser',
			'offer:solceller',
			'seek:matsvinn',
		])
		const again = await register(day, partner.person, partner.id, 'cykelpool', '')
		expect(again.location).toBe(`${day.path}?done=saved#partner-${partner.id}`)
		expect(await tagsOf(day, partner.id)).toEqual(['offer:cykelpool'])

		const withdrawn = await callAction(dayPage, `${day.path}?intent=withdraw`, {
			cookie: await cookieFor(partner.person.id, db),
			...params(day),
			form: { partnerId: String(partner.id) },
		})
		expect(withdrawn.location).toBe(`${day.path}?done=withdrawn`)
		expect(await tagsOf(day, partner.id)).toEqual([])
	})

	test('nothing at all, a tag that is too long or too many tags get a message beside the field and store nothing', async () => {
		const day = await partnershipDay(db)
		const partner = await approvedPartner(db)
		const empty = await register(day, partner.person, partner.id, ' , ', '')
		expect(empty.status).toBe(400)
		expect(empty.data.result.error.offers).toEqual(['Skriv minst ett ämne, i det ni erbjuder eller det ni söker.'])
		expect(empty.data.result.initialValue.offers).toBe(' , ')

		const long = await register(day, partner.person, partner.id, 'solceller', 'x'.repeat(41))
		expect(long.data.result.error.seeks).toEqual([`”${'x'.repeat(41)}” är för långt: högst 40 tecken per ämne.`])
		const many = await register(
			day,
			partner.person,
			partner.id,
			Array.from({ length: 16 }, (_, i) => `tag${i}`).join(','),
			'',
		)
		expect(many.data.result.error.offers).toEqual(['Högst 15 ämnen.'])
		expect(await tagsOf(day, partner.id)).toEqual([])
	})

	test('once the day has begun the sign-up is closed, and the page says so', async () => {
		const day = await partnershipDay(db, { daysAhead: -1 })
		const partner = await approvedPartner(db)
		const late = await register(day, partner.person, partner.id, 'solceller', '')
		expect(late.status).toBe(409)
		expect(late.data.result.error['']).toEqual(['Anmälan stängde när dagen började.'])
		const page = await callLoader(dayPage, day.path, { cookie: await cookieFor(partner.person.id, db), ...params(day) })
		expect(page.data.day.registrationOpen).toBe(false)
	})
})

describe('rounds', () => {
	async function dayWithPartners(count: number, daysAhead = 14) {
		const day = await partnershipDay(db, { daysAhead })
		const partners: TestPartner[] = []
		for (let i = 0; i < count; i += 1) {
			const partner = await approvedPartner(db, { name: `Partner ${String.fromCharCode(65 + i)}` })
			partners.push(partner)
		}
		// A offers what B seeks and the other way round: they are the best pair.
		await signedUp(db, day, partners[0]!, ['solceller', 'lådcykel'], ['matsvinn'])
		await signedUp(db, day, partners[1]!, ['matsvinn'], ['solceller', 'lådcykel'])
		for (const partner of partners.slice(2)) await signedUp(db, day, partner, ['kompost'], ['lokaler'])
		return { day, partners }
	}

	test('a coordinator generates them; they are stored with tables, times and matched tags, and each partner sees its own', async () => {
		const { day, partners } = await dayWithPartners(5)
		const answer = await generate(day, {})
		expect(answer.location).toBe(`${day.adminPath}?done=generated#rounds-heading`)
		const meetings = await db
			.selectFrom('partnership_day_meeting')
			.selectAll()
			.where('day_id', '=', day.day.id)
			.execute()
		expect(meetings).toHaveLength(3 * 2)
		const sitOuts = await db
			.selectFrom('partnership_day_sit_out')
			.selectAll()
			.where('day_id', '=', day.day.id)
			.execute()
		expect(sitOuts).toHaveLength(3)
		expect(new Set(sitOuts.map((s) => s.partner_id)).size).toBe(3)

		const room = await callLoader(roomPage, `${day.adminPath}/room`, {
			cookie: await cookieFor(day.coordinator.id, db),
			...params(day),
		})
		const first = room.data.rounds[0]
		expect(first.meetings[0]).toMatchObject({
			table: 1,
			a: { name: 'Partner A' },
			b: { name: 'Partner B' },
			score: 3,
			aOffersBSeeks: ['lådcykel', 'solceller'],
			bOffersASeeks: ['matsvinn'],
		})
		expect(room.data.rounds.map((r: { time: string }) => r.time)).toEqual(['09:30–09:40', '09:40–09:50', '09:50–10:00'])

		const mine = await callLoader(dayPage, day.path, {
			cookie: await cookieFor(partners[1]!.person.id, db),
			...params(day),
		})
		const schedule = mine.data.mine[0].schedule
		expect(schedule[0]).toMatchObject({
			round: 1,
			time: '09:30–09:40',
			table: 1,
			with: { name: 'Partner A' },
			theyOffer: ['lådcykel', 'solceller'],
			weOffer: ['matsvinn'],
		})
		// Only their own rounds reach them.
		expect(schedule.every((round: { with: { name: string } | null }) => round.with?.name !== 'Partner B')).toBe(true)
	})

	test('too few partners, more rounds than the partners allow, and a bad time each get their message', async () => {
		const one = await dayWithPartners(2)
		await db.deleteFrom('partnership_day_registration').where('partner_id', '=', one.partners[1]!.id).execute()
		const tooFew = await generate(one.day, {})
		expect(tooFew.status).toBe(409)
		expect(tooFew.data.result.error['']).toEqual(['Minst två partner behöver vara anmälda innan omgångarna kan göras.'])

		const { day } = await dayWithPartners(4)
		const tooMany = await generate(day, { rounds: '4' })
		expect(tooMany.status).toBe(400)
		expect(tooMany.data.result.error.rounds).toEqual(['Med 4 anmälda partner går det att ha högst 3 omgångar.'])
		const badTime = await generate(day, { startTime: '9.30', minutes: '1' })
		expect(badTime.data.result.error.startTime).toEqual(['Skriv ett klockslag, till exempel 09:30.'])
		expect(badTime.data.result.error.minutes).toEqual(['Skriv ett antal minuter mellan 2 och 60.'])
		expect(
			await db.selectFrom('partnership_day_meeting').select('id').where('day_id', '=', day.day.id).execute(),
		).toEqual([])
	})

	test('generating again replaces them; once the day has begun only with the tick; a change since is flagged', async () => {
		const { day, partners } = await dayWithPartners(4, -0.01)
		await generate(day, { rounds: '3' })
		const before = await db
			.selectFrom('partnership_day_meeting')
			.select('id')
			.where('day_id', '=', day.day.id)
			.execute()
		expect(before).toHaveLength(6)
		const cookie = await cookieFor(day.coordinator.id, db)
		expect((await callLoader(adminDay, day.adminPath, { cookie, ...params(day) })).data.outdated).toBe(false)

		// A partner leaves after the rounds were made (a coordinator's correction): the page says so.
		await db.deleteFrom('partnership_day_registration').where('partner_id', '=', partners[3]!.id).execute()
		expect((await callLoader(adminDay, day.adminPath, { cookie, ...params(day) })).data.outdated).toBe(true)

		const unconfirmed = await generate(day, { rounds: '1' })
		expect(unconfirmed.status).toBe(409)
		expect(unconfirmed.data.result.error.confirm).toEqual([
			'Dagen har börjat. Kryssa i rutan för att ersätta omgångarna.',
		])
		expect(
			await db.selectFrom('partnership_day_meeting').select('id').where('day_id', '=', day.day.id).execute(),
		).toEqual(before)

		expect((await generate(day, { rounds: '1', confirm: 'on' })).status).toBe(303)
		const after = await db.selectFrom('partnership_day_meeting').selectAll().where('day_id', '=', day.day.id).execute()
		expect(after).toHaveLength(1)
		expect((await callLoader(adminDay, day.adminPath, { cookie, ...params(day) })).data.outdated).toBe(false)
	})
})

describe('coordinators make an event a partnership day, and the event page links to it', () => {
	test('an upcoming published event becomes one once; a past one cannot', async () => {
		const boss = await coordinator(db)
		const cookie = await cookieFor(boss.id, db)
		const upcoming = await makeEvent(db, boss.id, new Date(Date.now() + 20 * 86_400_000), { title: 'Partnerträff' })
		const past = await makeEvent(db, boss.id, new Date(Date.now() - 2 * 86_400_000), { title: 'Förra träffen' })

		const list = await callLoader(adminDays, '/admin/partnership-days', { cookie })
		const candidateIds = list.data.candidates.map((event: { id: number }) => event.id)
		expect(candidateIds).toContain(upcoming.id)
		expect(candidateIds).not.toContain(past.id)

		const created = await callAction(adminDays, '/admin/partnership-days', {
			cookie,
			form: { eventId: String(upcoming.id) },
		})
		expect(created.location).toBe(`/admin/partnership-days/${upcoming.id}?done=created`)
		const again = await callAction(adminDays, '/admin/partnership-days', {
			cookie,
			form: { eventId: String(upcoming.id) },
		})
		expect(again.location).toBe(`/admin/partnership-days/${upcoming.id}?done=exists`)
		const refused = await callAction(adminDays, '/admin/partnership-days', {
			cookie,
			form: { eventId: String(past.id) },
		})
		expect(refused.status).toBe(400)
		expect(refused.data.error.eventId).toEqual([
			'Evenemanget går inte att välja: det har börjat, är inte publicerat eller finns inte.',
		])
		const after = await callLoader(adminDays, '/admin/partnership-days', { cookie })
		expect(after.data.days.map((d: { eventId: number }) => d.eventId)).toContain(upcoming.id)
		expect(after.data.candidates.map((event: { id: number }) => event.id)).not.toContain(upcoming.id)

		const onEventPage = await callLoader(eventPage, `/events/${upcoming.slug}`, { params: { event: upcoming.slug } })
		expect(onEventPage.data.partnershipDay).toBe(`/partnership-day/${upcoming.id}`)
		const otherEvent = await callLoader(eventPage, `/events/${past.slug}`, { params: { event: past.slug } })
		expect(otherEvent.data.partnershipDay).toBeNull()
	})
})
