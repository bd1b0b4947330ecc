import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'

/** Errors a context's pages log or throw, apart from what a test means to cause (see below). */
function collectErrors(context: BrowserContext, errors: string[]) {
	context.on('console', (message) => {
		if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
			errors.push(`${message.page()?.url()}: ${message.text()}`)
	})
	context.on('weberror', (error) => errors.push(`${error.page()?.url()}: ${error.error().message}`))
}

/**
 * Every browser test fails when a page logs an error or throws in the browser: a hydration
 * mismatch (a namespace a route forgot to name, docs/decisions/0013) shows only there. A form
 * answered with 400 makes Chromium log "Failed to load resource", which is the test's intent.
 * `newPerson` opens a page in a browser of its own (another resident, a second device): its
 * errors count too, and its context is closed when the test ends.
 */
/** A made-up client address (TEST-NET-2 and -3 are never routed), one per browser context. */
function visitorAddress(): Record<string, string> {
	const octet = () => Math.floor(Math.random() * 254) + 1
	return { 'X-Forwarded-For': `${Math.random() < 0.5 ? '198.51.100' : '203.0.113'}.${octet()}` }
}

export const test = base.extend<{ browserErrors: string[]; newPerson: () => Promise<Page> }>({
	// The server trusts the forwarded address from loopback (tests/e2e/server.mjs), so each test's
	// visitors count against the sign-in limits per network on their own.
	// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
	extraHTTPHeaders: async ({}, provide) => provide(visitorAddress()),
	browserErrors: [
		async ({ context }, use) => {
			const errors: string[] = []
			collectErrors(context, errors)
			await use(errors)
			expect(errors, 'errors in the browser console').toEqual([])
		},
		{ auto: true },
	],
	// The fixture's second argument is Playwright's `use`, named otherwise so the React hooks rule leaves it alone.
	newPerson: async ({ browser, browserErrors }, provide) => {
		const contexts: BrowserContext[] = []
		await provide(async () => {
			const context = await browser.newContext({
				locale: 'sv-SE',
				timezoneId: 'Europe/Stockholm',
				extraHTTPHeaders: visitorAddress(),
			})
			contexts.push(context)
			collectErrors(context, browserErrors)
			return context.newPage()
		})
		await Promise.all(contexts.map((context) => context.close()))
	},
})

export { expect }
