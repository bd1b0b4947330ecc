import { expect, test } from './fixtures.ts'
import { newCoordinator, expectNoAxeViolations, signInWithCode } from './helpers.ts'

/**
 * The yearly climate report in the browser: a partner's contact opens its reports (chart, table
 * and the trajectory), tries an absurd number and gets a message beside the field, then saves a
 * correction; a coordinator sees the roll-up. Axe runs on every page visited.
 */

test.use({ locale: 'sv-SE' })

const lastYear = new Date().getFullYear() - 1

test('a partner corrects a report and a coordinator sees the roll-up', async ({ page, newPerson }) => {
	test.setTimeout(120_000)

	// The demo bakery's contact: the page sends her to sign in and back.
	await page.goto('/partners/bageriet-karnan/reports')
	await signInWithCode(page, 'lina.bagare@klimatpakt.example')
	await expect(page.getByRole('heading', { level: 1, name: 'Klimatrapport – Bageriet Kärnan' })).toBeVisible()
	await expect(page.getByRole('img', { name: 'Utsläpp mot målkurvan' })).toBeVisible()
	await expectNoAxeViolations(page)

	await page.getByRole('link', { name: `Ändra ${lastYear}` }).click()
	await expect(page.getByRole('heading', { name: `Ändra rapporten för ${lastYear}` })).toBeVisible()
	const scope1 = page.getByLabel('Scope 1 (ton CO₂e)')
	await scope1.fill('-3')
	await page.getByRole('button', { name: 'Spara rapporten' }).click()
	await expect(page.getByText('Utsläpp kan inte vara negativa.')).toBeVisible()
	await expect(scope1).toHaveAttribute('aria-invalid', 'true')
	await expectNoAxeViolations(page)

	await scope1.fill('50,5')
	await page.getByRole('button', { name: 'Spara rapporten' }).click()
	await expect(page.getByText('Ändringen är sparad.')).toBeVisible()
	await expect(page.getByRole('row', { name: new RegExp(`^${lastYear}`) })).toContainText('50,5')
	await expectNoAxeViolations(page)

	// A coordinator's roll-up across the partners.
	const coordinator = await newPerson()
	await coordinator.goto('/admin/climate-reports')
	const coordinatorEmail = await newCoordinator()
	await signInWithCode(coordinator, coordinatorEmail)
	await expect(coordinator.getByRole('heading', { level: 1, name: 'Klimatrapporter' })).toBeVisible()
	await expect(coordinator.getByRole('heading', { name: `Rapporterat för ${lastYear}` })).toBeVisible()
	await expect(coordinator.getByRole('link', { name: 'Ladda ner som CSV' })).toHaveAttribute(
		'href',
		'/admin/climate-reports.csv',
	)
	await expectNoAxeViolations(coordinator)
})
