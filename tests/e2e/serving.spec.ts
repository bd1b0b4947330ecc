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
