import { createHash, randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { request, type BrowserContext, type Page, type ViewportSize } from '@playwright/test'
import { createCookie } from 'react-router'
import { emailLinkToken, emailLists } from '#app/common/email-preferences.server.ts'
import type { DB } from '#db/index.ts'
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
import { newestMail, openRunDatabase, uniqueEmail } from './helpers.ts'

/**
 * Issue 12: an accessibility crawl of every page route (the .tsx ones; feeds, files and JSON are
 * not pages) with axe, signed out and signed in as a resident, an organiser, a coordinator and a
 * partner contact, in all four languages at desktop width and in Swedish at phone width; and a
 * page showing stored naughty strings runs none of their scripts. Signed-in roles get a session
 * written straight into the run's database (tests/e2e/server.mjs), as signing in would.
 */

const phone = { width: 390, height: 844 }
const desktop = { width: 1280, height: 800 }
const languages = { sv: 'sv-SE', en: 'en-GB', da: 'da-DK', nb: 'nb-NO' } as const

// A failing crawl names its pages and rules; a trace of hundreds of page loads would only slow it.
test.use({ trace: 'off' })

let db: DB
let people: People
let params: AddressParams

test.beforeAll(async () => {
	test.setTimeout(120_000)
	db = openRunDatabase()
	people = await rolePeople(db)
	const now = new Date().toISOString()
	const newsletter = await db
		.insertInto('newsletter')
		.values({ title: 'Nyhetsbrev i december', status: 'draft', segment: '{}', created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow()
	params = await addressParams(db, people, newsletter.id)
	// The resident's draft, whose editing page only its author has (the seeded proposals are published).
	const draft = await db
		.insertInto('proposal')
		.values({
			author_id: people.ids.resident,
			title: 'Laddplatser för elcyklar vid biblioteket',
			summary: 'Fler platser att ladda cykeln på.',
			body: 'Ett utkast.',
			status: 'draft',
			published_at: null,
			created_at: now,
			updated_at: now,
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	const addresses = [
		...new Set(routeEntries.filter((entry) => entry.file.endsWith('.tsx')).map((e) => addressOf(params, e.path))),
		...(await linkedPages()),
		`/proposals/${draft.id}/edit`,
	]
	// Which pages each visitor has, and what their main region holds, asked once without rendering.
	// Each role then crawls the pages that are new to it or whose content differs from what the
	// visitors before it in `crawlOrder` were shown (an organiser's tools on an event's page): public
	// pages signed out, a resident's pages as a resident, and so on. The home page is crawled by every
	// role for the header, the only part of the layout that changes with the role.
	const seen = new Map<string, Set<string>>()
	for (const role of ['anonymous', ...crawlOrder] as const) {
		if (role !== 'anonymous') sessions[role] = await newSession(role)
		const own = await ownPages(addresses, role === 'anonymous' ? undefined : sessions[role])
		pagesOf[role] = [...own]
			.filter(([address, content]) => !seen.get(address)?.has(content) || (role !== 'anonymous' && address === '/'))
			.map(([address]) => address)
		const again = pagesOf[role].filter((address) => seen.has(address)).length
		console.info(`${role}: ${pagesOf[role].length} pages to crawl, ${again} of them shown before with other content`)
		for (const [address, content] of own) seen.set(address, (seen.get(address) ?? new Set()).add(content))
	}
	unvisited = addresses.filter((address) => !seen.has(address))
})

test.afterAll(async () => {
	await db.destroy()
})

const crawlOrder = ['resident', 'organiser', 'partner', 'coordinator'] as const
const sessions: Partial<Record<SignedInRole, string>> = {}
const pagesOf: Partial<Record<'anonymous' | SignedInRole, string[]>> = {}
/** Addresses no visitor has as a page of their own: the listing says which routes the crawl leaves out. */
let unvisited: string[] = []
const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3210}`
/**
 * Pages that answer with an error, which people see too: an unknown address (the error page every
 * route falls back to) and links that are not, or no longer, valid.
 */
const errorPages = ['/no-such-page', '/unsubscribe/no-such-token', '/verify?token=no-such-token']

/**
 * Pages reached only through a link in an email, with a real one: the sign-in code's page (after
 * asking for a code, as the login form does), the check-your-email page, an unsubscribe link and
 * the local mailbox's message. With made-up tokens they answer only "this link is not valid".
 */
async function linkedPages(): Promise<string[]> {
	const email = uniqueEmail('tillganglighet')
	const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } })
	const asked = await api.post('/login', { form: { email }, maxRedirects: 0 })
	await api.dispose()
	expect(asked.status(), 'asking for a sign-in code').toBe(302)
	const mail = await newestMail(email)
	const list = emailLists[0]
	return [
		asked.headers().location!,
		`/sign/check-email?${new URLSearchParams({ email })}`,
		`/unsubscribe/${emailLinkToken({ userId: people.ids.resident, list, newsletterId: null })}`,
		`/dev/mail/${mail.id}`,
	]
}

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
 * The addresses that answer with a page of their own, each with its main region (without the
 * request's nonce): a redirect (to sign in), a 403 or a 404 is not this visitor's page.
 */
async function ownPages(addresses: string[], session: string | undefined): Promise<Map<string, string>> {
	const api = await request.newContext({
		baseURL,
		extraHTTPHeaders: session ? { Cookie: `klimatpakt_session=${session}` } : {},
	})
	const own = new Map<string, string>()
	for (const address of addresses) {
		const response = await api.get(address, { maxRedirects: 0 })
		if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('text/html')) continue
		const html = await response.text()
		own.set(address, (/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html).replace(/ nonce="[^"]*"/g, ''))
	}
	await api.dispose()
	return own
}

/**
 * Axe in one run per page: the WCAG 2.1 A/AA rules (as expectNoAxeViolations checks them) and the
 * landmark rules, which are best practice rather than WCAG tags: a screen reader's list of regions
 * must tell each apart and hold one main, one banner, one footer. Only violations are gathered,
 * which keeps a crawl of hundreds of pages within minutes.
 */
const axeOptions = {
	runOnly: { type: 'tag' as const, values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
	rules: Object.fromEntries(
		[
			'landmark-unique',
			'landmark-one-main',
			'landmark-no-duplicate-banner',
			'landmark-no-duplicate-contentinfo',
			'landmark-no-duplicate-main',
		].map((rule) => [rule, { enabled: true }]),
	),
	resultTypes: ['violations' as const],
}

/** Checks one page: in the language asked for (else the crawl would not have checked that language) and clean by axe. */
async function check(page: Page, address: string, language: string): Promise<string | null> {
	await page.goto(address)
	const lang = await page.locator('html').getAttribute('lang')
	if (lang !== language) return `${address}: in ${lang}, not ${language}`
	const results = await new AxeBuilder({ page }).options(axeOptions).analyze()
	const found = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
	)
	return found.length ? `${address}: ${found.join('; ')}` : null
}

/**
 * Checks every address, two tabs at a time (axe's work runs in each tab's own process); returns
 * every violation, so one run names them all.
 */
async function crawl(context: BrowserContext, viewport: ViewportSize, addresses: string[], language: string) {
	const queue = [...addresses]
	const violations: string[] = []
	await Promise.all(
		[1, 2].map(async () => {
			const page = await context.newPage()
			await page.setViewportSize(viewport)
			for (let address = queue.shift(); address !== undefined; address = queue.shift()) {
				const found = await check(page, address, language)
				if (found) violations.push(found)
			}
			await page.close()
		}),
	)
	return violations
}

for (const [language, locale] of Object.entries(languages)) {
	// Tagged @crawl: CI's second browser run, on PostgreSQL, leaves the crawl out (markup does not
	// depend on the database, and the crawl is most of the browser tests' time).
	test.describe(`in ${language}`, { tag: '@crawl' }, () => {
		test.use({ locale })
		for (const [width, viewport] of Object.entries({ desktop, phone })) {
			// Phone width in Swedish only: the layout does not change with the language, and a text
			// missing in one (a label, a heading) shows at desktop width as well.
			if (width === 'phone' && language !== 'sv') continue

			test(`signed out at ${width} width: every public page has no axe violations`, async ({ context }) => {
				test.setTimeout(180_000)
				const pages = [...pagesOf.anonymous!, ...errorPages]
				console.info(`signed out, ${language}, ${width}: ${pages.length} pages checked`)
				if (language === 'sv' && width === 'desktop') console.info(`no visitor's page: ${unvisited.join(', ')}`)
				expect(pages.length).toBeGreaterThan(10)
				expect(await crawl(context, viewport, pages, language)).toEqual([])
			})

			for (const role of crawlOrder) {
				test(`signed in as ${role} at ${width} width: every page the role may see has no axe violations`, async ({
					context,
				}) => {
					test.setTimeout(180_000)
					const value = sessions[role]!
					await context.addCookies([{ name: 'klimatpakt_session', value, domain: 'localhost', path: '/' }])
					const pages = pagesOf[role]!
					console.info(`signed in as ${role}, ${language}, ${width}: ${pages.length} pages checked`)
					expect(pages.length).toBeGreaterThan(1)
					expect(await crawl(context, viewport, pages, language)).toEqual([])
				})
			}
		}
	})
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
