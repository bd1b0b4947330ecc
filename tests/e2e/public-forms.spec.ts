import { HONEYPOT_FIELD } from '#app/common/honeypot.ts'
import { expect, test } from './fixtures.ts'
import { expectNoAxeViolations, uniqueEmail } from './helpers.ts'

/**
 * The honeypot in the browser (docs/decisions/0020): nobody sees it, Tab never reaches it, axe
 * finds nothing, and a program that fills it gets the form back with a message and its input.
 */

test.use({ locale: 'sv-SE' })

test('the honeypot is out of sight and out of the tab order; filled in, the sign-in form says why', async ({
	page,
}) => {
	await page.goto('/login')
	const trap = page.locator(`input[name="${HONEYPOT_FIELD}"]`)
	await expect(trap).toHaveCount(1)
	// In the DOM for programs, but not visible on screen and not reachable with the keyboard.
	// (Its wrapper is a 1 px box that clips what is inside it.)
	const box = await page.locator('div[aria-hidden="true"]', { has: trap }).boundingBox()
	expect(box && box.width <= 1 && box.height <= 1).toBe(true)
	expect(
		await page.locator('div[aria-hidden="true"]', { has: trap }).evaluate((div) => getComputedStyle(div).overflow),
	).toBe('hidden')
	await page.getByLabel('E-postadress').focus()
	for (let i = 0; i < 10; i++) {
		await page.keyboard.press('Tab')
		expect(await trap.evaluate((input) => input === document.activeElement)).toBe(false)
	}
	await expectNoAxeViolations(page)

	const email = uniqueEmail('honeypot')
	await page.getByLabel('E-postadress').fill(email)
	await trap.fill('https://spam.example', { force: true })
	await page.getByRole('button', { name: 'Skicka kod' }).click()
	await expect(page.getByRole('alert')).toContainText('ett fält som ska lämnas tomt var ifyllt')
	await expect(page.getByLabel('E-postadress')).toHaveValue(email)
	await expectNoAxeViolations(page)
})
