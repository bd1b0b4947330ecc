import { expect, test } from './fixtures.ts'
import { newCoordinator, expectNoAxeViolations, signAsNewResident, signInWithCode, uniqueEmail } from './helpers.ts'

/**
 * The partner track in the browser: a person registers an organisation and signs its partnership
 * agreement; a coordinator approves it; it appears in the public directory. Axe on every page.
 */

test.use({ locale: 'sv-SE' })

test('a contact signs an agreement, a coordinator approves it, and it appears in the directory', async ({ page }) => {
	test.setTimeout(180_000)
	const name = `Testbageriet ${Date.now()}`

	await signAsNewResident(page, { name: 'Lina Bagare', email: uniqueEmail('partner') })
	await page.goto('/partners')
	await expect(page.getByRole('heading', { level: 1, name: 'Klimatpartner' })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByRole('link', { name: 'Bli klimatpartner' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Bli klimatpartner' })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByLabel('Organisationens namn').fill(name)
	await page.getByLabel('Typ av organisation').selectOption('business')
	await page.getByLabel('Bransch eller verksamhet').fill('Livsmedel')
	await page.getByLabel('Antal anställda eller medlemmar').selectOption('10-49')
	await page.getByLabel('Webbplats').fill('https://testbageriet.example')
	await page.getByLabel('Kort beskrivning').fill('Ett surdegsbageri i centrum.')
	await page.getByRole('button', { name: 'Registrera och gå vidare till avtalet' }).click()

	await expect(page.getByRole('heading', { level: 1, name: `Partnerskapsavtal för ${name}` })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByRole('textbox', { name: 'Kommunikation' }).fill('Vi delar en berättelse om året.')
	await page.getByRole('textbox', { name: 'Utbildning' }).fill('Vi tar emot ett elevprojekt om året.')
	await page.getByLabel('Basår för utsläppen').fill('2022')
	const challenges = page.getByRole('group', { name: 'Klimatutmaningar' }).getByRole('checkbox')
	// Two are not enough: the message comes and nothing is sent.
	await challenges.nth(0).check()
	await challenges.nth(1).check()
	await page.getByLabel('Jag har rätt att skriva under för organisationen').check()
	await page.getByRole('button', { name: 'Skriv under och skicka in' }).click()
	await expect(page.getByText('Välj minst 3 klimatutmaningar.')).toBeVisible()
	await challenges.nth(2).check()
	await page.getByRole('button', { name: 'Skriv under och skicka in' }).click()
	await expect(page.getByText('Tack! Avtalet är inskickat.')).toBeVisible()
	await expect(page.getByText('Inskickat, väntar på granskning')).toBeVisible()
	await expectNoAxeViolations(page)

	// The coordinator approves it.
	await page.context().clearCookies()
	await page.goto('/admin/partners')
	const coordinatorEmail = await newCoordinator()
	await signInWithCode(page, coordinatorEmail)
	await expect(page.getByRole('heading', { level: 1, name: 'Partneravtal' })).toBeVisible()
	await expectNoAxeViolations(page)
	const card = page.locator('.review-list > li').filter({ hasText: name })
	await card.getByRole('button', { name: 'Godkänn' }).click()
	await expect(page.getByText('Avtalet är godkänt och kontaktpersonen har fått ett mejl.')).toBeVisible()
	await expectNoAxeViolations(page)

	// It is in the directory, with its agreement.
	await page.goto('/partners?type=business')
	await expectNoAxeViolations(page)
	await page.getByRole('link', { name }).click()
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
	await expect(page.getByText('Vi tar emot ett elevprojekt om året.')).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByRole('link', { name: 'Avtalet att skriva ut' }).click()
	await expect(
		page.getByRole('heading', { level: 1, name: new RegExp(`Partnerskapsavtal mellan ${name}`) }),
	).toBeVisible()
	await expectNoAxeViolations(page)
})
