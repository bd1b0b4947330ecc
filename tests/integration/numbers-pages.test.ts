import { beforeAll, describe, expect, test } from 'vitest'
import { checkIn } from '#app/events/check-in.server.ts'
import * as apiRoute from '#app/routes/api-numbers.ts'
import * as embedRoute from '#app/routes/embed-counter.ts'
import * as numbersRoute from '#app/routes/numbers.tsx'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { signedPerson } from '#tests/support/ladder.ts'
import { addTestCommitments } from '#tests/support/pledge.ts'
import { callAction, callLoader, renderRoute } from '#tests/support/routes.ts'
import { getDb } from '#db/index.ts'

/** /numbers, /api/numbers and /embed/counter as a visitor, another site and a municipality's iframe see them. */
const db = getDb()

beforeAll(async () => {
	const [bike] = (await addTestCommitments(db, ['transport'])) as [number]
	const day = 86_400_000
	const first = new Date('2026-08-15T10:00:00Z')
	const people = []
	for (let i = 0; i < 5; i++)
		people.push(
			await signedPerson(db, new Date(first.getTime() + i * 20 * day), {
				commitmentIds: [bike],
				livesInMunicipality: i !== 4,
			}),
		)
	const organiser = await makeUser(db, { role: 'organiser' })
	const event = await makeEvent(db, organiser.id, new Date('2026-10-01T16:00:00Z'))
	await checkIn(db, event.id, people[0]!.userId, organiser.id, new Date('2026-10-01T16:05:00Z'))
})

describe('GET /api/numbers', () => {
	test('answers the figures as JSON that any site may read and cache for a minute', async () => {
		const answer = await callLoader(apiRoute, '/api/numbers')
		const headers = answer.headers
		expect(answer.status).toBe(200)
		expect(headers.get('Content-Type')).toBe('application/json; charset=utf-8')
		expect(headers.get('Access-Control-Allow-Origin')).toBe('*')
		expect(headers.get('Access-Control-Allow-Methods')).toBe('GET, OPTIONS')
		expect(headers.get('Cache-Control')).toBe('public, max-age=60')
		expect(headers.get('ETag')).toMatch(/^W\/"[\w-]+"$/)
		expect(new Date(headers.get('Last-Modified')!).getTime()).not.toBeNaN()

		const body = await answer.response!.json()
		expect(Object.keys(body).sort()).toEqual(
			['co2e', 'commitments', 'events', 'generatedAt', 'ladder', 'pact', 'proposals', 'signatures'].sort(),
		)
		expect(body.signatures).toMatchObject({ residents: 4, others: 1, total: 5 })
		// From the first signature's month to this one (the page uses the real clock).
		expect(body.signatures.byMonth.slice(0, 4).map((m: { month: string }) => m.month)).toEqual([
			'2026-08',
			'2026-09',
			'2026-10',
			'2026-11',
		])
		expect(body.signatures.byMonth.at(-1)).toMatchObject({ totalResidents: 4, totalOthers: 1 })
		expect(body.events.byYear).toEqual([{ year: 2026, held: 1, planned: 0, checkedIn: 1 }])
		expect(body.ladder.steps).toEqual([
			{ step: 1, people: 4 },
			{ step: 2, people: 1 },
			{ step: 3, people: 0 },
			{ step: 4, people: 0 },
		])
		expect(body.commitments.byCategory[0]).toMatchObject({ category: 'transport', chosen: 5 })
		expect(body.co2e).toMatchObject({ tonnesPerYear: 0, goalTonnesPerYear: 1000, shareOfGoal: 0 })
		expect(body.proposals).toMatchObject({ total: 0, submitted: 0, answered: 0 })
	})

	test('answers 304 with no body to a client that already has these figures', async () => {
		const first = await callLoader(apiRoute, '/api/numbers')
		const etag = first.headers.get('ETag')!
		const again = await callLoader(apiRoute, '/api/numbers', { headers: { 'If-None-Match': etag } })
		expect(again.status).toBe(304)
		expect(again.headers.get('ETag')).toBe(etag)
		expect(again.headers.get('Access-Control-Allow-Origin')).toBe('*')
		expect(await again.response!.text()).toBe('')
		const other = await callLoader(apiRoute, '/api/numbers', { headers: { 'If-None-Match': 'W/"something-else"' } })
		expect(other.status).toBe(200)
	})

	test('answers a CORS preflight for reading, and refuses writing', async () => {
		const preflight = await callLoader(apiRoute, '/api/numbers', {
			method: 'OPTIONS',
			headers: { Origin: 'https://helsingborg.se', 'Access-Control-Request-Method': 'GET' },
		})
		expect(preflight.status).toBe(204)
		expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*')
		expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe('GET, OPTIONS')

		const post = await callAction(apiRoute, '/api/numbers', { form: { residents: '1000000' } })
		expect(post.status).toBe(405)
		expect(post.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
	})
})

describe('/embed/counter', () => {
	test('is a page of its own for an iframe: the count and a link to sign, no site header, no script', async () => {
		const answer = await callLoader(embedRoute, '/embed/counter?lang=en', { language: 'sv' })
		const html = await answer.response!.text()
		expect(answer.status).toBe(200)
		expect(answer.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
		expect(html).toMatch(/^<!doctype html><html lang="en">/)
		expect(html).toContain('<span class="number">4</span> residents of')
		expect(html).toContain('and 1 from another municipality')
		expect(html).toMatch(/<a href="http[^"]+\/sign" target="_blank" rel="noopener">Sign the climate pact<\/a>/)
		expect(html).not.toContain('site-header')
		expect(html).not.toContain('<script')
		// Any site may frame it; nothing else may load into it.
		expect(answer.headers.get('X-Frame-Options')).toBeNull()
		expect(answer.headers.get('Content-Security-Policy')).toContain('frame-ancestors *')
		expect(answer.headers.get('Content-Security-Policy')).toContain("default-src 'none'")
	})

	test("follows the visitor's language without ?lang", async () => {
		const answer = await callLoader(embedRoute, '/embed/counter', { language: 'sv' })
		const html = await answer.response!.text()
		expect(html).toContain('<html lang="sv">')
		expect(html).toContain('Skriv under klimatavtalet')
	})
})

describe('/numbers', () => {
	test('every chart is a picture with a name and a description, and has a table of its figures', async () => {
		const answer = await callLoader(numbersRoute, '/numbers')
		for (const language of ['sv', 'en'] as const) {
			const html = await renderRoute({
				Component: numbersRoute.default,
				url: '/numbers',
				loaderData: answer.data,
				language,
			})
			const charts = [...html.matchAll(/<svg[^>]*role="img"[^>]*>/g)].map((m) => m[0])
			// Signatures, the goal, CO₂e by category, commitments, events, attendance, the ladder, proposals.
			expect(charts).toHaveLength(8)
			for (const svg of charts) {
				const title = /aria-labelledby="([^"]+)"/.exec(svg)![1]
				const desc = /aria-describedby="([^"]+)"/.exec(svg)![1]
				expect(html).toMatch(new RegExp(`<title id="${title}">[^<]+</title>`))
				expect(html).toMatch(new RegExp(`<desc id="${desc}">[^<]+</desc>`))
			}
			expect(
				html.match(
					/<details class="chart-details"><summary>[^<]+<\/summary><div class="table-wrap" tabindex="0" role="region" aria-label="[^"]+"><table/g,
				),
			).toHaveLength(8)
		}
		// A shared link shows the page's title and points at it.
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- meta's arguments are generated per route
		const meta = numbersRoute.meta({ data: answer.data } as any)
		expect(meta).toContainEqual({ property: 'og:url', content: expect.stringMatching(/\/numbers$/) })
		expect(meta).toContainEqual({ property: 'og:title', content: answer.data.title })
		const sv = await renderRoute({ Component: numbersRoute.default, url: '/numbers', loaderData: answer.data })
		expect(sv).toMatch(
			/<desc id="signatures-chart-desc">Från augusti 2026 till \p{L}+ \d{4} har antalet underskrifter vuxit från 1 till 5: 4 invånare och 1 från andra kommuner.<\/desc>/u,
		)
		expect(sv).toContain(
			'<th scope="row">oktober 2026</th><td class="number">1</td><td class="number">0</td><td class="number">4</td>',
		)
	})
})
