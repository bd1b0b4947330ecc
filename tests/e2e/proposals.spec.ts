import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { expectNoAxeViolations, signAsNewResident, uniqueEmail } from './helpers.ts'

/**
 * Citizen proposals in the browser: a visitor finds a proposal open for support in the tracker
 * and is asked to sign in; a new resident signs the pact, supports the proposal and sees the
 * count of signatories behind it go up by one. Axe runs on every page visited.
 */

test.use({ locale: 'sv-SE' })

const backing = /Stöds av (\d+) signatär(er)?/
/** The count as the page words it: the first supporter of a proposal is one "signatär". */
const backedBy = (n: number) => `Stöds av ${n} ${n === 1 ? 'signatär' : 'signatärer'}`

async function countOnPage(page: Page): Promise<number> {
	const text = await page.locator('.proposal-count').innerText()
	return Number(backing.exec(text)![1])
}

test('a resident supports a proposal and sees the count change', async ({ page }) => {
	test.setTimeout(120_000)

	// A visitor: the tracker, filtered to proposals open for support.
	await page.goto('/proposals')
	await expect(page.getByRole('heading', { level: 1, name: 'Medborgarförslag' })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByLabel('Läge').selectOption('open')
	await page.getByRole('button', { name: 'Visa' }).click()
	await expect(page).toHaveURL(/status=open/)
	await expectNoAxeViolations(page)
	const first = page.locator('.proposal-card h3 a').first()
	const title = await first.innerText()
	await first.click()
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Logga in för att stödja förslaget' })).toBeVisible()
	await expectNoAxeViolations(page)
	const proposalUrl = new URL(page.url()).pathname

	// A new resident signs the pact, then comes back to the proposal.
	await signAsNewResident(page, { name: 'Stina Stödjare', email: uniqueEmail('stod') })
	await expectNoAxeViolations(page)
	await page.goto(proposalUrl)
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	await expectNoAxeViolations(page)
	const before = await countOnPage(page)

	await page.getByRole('button', { name: 'Stöd förslaget' }).click()
	await expect(page.getByText('Tack! Du stöder förslaget.')).toBeVisible()
	await expect(page.locator('.proposal-count')).toHaveText(backedBy(before + 1))
	await expect(page.getByRole('button', { name: 'Ta tillbaka mitt stöd' })).toBeVisible()
	await expectNoAxeViolations(page)

	// The tracker shows the new count too.
	await page.getByRole('link', { name: 'Alla medborgarförslag' }).click()
	await expect(page.locator('.proposal-card', { hasText: title }).locator('.proposal-backing')).toHaveText(
		backedBy(before + 1),
	)
	await expectNoAxeViolations(page)
})
