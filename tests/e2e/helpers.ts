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

/** How many messages the local mailbox holds for an address. */
export async function mailCount(page: Page, to: string): Promise<number> {
	const response = await page.request.get(`/dev/mail?to=${encodeURIComponent(to)}`)
	return (await response.text()).match(/href="\/dev\/mail\/[^"?]+/g)?.length ?? 0
}

/**
 * Opens the newest message to an address in the local mailbox, waiting for the worker to deliver
 * it. With `after` (a mailCount taken before the action that sends it), waits for a new one, so an
 * older message to the same address is never mistaken for it.
 */
export async function openNewestMail(page: Page, to: string, { after = 0 }: { after?: number } = {}) {
	await expect(async () => {
		await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`)
		expect(await page.locator('a[href^="/dev/mail/"]').count()).toBeGreaterThan(after)
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
	const before = await mailCount(page, email)
	await page.getByRole('button', { name: 'Skicka kod' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Kolla din e-post' })).toBeVisible()
	await expectNoAxeViolations(page)
	const back = page.url()
	await openNewestMail(page, email, { after: before })
	const code = await codeFromOpenMail(page)
	await page.goto(back)
	await page.getByLabel('Kod från mejlet').fill(code)
	await page.getByRole('button', { name: 'Logga in' }).last().click()
}

/**
 * A new resident signs the pact in Swedish and confirms with the emailed link, which signs them
 * in; ends on their pledge page. For tests whose subject is what comes after signing.
 */
export async function signAsNewResident(page: Page, { name, email, district, newsletter = false }: { name: string; email: string; district?: string; newsletter?: boolean }) {
	await page.goto('/sign')
	await page.getByLabel('Namn', { exact: true }).fill(name)
	await page.getByLabel('E-postadress').fill(email)
	await page.getByRole('radio', { name: 'Ja' }).check()
	if (district) await page.getByLabel('Stadsdel eller ort').fill(district)
	await page.getByRole('group', { name: 'Välj bland åtagandena' }).getByRole('checkbox').first().check()
	if (newsletter) await page.getByLabel('Jag vill få nyhetsbrev om klimatavtalet').check()
	await page.getByLabel('Jag samtycker till att mina uppgifter sparas enligt texten ovan.').check()
	await page.getByRole('button', { name: 'Skriv under', exact: true }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Titta i din e-post' })).toBeVisible()
	await openNewestMail(page, email)
	await page.locator('a[href*="/verify?token="]').first().click()
	await page.getByRole('button', { name: 'Bekräfta min underskrift' }).click()
	await expect(page).toHaveURL(/\/my-pledge/)
}
