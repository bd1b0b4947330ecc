import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './fixtures.ts'
import { expectNoAxeViolations } from './helpers.ts'

/**
 * The pact in numbers as a visitor on a phone sees it, and as another site uses it: the page's
 * key figures are the API's, each chart opens into a table, and a municipality's page (served
 * here from another origin) shows the counter in an iframe and reads the JSON across origins.
 * Axe runs on every page visited.
 */

test.use({ locale: 'sv-SE' })

test('a visitor on a phone reads the pact in numbers, and each chart as a table', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 })
	const figures = await (await page.request.get('/api/numbers')).json()

	await page.goto('/numbers')
	await expect(page.getByRole('heading', { level: 1, name: 'Klimatavtalet i siffror' })).toBeVisible()
	const key = page.getByRole('list', { name: 'Klimatavtalet i korthet' })
	await expect(key.getByRole('listitem').first()).toHaveText(
		`${figures.signatures.residents} invånare i Helsingborg har skrivit under`,
	)
	// Nothing is wider than the phone.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

	const growth = page.getByRole('img', { name: 'Antal underskrifter månad för månad' })
	await expect(growth).toBeVisible()
	const section = page.getByRole('region', { name: 'Underskrifter över tid' })
	await section.getByText('Visa siffrorna som tabell').click()
	const table = section.getByRole('table', { name: 'Antal underskrifter månad för månad' })
	await expect(table).toBeVisible()
	await expect(table.getByRole('row')).toHaveCount(figures.signatures.byMonth.length + 1)
	await expect(table.getByRole('row').last().getByRole('cell').last()).toHaveText(String(figures.signatures.total))
	await expectNoAxeViolations(page)
})

test.describe('in English on a desktop', () => {
	test.use({ locale: 'en-GB' })

	test('a visitor reads the charts and their tables in English', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 })
		await page.goto('/numbers')
		await expect(page.getByRole('heading', { level: 1, name: 'The climate pact in numbers' })).toBeVisible()
		const ladder = page.getByRole('region', { name: 'The engagement ladder' })
		await expect(ladder.getByRole('img', { name: 'Number of people on each step' })).toBeVisible()
		await ladder.getByText('Show the figures as a table').click()
		await expect(ladder.getByRole('row')).toHaveCount(5)
		await expectNoAxeViolations(page)
	})
})

test.describe("on a municipality's site", () => {
	// The municipality's page fetches our JSON across origins as any visitor's browser would, with
	// no made-up X-Forwarded-For (fixtures.ts), which a cross-origin request may not add.
	test.use({ extraHTTPHeaders: {} })
	test("a municipality's own page shows the counter in an iframe and reads the figures as JSON", async ({ page }) => {
		const base = test.info().project.use.baseURL!
		// The municipality's site: another origin on this machine, served by the test.
		const site = http.createServer((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
			response.end(`<!doctype html><html lang="sv"><head><title>Kommunen</title></head><body><main>
			<h1>Kommunens klimatarbete</h1>
			<iframe src="${base}/embed/counter?lang=sv" title="Klimatavtalets räknare" width="420" height="240"></iframe>
			<p id="from-api">…</p>
			<script>
				fetch('${base}/api/numbers').then((r) => r.json()).then((n) => {
					document.getElementById('from-api').textContent = n.signatures.total + ' har skrivit under'
				})
			</script>
		</main></body></html>`)
		})
		await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
		try {
			const figures = await (await page.request.get('/api/numbers')).json()
			await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/klimat`)
			await expect(page.locator('#from-api')).toHaveText(`${figures.signatures.total} har skrivit under`)
			const counter = page.frameLocator('iframe[title="Klimatavtalets räknare"]')
			await expect(counter.getByText(`${figures.signatures.residents}`, { exact: true })).toBeVisible()
			await expect(counter.getByRole('link', { name: 'Skriv under klimatavtalet' })).toHaveAttribute(
				'href',
				`${base}/sign`,
			)
		} finally {
			site.close()
		}

		await page.goto('/embed/counter')
		await expect(page.getByRole('link', { name: 'Skriv under klimatavtalet' })).toBeVisible()
		await expect(page.getByRole('banner')).toHaveCount(0)
		await expectNoAxeViolations(page)
	})
})
