import fs from 'node:fs'
import { expect, test } from './fixtures.ts'
import { expectNoAxeViolations, signAsNewResident, uniqueEmail } from './helpers.ts'

/**
 * Privacy in the browser: a resident sees what they agreed to on My pledge, downloads everything
 * stored about them, and deletes their account with the typed word. Axe runs on every page.
 */

test.use({ locale: 'sv-SE' })

test('a resident sees their consents, downloads their data and deletes their account', async ({ page }) => {
	test.setTimeout(120_000)
	const email = uniqueEmail('integritet')
	await signAsNewResident(page, { name: 'Ingrid Integritet', email, newsletter: true })

	// The consent history and the links, under "Dina uppgifter".
	const section = page.locator('#your-data')
	await expect(section.getByRole('heading', { level: 2, name: 'Dina uppgifter' })).toBeVisible()
	const history = section.getByRole('table', { name: 'Mina samtycken' })
	await expect(history).toContainText('Tackade ja till nyhetsbrevet')
	await expect(history).toContainText('Bekräftade klimatavtalet')
	await expect(history).toContainText('Godkände villkoren för klimatavtalet')
	await expectNoAxeViolations(page)
	await section.scrollIntoViewIfNeeded()
	await page.screenshot({ path: '/tmp/look-h3/my-pledge-your-data.png', fullPage: true })

	// The download is a JSON file with what they typed in.
	const downloading = page.waitForEvent('download')
	await section.getByRole('link', { name: 'Ladda ner mina uppgifter (JSON)' }).click()
	const download = await downloading
	expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/)
	const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'))
	expect(exported.account).toMatchObject({ email, name: 'Ingrid Integritet' })
	expect(exported.pledge.status).toBe('confirmed')

	// Deleting: a wrong word is refused beside the field, the right one deletes and signs out.
	await section.getByRole('link', { name: 'Radera mitt konto' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Radera mitt konto' })).toBeVisible()
	await expectNoAxeViolations(page)
	const confirm = page.getByLabel('Skriv RADERA för att bekräfta')
	await confirm.fill('radera')
	await page.getByRole('button', { name: 'Radera mitt konto för alltid' }).click()
	await expect(confirm).toHaveAttribute('aria-invalid', 'true')
	await expect(page.getByText('Skriv RADERA med stora bokstäver för att bekräfta.')).toBeVisible()
	await expectNoAxeViolations(page)
	await page.screenshot({ path: '/tmp/look-h3/account-delete-error.png', fullPage: true })
	await confirm.fill('RADERA')
	await page.getByRole('button', { name: 'Radera mitt konto för alltid' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Ditt konto är raderat' })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.screenshot({ path: '/tmp/look-h3/account-deleted.png', fullPage: true })

	// Signed out: My pledge asks to sign in again.
	await page.goto('/my-pledge')
	await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible()
})

test('the privacy page says how to download and delete', async ({ page }) => {
	await page.goto('/privacy')
	await expect(page.getByRole('heading', { level: 2, name: 'Hur länge' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'radera ditt konto' })).toHaveAttribute('href', '/account/delete')
	await expectNoAxeViolations(page)
})
