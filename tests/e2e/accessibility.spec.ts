import { createHash, randomBytes } from 'node:crypto'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { request, type Page } from '@playwright/test'
import { createCookie } from 'react-router'
import { openDatabase, type DB } from '#db/index.ts'
import {
	addressOf,
	addressParams,
	rolePeople,
	routeEntries,
	scriptingStrings,
	type AddressParams,
	type People,
	type SignedInRole,
} from '#tests/support/trust.ts'
import { expect, test } from './fixtures.ts'
import { expectNoAxeViolations } from './helpers.ts'

/**
 * Issue 12: an accessibility crawl of every page route (the .tsx ones; feeds, files and JSON are
 * not pages) with axe, signed out in all four languages and signed in as a resident, an
 * organiser, a coordinator and a partner contact in Swedish, at desktop and phone width; and a
 * page showing stored naughty strings runs none of their scripts. Signed-in roles get a session
 * written straight into the run's database (tests/e2e/server.mjs), as signing in would.
 */

const phone = { width: 390, height: 844 }
const desktop = { width: 1280, height: 800 }
const languages = { sv: 'sv-SE', en: 'en-GB', da: 'da-DK', nb: 'nb-NO' } as const

let db: DB
let people: People
let params: AddressParams

test.beforeAll(async () => {
	db = openDatabase(path.resolve('tests/.tmp/e2e/app.db'))
	people = await rolePeople(db)
	const now = new Date().toISOString()
	const newsletter = await db
		.insertInto('newsletter')
		.values({ title: 'Nyhetsbrev i december', status: 'draft', segment: '{}', created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow()
	params = await addressParams(db, people, newsletter.id)
	// Which pages each visitor has, asked once without rendering. Each role then crawls only the pages
	// no visitor before it in `crawlOrder` has: public pages signed out (signed in, they differ only in
	// the header, which the home page shows), a resident's pages as a resident, and so on.
	const addresses = [
		...new Set(routeEntries.filter((entry) => entry.file.endsWith('.tsx')).map((e) => addressOf(params, e.path))),
	]
	const seen = new Set<string>()
	for (const role of ['anonymous', ...crawlOrder] as const) {
		if (role !== 'anonymous') sessions[role] = await newSession(role)
		const own = await ownPages(addresses, role === 'anonymous' ? undefined : sessions[role])
		pagesOf[role] = own.filter((address) => !seen.has(address) || (role !== 'anonymous' && address === '/'))
		for (const address of own) seen.add(address)
	}
})

test.afterAll(async () => {
	await db.destroy()
})

const crawlOrder = ['resident', 'organiser', 'partner', 'coordinator'] as const
const sessions: Partial<Record<SignedInRole, string>> = {}
const pagesOf: Partial<Record<'anonymous' | SignedInRole, string[]>> = {}
const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3210}`

/** A session for the role, written as the app's sign-in writes it (app/auth/session.server.ts); returns the cookie's value. */
async function newSession(role: SignedInRole): Promise<string> {
	const token = randomBytes(20).toString('hex')
	const now = Date.now()
	await db
		.insertInto('session')
		.values({
			id: createHash('sha256').update(token).digest('hex'),
			user_id: people.ids[role],
			created_at: new Date(now).toISOString(),
			expires_at: new Date(now + 86_400_000).toISOString(),
		})
		.execute()
	const cookie = await createCookie('klimatpakt_session', { path: '/' }).serialize(token)
	return cookie.split(';')[0]!.split('=').slice(1).join('=')
}

/**
 * The addresses that answer with a page of their own: a redirect (to sign in), a 403 or a 404 is
 * not this visitor's page.
 */
async function ownPages(addresses: string[], session: string | undefined): Promise<string[]> {
	const api = await request.newContext({
		baseURL,
		extraHTTPHeaders: session ? { Cookie: `klimatpakt_session=${session}` } : {},
	})
	const own: string[] = []
	for (const address of addresses) {
		const response = await api.get(address, { maxRedirects: 0 })
		if (response.status() === 200 && (response.headers()['content-type'] ?? '').includes('text/html')) own.push(address)
	}
	await api.dispose()
	return own
}

/**
 * Axe's landmark rules, which are best practice rather than WCAG tags and so outside the helper:
 * a screen reader's list of regions must tell each apart and hold one main, one banner, one footer.
 */
async function expectUniqueLandmarks(page: Page) {
	const results = await new AxeBuilder({ page })
		.withRules([
			'landmark-unique',
			'landmark-one-main',
			'landmark-no-duplicate-banner',
			'landmark-no-duplicate-contentinfo',
			'landmark-no-duplicate-main',
		])
		.analyze()
	const found = results.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
	expect(found, `landmark violations on ${page.url()}`).toEqual([])
}

/** Runs axe on each address; returns every violation, so one run names them all. */
async function crawl(page: Page, addresses: string[]) {
	const violations: string[] = []
	for (const address of addresses) {
		await page.goto(address)
		try {
			await expectNoAxeViolations(page)
			await expectUniqueLandmarks(page)
		} catch (error) {
			violations.push(`${address}: ${(error as Error).message.split('\n').slice(0, 12).join('\n')}`)
		}
	}
	return violations
}

for (const [language, locale] of Object.entries(languages)) {
	test.describe(`signed out, ${language}`, () => {
		test.use({ locale })
		for (const [width, viewport] of Object.entries({ desktop, phone })) {
			// Phone width in Swedish only: the layout does not change with the language.
			if (width === 'phone' && language !== 'sv') continue
			test(`every public page at ${width} width has no axe violations`, async ({ page }) => {
				test.setTimeout(180_000)
				await page.setViewportSize(viewport)
				const pages = pagesOf.anonymous!
				console.info(`signed out, ${language}, ${width}: ${pages.length} pages checked`)
				expect(pages.length).toBeGreaterThan(10)
				expect(await crawl(page, pages)).toEqual([])
			})
		}
	})
}

for (const role of crawlOrder) {
	for (const [width, viewport] of Object.entries({ desktop, phone })) {
		test(`signed in as ${role} at ${width} width: every page the role may see has no axe violations`, async ({
			page,
			context,
		}) => {
			test.setTimeout(180_000)
			await page.setViewportSize(viewport)
			const value = sessions[role]!
			await context.addCookies([{ name: 'klimatpakt_session', value, domain: 'localhost', path: '/' }])
			const pages = pagesOf[role]!
			console.info(`signed in as ${role}, ${width}: ${pages.length} pages checked`)
			expect(pages.length).toBeGreaterThan(1)
			expect(await crawl(page, pages)).toEqual([])
		})
	}
}

test('a page showing stored naughty strings runs none of their scripts', async ({ page }) => {
	// Any dialog, or a payload calling alert/confirm/prompt, counts.
	await page.addInitScript(() => {
		const w = window as unknown as Record<string, unknown>
		w.__naughty = 0
		for (const name of ['alert', 'confirm', 'prompt']) w[name] = () => void (w.__naughty = Number(w.__naughty) + 1)
	})
	const dialogs: string[] = []
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message())
		void dialog.dismiss()
	})
	const now = new Date().toISOString()
	const ids: number[] = []
	for (const value of scriptingStrings) {
		const row = await db
			.insertInto('proposal')
			.values({
				author_id: people.ids.resident,
				title: value,
				summary: value,
				body: scriptingStrings.join('\n\n'),
				status: 'open',
				published_at: now,
				created_at: now,
				updated_at: now,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		ids.push(row.id)
	}
	for (const address of ['/proposals', ...ids.slice(0, 5).map((id) => `/proposals/${id}`)]) {
		await page.goto(address)
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		expect(await page.evaluate(() => (window as unknown as { __naughty: number }).__naughty), address).toBe(0)
	}
	console.info(`naughty strings in the browser: ${scriptingStrings.length} scripting strings stored, 6 pages shown`)
	expect(dialogs).toEqual([])
})
