import { describe, expect, test } from 'vitest'
import * as adminCsv from '#app/routes/admin-climate-reports-csv.ts'
import * as admin from '#app/routes/admin-climate-reports.tsx'
import * as reportsPage from '#app/routes/partners-reports.tsx'
import { getDb } from '#db/index.ts'
import { makeUser } from '#tests/support/events.ts'
import { approvedPartner, reportRow } from '#tests/support/partners-reports.ts'
import { callAction, callLoader, cookieFor } from '#tests/support/routes.ts'

const db = getDb()
const thisYear = new Date().getFullYear()

const report = (overrides: Record<string, string> = {}) => ({
	year: String(thisYear - 2),
	scope1: '120,5',
	scope2: '80',
	scope3: '',
	actions: '- Bytte till **fossilfri** el',
	...overrides,
})

async function post(slug: string, cookie: string, form: Record<string, string>, search = '') {
	return callAction(reportsPage, `/partners/${slug}/reports${search}`, { cookie, params: { slug }, form })
}

async function storedYears(partnerId: number) {
	const rows = await db
		.selectFrom('climate_report')
		.select('year')
		.where('partner_id', '=', partnerId)
		.orderBy('year')
		.execute()
	return rows.map((r) => r.year)
}

describe('a partner reports its emissions', () => {
	test('the baseline first, then a year with its actions; the page shows both against the trajectory', async () => {
		const partner = await approvedPartner(db)
		const cookie = await cookieFor(partner.person.id)
		const baseline = await post(
			partner.slug,
			cookie,
			report({ year: String(thisYear - 3), scope1: '600', scope2: '400' }),
		)
		expect(baseline.status).toBe(303)
		expect(baseline.location).toBe(`/partners/${partner.slug}/reports?done=created`)
		expect((await post(partner.slug, cookie, report())).status).toBe(303)

		const page = await callLoader(reportsPage, `/partners/${partner.slug}/reports`, {
			cookie,
			params: { slug: partner.slug },
		})
		expect(page.data.reports.map((r: { year: number; isBaseline: boolean }) => [r.year, r.isBaseline])).toEqual([
			[thisYear - 3, true],
			[thisYear - 2, false],
		])
		expect(page.data.reports[1].scope1Tonnes).toBe(120.5)
		expect(page.data.reports[1].actionsHtml).toContain('<strong>fossilfri</strong>')
		expect(page.data.trajectory.map((y: { standing: string }) => y.standing)).toEqual(['on-track', 'ahead'])
	})

	test('editing a year keeps its year and changes its figures', async () => {
		const partner = await approvedPartner(db)
		const cookie = await cookieFor(partner.person.id)
		await reportRow(db, partner.id, thisYear - 2, 100, 50, { baseline: true })
		const edited = await post(partner.slug, cookie, report({ year: '1999', scope1: '90' }), `?edit=${thisYear - 2}`)
		expect(edited.location).toBe(`/partners/${partner.slug}/reports?done=saved`)
		const row = await db
			.selectFrom('climate_report')
			.selectAll()
			.where('partner_id', '=', partner.id)
			.executeTakeFirstOrThrow()
		expect([row.year, row.scope1_tonnes, row.is_baseline]).toEqual([thisYear - 2, 90, 1])
	})
})

describe('absurd numbers get a message next to the field and nothing is stored', () => {
	const cases: Array<[string, Record<string, string>, string, RegExp]> = [
		['a negative number', { scope1: '-5' }, 'scope1', /negativa/],
		['a year in the future', { year: String(thisYear + 1) }, 'year', /inte varit än/],
		['a year before the baseline', { year: String(thisYear - 6) }, 'year', /före ert basår/],
		['a year already reported', { year: String(thisYear - 4) }, 'year', /redan rapporterat/],
		['a thousand times last year', { scope1: '1200000', scope2: '0' }, 'scope1', /Kontrollera enheten: ton/],
		['a thousandth of last year', { scope1: '0,5', scope2: '0' }, 'scope1', /Kontrollera enheten: ton/],
		['something that is not a number', { scope2: 'mycket' }, 'scope2', /Skriv ett tal/],
	]
	for (const [what, fields, field, message] of cases)
		test(what, async () => {
			const partner = await approvedPartner(db)
			const cookie = await cookieFor(partner.person.id)
			// Baseline 1000 t four years ago.
			await reportRow(db, partner.id, thisYear - 4, 600, 400, { baseline: true })
			const answer = await post(partner.slug, cookie, report(fields))
			expect(answer.status).toBe(400)
			expect(answer.data.error[field].join(' ')).toMatch(message)
			expect(await storedYears(partner.id)).toEqual([thisYear - 4])
		})
})

describe('a partner sees and edits only its own reports', () => {
	test("another partner's member gets 403, a visitor is sent to sign in", async () => {
		const ours = await approvedPartner(db)
		const theirs = await approvedPartner(db)
		await reportRow(db, ours.id, thisYear - 2, 100, 50, { baseline: true })
		const stranger = await cookieFor(theirs.person.id)
		const params = { slug: ours.slug }
		expect((await callLoader(reportsPage, `/partners/${ours.slug}/reports`, { cookie: stranger, params })).status).toBe(
			403,
		)
		expect((await post(ours.slug, stranger, report({ year: String(thisYear - 1) }))).status).toBe(403)
		expect((await post(ours.slug, stranger, report({ scope1: '1' }), `?edit=${thisYear - 2}`)).status).toBe(403)
		expect(await storedYears(ours.id)).toEqual([thisYear - 2])
		const visitor = await callLoader(reportsPage, `/partners/${ours.slug}/reports`, { params })
		expect(visitor.location).toMatch(/^\/login\?redirectTo=/)
		// A reporter acts for the partner as well as its contact.
		const reporter = await approvedPartner(db, { role: 'reporter' })
		const own = await callLoader(reportsPage, `/partners/${reporter.slug}/reports`, {
			cookie: await cookieFor(reporter.person.id),
			params: { slug: reporter.slug },
		})
		expect(own.status).toBe(200)
	})

	test('the roll-up and its CSV are for coordinators only', async () => {
		const partner = await approvedPartner(db)
		const cookie = await cookieFor(partner.person.id)
		expect((await callLoader(admin, '/admin/climate-reports', { cookie })).status).toBe(403)
		expect((await callLoader(adminCsv, '/admin/climate-reports.csv', { cookie })).status).toBe(403)
	})
})

describe("the coordinators' roll-up", () => {
	test('totals per year, who reported last year, who is behind, and the CSV, on known figures', async () => {
		await db.deleteFrom('climate_report').execute()
		const ahead = await approvedPartner(db, { name: 'Aaa Bageri' })
		const behind = await approvedPartner(db, { name: 'Bbb Bygg' })
		const silent = await approvedPartner(db, { name: 'Ccc Skola' })
		const last = thisYear - 1
		await reportRow(db, ahead.id, 2019, 600, 400, { baseline: true, scope3: 2000 })
		await reportRow(db, ahead.id, last, 200, 100)
		await reportRow(db, behind.id, 2019, 100, 100, { baseline: true })
		await reportRow(db, behind.id, last, 150, 50)
		await reportRow(db, silent.id, 2019, 10, 0, { baseline: true })
		const coordinator = await makeUser(db, { role: 'coordinator' })
		const cookie = await cookieFor(coordinator.id)

		const page = await callLoader(admin, '/admin/climate-reports', { cookie })
		expect(page.data.year).toBe(last)
		expect(page.data.totals.find((t: { year: number }) => t.year === 2019)).toEqual({
			year: 2019,
			tonnes: 1210,
			scope3Tonnes: 2000,
			partners: 3,
		})
		expect(page.data.totals.find((t: { year: number }) => t.year === last)).toMatchObject({ tonnes: 500, partners: 2 })
		const names = (list: Array<{ name: string }>) => list.map((p) => p.name).filter((n) => /^(Aaa|Bbb|Ccc)/.test(n))
		expect(names(page.data.reported)).toEqual(['Aaa Bageri', 'Bbb Bygg'])
		expect(names(page.data.missing)).toEqual(['Ccc Skola'])
		// Bbb: 200 t against a line from 200 t in 2019 that is well below that by last year.
		expect(names(page.data.behind)).toEqual(['Bbb Bygg'])

		const csv = await callLoader(adminCsv, '/admin/climate-reports.csv', { cookie })
		expect(csv.response!.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		const lines = (await csv.response!.text()).trim().split('\r\n')
		expect(lines[0]).toBe(
			'"Partner","Typ","Bransch","År","Basår","Scope 1 (ton CO₂e)","Scope 2 (ton CO₂e)","Scope 3 (ton CO₂e)","Scope 1 + 2 (ton CO₂e)","Målkurvan (ton CO₂e)","Läge","Senast ändrad"',
		)
		expect(lines).toHaveLength(6)
		expect(lines[1]).toMatch(
			/^"Aaa Bageri","Företag","Livsmedel","2019","2019","600","400","2000","1000","1000","På målkurvan",/,
		)
		const target = Math.round((1000 - (700 * (last - 2019)) / 11) * 1000) / 1000
		expect(lines[2]).toContain(
			`"Aaa Bageri","Företag","Livsmedel","${last}","2019","200","100","","300","${target}","Före målkurvan"`,
		)
	})
})
