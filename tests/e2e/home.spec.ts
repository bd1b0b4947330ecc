import { expect, test } from './fixtures.ts'
import { expectNoAxeViolations, linkIn, newestMail, uniqueEmail } from './helpers.ts'

/**
 * The site a resident comes back to, on a phone: after signing, the home page shows their next
 * step and the next events instead of the sign button, and the next event is one tap away. The
 * menu folds into one button. Axe runs on every page visited.
 */

test.use({ locale: 'sv-SE', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

test('a signed-in resident on a phone finds the next event from the home page', async ({ page }) => {
	test.setTimeout(120_000)
	const email = uniqueEmail('hem')

	// Signing on a phone: the commitments fold by category, the most chosen open first.
	await page.goto('/sign')
	await expectNoAxeViolations(page)
	await page.getByLabel('Namn', { exact: true }).fill('Hedda Hemma')
	await page.getByLabel('E-postadress').fill(email)
	await page.getByRole('radio', { name: 'Ja' }).check()
	const choices = page.getByRole('group', { name: 'Välj bland åtagandena' })
	await choices.getByRole('checkbox').first().check()
	await page.getByLabel('Visa mitt förnamn bland dem som skrivit under').check()
	await page.getByLabel('Jag samtycker till att mina uppgifter sparas enligt texten ovan.').check()
	await page.getByRole('button', { name: 'Skriv under', exact: true }).click()

	// After signing: the pact to share, by email at least (native share and copy need the browser's support).
	await expect(page.getByRole('heading', { level: 1, name: 'Titta i din e-post' })).toBeVisible()
	await expect(page.getByRole('heading', { level: 2, name: 'Dela klimatavtalet' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Mejla en vän' })).toHaveAttribute('href', /^mailto:\?subject=/)
	await expectNoAxeViolations(page)

	await page.goto(linkIn(await newestMail(email), '/verify?token='))
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Bekräfta min underskrift' }).click()
	await expect(page).toHaveURL(/\/my-pledge/)
	await expectNoAxeViolations(page)

	// Home: their next step and the next events, and no longer the sign button.
	await page.goto('/')
	await expect(page.getByRole('heading', { level: 1, name: 'Hej Hedda!' })).toBeVisible()
	await expect(page.getByRole('heading', { level: 2, name: 'Ditt nästa steg' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Skriv under klimatavtalet' })).toHaveCount(0)
	await expect(page.getByRole('listitem').filter({ hasText: 'Hedda' }).first()).toBeVisible()
	await expectNoAxeViolations(page)

	const nextEvents = page.getByRole('region', { name: 'Nästa evenemang' })
	const first = nextEvents.getByRole('link').first()
	const title = (await first.textContent())!.trim()
	await first.click()
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	await expectNoAxeViolations(page)
})

test('the menu on a phone is one button that opens and closes', async ({ page }) => {
	await page.goto('/')
	const menu = page.getByRole('navigation', { name: 'Huvudmeny' })
	await expect(menu).toBeHidden()
	// The pact's pages are in the footer, and link previews get the page's title.
	await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Frågor och svar' })).toBeVisible()
	await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute('content', /.+/)
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /.+/)

	await page.getByText('Meny', { exact: true }).click()
	await expect(menu).toBeVisible()
	await expect(menu.getByRole('link', { name: 'Skriv under' })).toBeVisible()
	await expectNoAxeViolations(page)

	await menu.getByRole('link', { name: 'Evenemang' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Evenemang' })).toBeVisible()
	await expect(menu).toBeHidden()
	await expectNoAxeViolations(page)

	await page.getByRole('contentinfo').getByRole('link', { name: 'Frågor och svar' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Frågor och svar' })).toBeVisible()
	await expect(
		page.getByRole('heading', { level: 2, name: 'Kan min granne i en annan kommun skriva under?' }),
	).toBeVisible()
	await expectNoAxeViolations(page)
})
