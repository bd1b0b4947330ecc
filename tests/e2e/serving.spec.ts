import { expect, test } from './fixtures.ts'

// How the server answers a browser (server/http.mjs, docs/decisions/0012 and 0013): compressed
// pages and files, files cached for good, icons, quiet 404s, and only the page's own texts in
// the visitor's language sent to the browser.

test('pages and files are compressed as the browser accepts, and built files are cached for good', async ({
	request,
}) => {
	for (const encoding of ['br', 'gzip']) {
		const page = await request.get('/', { headers: { 'Accept-Encoding': encoding } })
		expect(page.status()).toBe(200)
		expect(page.headers()['content-encoding']).toBe(encoding)
		expect(await page.text()).toContain('<html')
	}
	const plain = await request.get('/', { headers: { 'Accept-Encoding': 'identity' } })
	expect(plain.headers()['content-encoding']).toBeUndefined()

	const script = /\/assets\/entry\.client-[^"]+\.js/.exec(await plain.text())?.[0]
	expect(script, 'the page links its entry script').toBeTruthy()
	const file = await request.get(script!, { headers: { 'Accept-Encoding': 'br, gzip' } })
	expect(file.status()).toBe(200)
	expect(file.headers()['content-encoding']).toBe('br')
	expect(file.headers()['cache-control']).toContain('immutable')
})

test('the icons are there, and a missing file is a plain 404', async ({ request }) => {
	for (const path of [
		'/favicon.ico',
		'/favicon.svg',
		'/apple-touch-icon.png',
		'/manifest.webmanifest',
		'/robots.txt',
	]) {
		expect((await request.get(path)).status(), path).toBe(200)
	}
	expect((await request.get('/no-such-file.png')).status()).toBe(404)
})

test('the browser gets only the texts of its own language that the page uses', async ({ page }) => {
	const scripts: string[] = []
	page.on('response', async (response) => {
		if (response.url().endsWith('.js')) scripts.push(await response.text())
	})
	await page.goto('/events')
	await expect(page.getByRole('heading', { level: 1, name: 'Evenemang' })).toBeVisible()
	await page.waitForLoadState('networkidle')
	const sent = scripts.join('\n')
	// The Swedish events texts, not the English ones, and nothing of the coordinators' newsletters.
	expect(sent).toContain('Alla evenemang i din kalenderapp, uppdaterade av sig själva.')
	expect(sent).not.toContain('Every event in your calendar app, kept up to date by itself.')
	expect(sent).not.toContain('Avsluta nyhetsbrevet')
})

// Issue 12 (docs/decisions/0019): every answer carries the security headers, the page's scripts
// run under an enforced Content-Security-Policy with a nonce of their own, and only the counter
// may be framed by other sites. A blocked script or style would show as a console error, which
// fails the test (fixtures.ts). The counter in another site's iframe: numbers.spec.ts.
test('pages and files carry the security headers, and the pages run under their policy without a violation', async ({
	page,
	request,
}) => {
	const home = await request.get('/')
	const policy = home.headers()['content-security-policy']
	expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/)
	expect(policy).toContain("frame-ancestors 'none'")
	const script = /\/assets\/entry\.client-[^"]+\.js/.exec(await home.text())?.[0]
	for (const answer of [
		home,
		await request.get(script!),
		await request.get('/favicon.svg'),
		await request.get('/no-such-page'),
	]) {
		expect(answer.headers()['x-content-type-options']).toBe('nosniff')
		expect(answer.headers()['referrer-policy']).toBe('same-origin')
		expect(answer.headers()['x-request-id']).toBeTruthy()
		expect(answer.headers()['content-security-policy']).toBeTruthy()
	}

	const violations: string[] = []
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
	})
	await page.goto('/')
	await expect(page.locator('script[nonce]').first()).toBeAttached()
	// A client-side navigation and a form sent through React Router's scripts.
	await page.getByRole('link', { name: 'Evenemang' }).first().click()
	await expect(page.getByRole('heading', { level: 1, name: 'Evenemang' })).toBeVisible()
	// The language switcher's form, sent through React Router (fetch with its Origin), then back.
	await page.getByRole('button', { name: 'English' }).click()
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
	await page.getByRole('button', { name: 'Svenska' }).click()
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
	await page.goto('/numbers')
	await page.waitForLoadState('networkidle')
	expect(violations).toEqual([])
})
