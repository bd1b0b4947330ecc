import { expect, test } from './fixtures.ts'
import { newCoordinator, expectNoAxeViolations, signInWithCode } from './helpers.ts'

/**
 * Partner stories and the award of the month in the browser: a partner's contact submits a story,
 * a coordinator approves it and it is on the public list and its own page; a coordinator
 * nominates a resident and picks the month's winner, who is then in the archive. Axe runs on
 * every page visited.
 */

test.use({ locale: 'sv-SE' })

test('a partner shares a story, a coordinator publishes it and picks the month’s winner', async ({
	page,
	newPerson,
}) => {
	test.setTimeout(120_000)
	const title = `Matsvinnet halverat ${Date.now()}`

	// The demo bakery's contact: the form sends her to sign in and back.
	await page.goto('/stories/new')
	await signInWithCode(page, 'lina.bagare@klimatpakt.example')
	await expect(page.getByRole('heading', { level: 1, name: 'Dela en berättelse' })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByLabel('Rubrik').fill(title)
	await page.getByRole('button', { name: 'Skicka för granskning' }).click()
	// The text is missing: a message beside it, nothing sent.
	await expect(page.getByLabel('Berättelsen')).toHaveAttribute('aria-invalid', 'true')
	await expectNoAxeViolations(page)
	await page
		.getByLabel('Berättelsen')
		.fill('Vi har **halverat** matsvinnet i butiken.\n\n- Mindre beställningar\n- Överblivet till klimatfikan')
	await page.getByRole('button', { name: 'Skicka för granskning' }).click()
	await expect(page.getByText('Tack! Berättelsen är skickad och granskas av en samordnare.')).toBeVisible()
	await expect(page.locator('.mine-list li', { hasText: title })).toContainText('Väntar på granskning')
	await expectNoAxeViolations(page)

	// Not public yet.
	await page.goto('/stories')
	await expect(page.getByRole('heading', { level: 1, name: 'Klimatpartnernas berättelser' })).toBeVisible()
	await expect(page.getByRole('link', { name: title })).toHaveCount(0)
	await expectNoAxeViolations(page)

	// A coordinator publishes it.
	const coordinator = await newPerson()
	await coordinator.goto('/admin/stories')
	const coordinatorEmail = await newCoordinator()
	await signInWithCode(coordinator, coordinatorEmail)
	await expect(coordinator.getByRole('heading', { level: 1, name: 'Granska berättelser' })).toBeVisible()
	await expectNoAxeViolations(coordinator)
	const card = coordinator.locator('.review-list li', { has: coordinator.getByRole('heading', { name: title }) })
	await card.getByLabel('Kommentar till författaren').fill('Tack, vad roligt!')
	await card.getByRole('button', { name: 'Godkänn och publicera' }).click()
	await expect(coordinator.getByText('Berättelsen är publicerad och författaren har fått ett mejl.')).toBeVisible()
	await expectNoAxeViolations(coordinator)

	// Now it is on the list and has its own page.
	await page.goto('/stories')
	await page.getByRole('link', { name: title }).click()
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	await expect(page.getByText('Berättad av Bageriet Kärnan')).toBeVisible()
	await expect(page.locator('.story-body strong')).toHaveText('halverat')
	await expectNoAxeViolations(page)

	// The award of the month: the coordinator nominates a resident, then picks the winner.
	await coordinator.goto('/awards/nominate')
	await expect(coordinator.getByRole('heading', { level: 1, name: 'Nominera till månadens tårta' })).toBeVisible()
	await expectNoAxeViolations(coordinator)
	await coordinator.getByLabel('Personens namn').fill('Vera Växt')
	await coordinator.getByLabel('Vad gjorde de?').fill('Startade en fröbank på biblioteket.')
	await coordinator.getByRole('button', { name: 'Nominera' }).click()
	await expect(coordinator.getByText('Tack för din nominering!')).toBeVisible()
	await expectNoAxeViolations(coordinator)

	await coordinator.goto('/admin/awards')
	await expect(coordinator.getByRole('heading', { level: 1, name: 'Månadens tårta: nomineringar' })).toBeVisible()
	await expectNoAxeViolations(coordinator)
	await coordinator.getByRole('radio', { name: /Vera Växt/ }).check()
	await coordinator.getByLabel('Motivering').fill('För fröer som blir till hundra odlingar.')
	await coordinator.getByRole('button', { name: 'Utse vinnaren' }).click()
	await expect(coordinator.getByText('Månadens vinnare är utsedd.')).toBeVisible()
	await expectNoAxeViolations(coordinator)

	await page.goto('/awards')
	await expect(page.getByRole('heading', { level: 1, name: 'Månadens tårta' })).toBeVisible()
	await expect(page.getByRole('heading', { level: 2, name: 'Vera Växt' })).toBeVisible()
	await expect(page.getByText('För fröer som blir till hundra odlingar.')).toBeVisible()
	await expectNoAxeViolations(page)
})
