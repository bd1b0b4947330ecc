import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { codeIn, expectNoAxeViolations, newestMail, uniqueEmail } from './helpers.ts'

/** The number of residents who have signed, as the home page shows it. */
async function residentCount(page: Page): Promise<number> {
	await page.goto('/')
	const text = await page.locator('.counter-main .count-number').textContent()
	return Number((text ?? '').replace(/\D/g, ''))
}

/** Presses Tab until the element has focus: proves it is reachable by keyboard, in order. */
async function tabTo(page: Page, target: Locator) {
	for (let i = 0; i < 150; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return
		await page.keyboard.press('Tab')
	}
	throw new Error('could not reach the element with Tab')
}

test.describe('a new resident signs the pact in Swedish', () => {
	test.use({ locale: 'sv-SE' })

	test('signs, confirms from the local mailbox, sees the count rise and their pledge', async ({ page }) => {
		const email = uniqueEmail('signe')
		const before = await residentCount(page)
		await expectNoAxeViolations(page)

		await page.getByRole('link', { name: 'Skriv under klimatavtalet' }).first().click()
		await expect(page.getByRole('heading', { level: 1, name: 'Skriv under klimatavtalet' })).toBeVisible()
		await page.getByLabel('Namn', { exact: true }).fill('Signe Åkesson')
		await page.getByLabel('E-postadress').fill(email)
		await page.getByRole('radio', { name: 'Ja' }).check()
		await page.getByLabel('Stadsdel eller ort').fill('Tågaborg')
		const firstCommitment = page.getByRole('group', { name: 'Välj bland åtagandena' }).getByRole('checkbox').first()
		await firstCommitment.check()
		await page.getByLabel('Eget åtagande 1').fill('Cykla till jobbet när det inte snöar 🚲')
		await page.getByLabel('Jag samtycker till att mina uppgifter sparas enligt texten ovan.').check()
		await expectNoAxeViolations(page)
		await page.getByRole('button', { name: 'Skriv under', exact: true }).click()

		await expect(page.getByRole('heading', { level: 1, name: 'Titta i din e-post' })).toBeVisible()
		await expectNoAxeViolations(page)
		// Not counted before confirmation.
		expect(await residentCount(page)).toBe(before)

		// The one test that reads the mailbox through its pages (/dev/mail), as a person trying the
		// app locally would; the others read its files.
		await newestMail(email)
		await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`)
		await expectNoAxeViolations(page)
		await page.locator('a[href^="/dev/mail/"]').first().click()
		await page.waitForURL(/\/dev\/mail\/[^/?]+/)
		await expect(page.getByRole('heading', { level: 2, name: 'Textversion' })).toBeVisible()
		await expectNoAxeViolations(page)
		await page.locator('a[href*="/verify?token="]').first().click()
		await expect(page.getByRole('button', { name: 'Bekräfta min underskrift' })).toBeVisible()
		await expectNoAxeViolations(page)
		await page.getByRole('button', { name: 'Bekräfta min underskrift' }).click()

		await expect(page).toHaveURL(/\/my-pledge/)
		await expect(page.getByRole('heading', { level: 1, name: 'Mitt klimatavtal' })).toBeVisible()
		await expect(page.getByText('Välkommen, Signe!')).toBeVisible()
		await expect(page.getByText('Cykla till jobbet när det inte snöar 🚲')).toBeVisible()
		await expectNoAxeViolations(page)

		expect(await residentCount(page)).toBe(before + 1)
	})
})

test.describe('a new resident signs the pact in English', () => {
	test.use({ locale: 'en-GB' })

	test('signs, confirms with the emailed code, sees the count rise and their pledge', async ({ page }) => {
		const email = uniqueEmail('edith')
		const before = await residentCount(page)
		await expect(page.getByRole('heading', { level: 1 })).toContainText('The climate pact')
		await expectNoAxeViolations(page)

		await page.getByRole('link', { name: 'Sign the climate pact' }).first().click()
		await page.getByLabel('Name', { exact: true }).fill('Edith Lind')
		await page.getByLabel('Email address').fill(email)
		await page.getByRole('radio', { name: 'Yes' }).check()
		await page.getByRole('group', { name: 'Choose from the commitments' }).getByRole('checkbox').nth(1).check()
		await page.getByLabel('I consent to my details being stored as described above.').check()
		await expectNoAxeViolations(page)
		await page.getByRole('button', { name: 'Sign', exact: true }).click()
		await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible()
		const code = codeIn(await newestMail(email))
		await page.getByLabel('Code from the email').fill(code)
		await page.getByRole('button', { name: 'Confirm', exact: true }).click()
		await expect(page).toHaveURL(/\/my-pledge/)
		await expect(page.getByRole('heading', { level: 1, name: 'My climate pledge' })).toBeVisible()
		await expect(page.getByText('Welcome, Edith!')).toBeVisible()
		await expectNoAxeViolations(page)

		expect(await residentCount(page)).toBe(before + 1)
	})
})

test.describe('signing with the keyboard alone', () => {
	test.use({ locale: 'sv-SE' })

	test('every step of signing and confirming can be done with Tab, Space and Enter', async ({ page }) => {
		const email = uniqueEmail('tangent')
		const before = await residentCount(page)
		await page.goto('/sign')

		await tabTo(page, page.getByLabel('Namn', { exact: true }))
		await page.keyboard.type('Tage Tangent')
		await tabTo(page, page.getByLabel('E-postadress'))
		await page.keyboard.type(email)
		await tabTo(page, page.getByRole('radio', { name: 'Ja' }))
		await page.keyboard.press('Space')
		await tabTo(page, page.getByRole('group', { name: 'Välj bland åtagandena' }).getByRole('checkbox').first())
		await page.keyboard.press('Space')
		const consent = page.getByLabel('Jag samtycker till att mina uppgifter sparas enligt texten ovan.')
		await tabTo(page, consent)
		await page.keyboard.press('Space')
		await expect(consent).toBeChecked()
		await tabTo(page, page.getByRole('button', { name: 'Skriv under', exact: true }))
		await page.keyboard.press('Enter')
		await expect(page.getByRole('heading', { level: 1, name: 'Titta i din e-post' })).toBeVisible()
		const code = codeIn(await newestMail(email))
		await tabTo(page, page.getByLabel('Kod från mejlet'))
		await page.keyboard.type(code)
		await page.keyboard.press('Enter')
		await expect(page).toHaveURL(/\/my-pledge/)
		expect(await residentCount(page)).toBe(before + 1)
	})
})

test.describe('bad input on the sign form', () => {
	test.use({ locale: 'sv-SE' })

	test('shows messages by the fields, keeps what was typed, and stores nothing', async ({ page }) => {
		const before = await residentCount(page)
		await page.goto('/sign')
		await page.getByLabel('Namn', { exact: true }).fill('<script>alert(1)</script>')
		await page.getByLabel('E-postadress').fill('inte-en-adress')
		await page.getByRole('button', { name: 'Skriv under', exact: true }).click()

		const emailField = page.getByLabel('E-postadress')
		await expect(emailField).toHaveAttribute('aria-invalid', 'true')
		await expect(page.getByText('Skriv en giltig e-postadress, till exempel namn@exempel.se.')).toBeVisible()
		await expect(page.getByLabel('Namn', { exact: true })).toHaveValue('<script>alert(1)</script>')
		await expectNoAxeViolations(page)
		expect(await residentCount(page)).toBe(before)
	})
})
