import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Fails the test when axe finds any WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
	const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
	expect(summary, `axe violations on ${page.url()}`).toEqual([])
}

/** An address nobody else in the run uses. */
export function uniqueEmail(prefix: string): string {
	return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`
}

/** Opens the newest message to an address in the local mailbox (waits for the worker to deliver it). */
export async function openNewestMail(page: Page, to: string) {
	await expect(async () => {
		await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`)
		await expect(page.locator('a[href^="/dev/mail/"]').first()).toBeVisible({ timeout: 1000 })
	}).toPass({ timeout: 20_000 })
	await page.locator('a[href^="/dev/mail/"]').first().click()
	await page.waitForURL(/\/dev\/mail\/[^/?]+/)
}

/** The six-digit code in the message open in the local mailbox. */
export async function codeFromOpenMail(page: Page): Promise<string> {
	const code = (await page.locator('pre.mail-text').innerText()).match(/(?<!\d)(\d{6})(?!\d)/)?.[1]
	expect(code, 'a six-digit code in the email').toBeTruthy()
	return code!
}

/**
 * Signs in with the emailed six-digit code, starting on the login page (where a guard or the
 * header sent us); afterwards the app returns to where sign-in started.
 */
export async function signInWithCode(page: Page, email: string) {
	await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByLabel('E-postadress').fill(email)
	await page.getByRole('button', { name: 'Skicka kod' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Kolla din e-post' })).toBeVisible()
	await expectNoAxeViolations(page)
	const back = page.url()
	await openNewestMail(page, email)
	const code = await codeFromOpenMail(page)
	await page.goto(back)
	await page.getByLabel('Kod från mejlet').fill(code)
	await page.getByRole('button', { name: 'Logga in' }).last().click()
}
