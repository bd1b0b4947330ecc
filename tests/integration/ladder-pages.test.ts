import { describe, expect, test } from 'vitest'
import { makeUser } from '#tests/support/events.ts'
import {
	checkInWithLadder,
	eventAt,
	historyRows,
	ladderRow,
	levelUpMails,
	signedPerson,
} from '#tests/support/ladder.ts'
import { callAction, callLoader, cookieFor, renderRoute, routeArgs } from '#tests/support/routes.ts'
import * as adminCsv from '#app/routes/admin-ladder-csv.ts'
import * as adminPerson from '#app/routes/admin-ladder-person.tsx'
import * as adminSettings from '#app/routes/admin-ladder-settings.tsx'
import * as adminLadder from '#app/routes/admin-ladder.tsx'
import * as ladderRoute from '#app/routes/ladder.tsx'
import * as myPledgeRoute from '#app/routes/my-pledge.tsx'
import * as volunteersRoute from '#app/routes/ladder-volunteers.tsx'
import { getDb } from '#db/index.ts'

/** The ladder's pages through their loaders and actions: what people see, and who may do what. */
const db = getDb()
const DAY = 86_400_000

async function coordinatorCookie() {
	const user = await makeUser(db, { role: 'coordinator', name: 'Karin Koordinator' })
	return { id: user.id, cookie: await cookieFor(user.id) }
}

describe('/ladder', () => {
	test('asks a visitor to sign in first', async () => {
		const result = await callLoader(ladderRoute, '/ladder')
		expect(result.status).toBe(302)
		expect(result.location).toBe('/login?redirectTo=%2Fladder')
	})

	test('shows my step, celebrates a new one once, and suggests an event that fits my commitments', async () => {
		const person = await signedPerson(db)
		const cookie = await cookieFor(person.userId)
		const soon = new Date(Date.now() + 5 * DAY)
		await eventAt(db, soon, { type: 'climate-fika', title: 'Klimatfika snart' })
		const first = await ladderRoute.loader(routeArgs('/ladder', { cookie }))
		expect(first.step).toBe(1)
		expect(first.newStep).toBe(true)
		expect(first.next.kind).toBe('event')
		const html = await renderRoute({ Component: ladderRoute.default, url: '/ladder', loaderData: first })
		expect(html).toContain('Du står på steg 1 av 4: Skriv under avtalet.')
		expect(html).toContain('aria-current="step"')
		expect(html).toContain('Grattis! Du har tagit steg 1')
		expect(html).toContain('Klimatfika snart')
		expect(html).toContain('Ett pass räknas som gjort när evenemanget är slut och du checkades in där.')
		const again = await ladderRoute.loader(routeArgs('/ladder', { cookie }))
		expect(again.newStep).toBe(false)
	})

	test('after a check-in: step 2, what got me there, and open helper shifts as the next step', async () => {
		const person = await signedPerson(db, new Date(Date.now() - 20 * DAY))
		const cookie = await cookieFor(person.userId)
		const past = await eventAt(db, new Date(Date.now() - 10 * DAY), { title: 'Klädbyte förra veckan' })
		await checkInWithLadder(db, past.id, person.userId, new Date(past.starts_at))
		await eventAt(db, new Date(Date.now() + 3 * DAY), { title: 'Fika som behöver hjälp', needed: 2 })
		const loaderData = await ladderRoute.loader(routeArgs('/ladder', { cookie }))
		expect(loaderData.step).toBe(2)
		expect(loaderData.next.kind).toBe('help')
		const html = await renderRoute({ Component: ladderRoute.default, url: '/ladder', loaderData })
		expect(html).toContain('Du står på steg 2 av 4: Delta på evenemang.')
		expect(html).toContain('Klädbyte förra veckan')
		expect(html).toContain('Fika som behöver hjälp')
		expect(html).toContain('Duka fram fikat – 0 av 2 hjälpare')

		// "My pledge" shows the same step.
		const pledge = await myPledgeRoute.loader(routeArgs('/my-pledge', { cookie }))
		expect(pledge.ladderStep).toBe(2)
	})

	test('saves volunteer interests and the level-up email setting; bad input stores nothing', async () => {
		const person = await signedPerson(db)
		const cookie = await cookieFor(person.userId)
		const saved = await callAction(ladderRoute, '/ladder', {
			cookie,
			form: { intent: 'interests', interests: ['events', 'politics'] },
		})
		expect(saved.status).toBe(303)
		const rows = await db
			.selectFrom('volunteer_interest')
			.select('interest')
			.where('user_id', '=', person.userId)
			.orderBy('interest')
			.execute()
		expect(rows.map((r) => r.interest)).toEqual(['events', 'politics'])

		const bad = await callAction(ladderRoute, '/ladder', {
			cookie,
			form: { intent: 'interests', interests: ['hacking'] },
		})
		expect(bad.status).toBe(400)
		expect(
			(await db.selectFrom('volunteer_interest').select('interest').where('user_id', '=', person.userId).execute())
				.length,
		).toBe(2)

		await callAction(ladderRoute, '/ladder', { cookie, form: { intent: 'email-setting' } })
		expect(
			(await db.selectFrom('user').select('level_up_emails').where('id', '=', person.userId).executeTakeFirstOrThrow())
				.level_up_emails,
		).toBe(0)
		const event = await eventAt(db, new Date(Date.now() - DAY))
		await checkInWithLadder(db, event.id, person.userId, new Date(event.starts_at))
		expect((await ladderRow(db, person.userId))?.step).toBe(2)
		expect(await levelUpMails(db, person.email)).toHaveLength(0)
	})
})

describe('the coordinators’ pages', () => {
	test('are for people who may manage members; organisers see only whom to ask', async () => {
		const resident = await signedPerson(db)
		const residentCookie = await cookieFor(resident.userId)
		const organiser = await makeUser(db, { role: 'organiser' })
		const organiserCookie = await cookieFor(organiser.id)
		for (const cookie of [residentCookie, organiserCookie]) {
			expect((await callLoader(adminLadder, '/admin/ladder', { cookie })).status).toBe(403)
			expect((await callLoader(adminCsv, '/admin/ladder.csv', { cookie })).status).toBe(403)
			expect(
				(
					await callAction(adminSettings, '/admin/ladder/settings', {
						cookie,
						form: { eventsForStep2: '1', helperEventsForStep3: '1', helperWindowMonths: '12' },
					})
				).status,
			).toBe(403)
			const params = { userId: String(resident.userId) }
			expect(
				(
					await callAction(adminPerson, `/admin/ladder/${resident.userId}`, {
						cookie,
						params,
						form: { step: '4', reason: 'Själv' },
					})
				).status,
			).toBe(403)
		}
		expect((await ladderRow(db, resident.userId))?.step ?? 1).toBe(1)
		expect((await callLoader(volunteersRoute, '/ladder/volunteers', { cookie: residentCookie })).status).toBe(403)
		const asOrganiser = await callLoader(volunteersRoute, '/ladder/volunteers', { cookie: organiserCookie })
		expect(asOrganiser.status).toBe(200)
	})

	test('raise with a reason, see it in the history, the funnel and the CSV; a missing reason changes nothing', async () => {
		const { id: coordinatorId, cookie } = await coordinatorCookie()
		const person = await signedPerson(db, new Date(), { district: 'Råå', name: 'Britt Styrelse' })
		const params = { userId: String(person.userId) }
		const url = `/admin/ladder/${person.userId}`

		const missing = await callAction(adminPerson, url, { cookie, params, form: { step: '4', reason: '  ' } })
		expect(missing.status).toBe(400)
		expect((await historyRows(db, person.userId)).filter((h) => h.source === 'coordinator')).toHaveLength(0)

		const raised = await callAction(adminPerson, url, {
			cookie,
			params,
			form: { step: '4', reason: 'Invald i styrelsen' },
		})
		expect(raised).toMatchObject({ status: 303, location: `${url}?done=changed` })
		expect((await historyRows(db, person.userId)).at(-1)).toMatchObject({
			to_step: 4,
			source: 'coordinator',
			reason: 'Invald i styrelsen',
			changed_by: coordinatorId,
		})
		expect((await levelUpMails(db, person.email)).map((m) => m.subject)).toEqual([
			'Grattis! Du har tagit steg 4: Högaktiv medlem',
		])

		const page = await adminPerson.loader(routeArgs(url, { cookie, params }))
		const html = await renderRoute({ Component: adminPerson.default, url, loaderData: page })
		expect(html).toContain('Ändrat av Karin Koordinator: Invald i styrelsen')

		const overview = await adminLadder.loader(routeArgs('/admin/ladder?step=4&district=R%C3%A5%C3%A5', { cookie }))
		expect(overview.members.map((m) => m.name)).toContain('Britt Styrelse')
		expect(overview.funnel.find((r) => r.step === 4)!.people).toBeGreaterThanOrEqual(1)
		expect(overview.months.at(-1)!.byStep[4]).toBeGreaterThanOrEqual(1)

		const csv = (await adminCsv.loader(routeArgs('/admin/ladder.csv?step=4', { cookie }))) as Response
		expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		const bytes = new Uint8Array(await csv.arrayBuffer())
		// A byte-order mark first, so spreadsheets read å, ä, ö (text() would strip it).
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
		const text = new TextDecoder().decode(bytes)
		expect(text.split('\r\n')[0]).toBe(
			'"Namn","E-post","Stadsdel eller ort","Steg","Steg enligt reglerna","På steget sedan","Senast aktiv","Intressen"',
		)
		expect(text).toContain(`"Britt Styrelse","${person.email}","Råå","4","1"`)
	})

	test('thresholds: bad input is refused; a change re-evaluates everyone at once', async () => {
		const { cookie } = await coordinatorCookie()
		const person = await signedPerson(db, new Date(Date.now() - 30 * DAY))
		const a = await eventAt(db, new Date(Date.now() - 20 * DAY))
		await checkInWithLadder(db, a.id, person.userId, new Date(a.starts_at))
		expect((await ladderRow(db, person.userId))?.step).toBe(2)

		const bad = await callAction(adminSettings, '/admin/ladder/settings', {
			cookie,
			form: { eventsForStep2: '0', helperEventsForStep3: 'två', helperWindowMonths: '12' },
		})
		expect(bad.status).toBe(400)
		expect(
			(
				await db
					.selectFrom('ladder_setting')
					.select('value')
					.where('name', '=', 'events_for_step_2')
					.executeTakeFirstOrThrow()
			).value,
		).toBe(1)

		// Two events for step 2 now: nobody is moved down.
		const raised = await callAction(adminSettings, '/admin/ladder/settings', {
			cookie,
			form: { eventsForStep2: '2', helperEventsForStep3: '2', helperWindowMonths: '12' },
		})
		expect(raised.status).toBe(303)
		expect(await ladderRow(db, person.userId)).toMatchObject({ step: 2, rule_step: 1 })
		const overview = await adminLadder.loader(routeArgs('/admin/ladder?step=2', { cookie }))
		const html = await renderRoute({
			Component: adminLadder.default,
			url: '/admin/ladder?step=2',
			loaderData: overview,
		})
		expect(html).toContain('Reglerna ger i dag steg 1')

		await callAction(adminSettings, '/admin/ladder/settings', {
			cookie,
			form: { eventsForStep2: '1', helperEventsForStep3: '2', helperWindowMonths: '12' },
		})
	})
})
