import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { newCoordinator, expectNoAxeViolations, linkIn, localDate, newestMail, signInWithCode } from './helpers.ts'

/**
 * Mentoring and lighthouse projects in the browser: a coordinator pairs two demo partners, the
 * mentee's contact follows the introduction email to the mentoring page, sees the mentor's contact
 * and logs a meeting; a visitor reads the lighthouse projects. Axe on every page visited.
 * Screenshots go to SCREENSHOT_DIR when it is set, for people to look at.
 */

test.use({ locale: 'sv-SE' })

const menteeContact = 'per.fastighet@klimatpakt.example'

async function look(page: Page, name: string) {
	if (process.env.SCREENSHOT_DIR)
		await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true })
}

test('a coordinator pairs two partners and the mentee logs a meeting with its mentor', async ({ page, newPerson }) => {
	test.setTimeout(120_000)

	// The coordinator pairs Öresundsbostäder with the water company as its mentor.
	const coordinator = await newPerson()
	await coordinator.goto('/admin/mentoring')
	const coordinatorEmail = await newCoordinator()
	await signInWithCode(coordinator, coordinatorEmail)
	await expect(coordinator.getByRole('heading', { level: 1, name: 'Mentorskap' })).toBeVisible()
	await expectNoAxeViolations(coordinator)
	await coordinator.getByLabel('Adept (ny partner)').selectOption({ label: 'Öresundsbostäder' })
	await coordinator.getByLabel('Mentor', { exact: true }).selectOption({ label: 'Nordvästra Skånes Vatten' })
	await coordinator.getByRole('button', { name: 'Para ihop och skicka presentationen' }).click()
	await expect(coordinator.getByText('Partnerna är ihopparade')).toBeVisible()
	const row = coordinator.getByRole('row', { name: /Öresundsbostäder/ })
	await expect(row).toContainText('Nordvästra Skånes Vatten')
	await expect(row).toContainText('Inget ännu')
	await expectNoAxeViolations(coordinator)
	await look(coordinator, 'admin-mentoring')

	// The mentee's contact follows the introduction email and signs in on the way.
	const mail = await newestMail(menteeContact, { subject: 'Möt er mentor: Nordvästra Skånes Vatten' })
	expect(mail.text).toContain('eva.vattenverk@klimatpakt.example')
	await page.goto(linkIn(mail, '/mentoring'))
	await signInWithCode(page, menteeContact)
	await expect(page.getByRole('heading', { level: 1, name: 'Mentorskap för Öresundsbostäder' })).toBeVisible()
	const mentorship = page.getByRole('region', { name: 'Er mentor: Nordvästra Skånes Vatten' })
	await expect(mentorship.getByRole('link', { name: 'eva.vattenverk@klimatpakt.example' })).toHaveAttribute(
		'href',
		'mailto:eva.vattenverk@klimatpakt.example',
	)
	await expect(mentorship.getByText('Inga möten är loggade ännu.')).toBeVisible()
	await expectNoAxeViolations(page)

	// A meeting tomorrow is refused beside the field; today's is logged.
	await mentorship.getByLabel('Dag för mötet').fill(localDate(1))
	await mentorship.getByRole('button', { name: 'Logga mötet' }).click()
	await expect(mentorship.getByText('Mötet kan inte ligga i framtiden.')).toBeVisible()
	await expect(mentorship.getByLabel('Dag för mötet')).toHaveAttribute('aria-invalid', 'true')
	await expectNoAxeViolations(page)
	await mentorship.getByLabel('Dag för mötet').fill(localDate(0))
	await mentorship.getByLabel('Anteckning').fill('Första mötet: vi gick igenom basåret.')
	await mentorship.getByRole('button', { name: 'Logga mötet' }).click()
	await expect(page.getByText('Mötet är loggat.')).toBeVisible()
	await expect(mentorship.getByText('Första mötet: vi gick igenom basåret.')).toBeVisible()
	await expect(mentorship.getByText('Loggat av Per Fastighet')).toBeVisible()
	await expectNoAxeViolations(page)
	await look(page, 'partner-mentoring')

	// The mentor's printable agreement opens from there.
	await mentorship.getByRole('link', { name: 'Partnerskapsavtalet för Nordvästra Skånes Vatten' }).click()
	await expect(
		page.getByRole('heading', { level: 1, name: /Partnerskapsavtal mellan Nordvästra Skånes Vatten/ }),
	).toBeVisible()
	await expectNoAxeViolations(page)

	// The coordinator sees the meeting counted.
	await coordinator.reload()
	await expect(coordinator.getByRole('row', { name: /Öresundsbostäder/ })).not.toContainText('Inget ännu')
	await expectNoAxeViolations(coordinator)
})

test('a visitor reads the lighthouse projects', async ({ page }) => {
	await page.goto('/partners')
	await page.getByRole('link', { name: /Fyrtornsprojekt: det klimatpartnerna gör tillsammans/ }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Fyrtornsprojekt' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Solpark på Filbornaskolans tak' })).toBeVisible()
	await expectNoAxeViolations(page)
	await look(page, 'projects')

	await page.getByLabel('Status').selectOption('completed')
	await page.getByRole('button', { name: 'Visa' }).click()
	await expect(page).toHaveURL(/status=completed/)
	await expect(page.getByRole('link', { name: 'Lådcykelpool för butikerna i centrum' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Solpark på Filbornaskolans tak' })).toHaveCount(0)
	await expectNoAxeViolations(page)

	await page.goto('/projects')
	await page.getByRole('link', { name: 'Solpark på Filbornaskolans tak' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Solpark på Filbornaskolans tak' })).toBeVisible()
	const partners = page.getByRole('region', { name: 'Partner i projektet' })
	await expect(partners.getByRole('link', { name: 'Filbornaskolan' })).toHaveAttribute(
		'href',
		'/partners/filbornaskolan',
	)
	// Kullabergs Solenergi takes part, but its agreement waits for review: not shown.
	await expect(page.getByText('Kullabergs Solenergi')).toHaveCount(0)
	const updates = page.getByRole('region', { name: 'Uppdateringar' }).getByRole('listitem')
	await expect(updates.first()).toContainText('Panelerna är beställda')
	await expect(updates.last()).toContainText('Konstruktören har kontrollerat taket')
	await expectNoAxeViolations(page)
	await look(page, 'project')

	// From the project to a partner's page, which lists its projects.
	await partners.getByRole('link', { name: 'Filbornaskolan' }).click()
	await expect(page.getByRole('heading', { level: 2, name: 'Fyrtornsprojekt' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Solpark på Filbornaskolans tak' })).toBeVisible()
	await expectNoAxeViolations(page)
})
