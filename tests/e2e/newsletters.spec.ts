import type { Page } from '@playwright/test'
import { headerValue } from '#app/mail/eml.server.ts'
import { expect, test } from './fixtures.ts'
import {
	newCoordinator,
	expectNoAxeViolations,
	linkIn,
	newestMail,
	signAsNewResident,
	signInWithCode,
	uniqueEmail,
} from './helpers.ts'

/**
 * A coordinator's newsletter, in the browser: compose, watch the recipient count follow the
 * audience, preview with the real template, test-send, send to a segment and follow progress and
 * statistics; then a recipient unsubscribes with one click from the message in the local mailbox.
 * Axe runs on every page visited.
 */
test.use({ locale: 'sv-SE' })

/** A new resident in a district of their own signs with newsletter consent and confirms. */
async function newSubscriber(newPerson: () => Promise<Page>, district: string): Promise<{ page: Page; email: string }> {
	const page = await newPerson()
	const email = uniqueEmail('nyhetsbrev')
	await signAsNewResident(page, { name: 'Nora Nyhetsläsare', email, district, newsletter: true })
	return { page, email }
}

test('a coordinator composes, previews, test-sends and sends a newsletter to a segment; a recipient unsubscribes in one click', async ({
	page,
	newPerson,
}) => {
	test.setTimeout(180_000)
	const district = `Nyhetsby ${Date.now().toString(36)}`
	const subject = `Vårbrev till ${district}`
	const subscriber = await newSubscriber(newPerson, district)

	await page.goto('/login')
	const coordinatorEmail = await newCoordinator('Karin Koordinator')
	await signInWithCode(page, coordinatorEmail)
	await expect(page).not.toHaveURL(/\/(login|verify)/)
	// A coordinator's pages are grouped under one disclosure in the menu.
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByText('Samordna').click()
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Nyhetsbrev' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Nyhetsbrev' })).toBeVisible()
	await expectNoAxeViolations(page)

	await page.getByLabel('Internt namn').fill(`E2E ${district}`)
	await page.getByRole('button', { name: 'Skapa utkast' }).click()
	await expect(page.getByRole('heading', { level: 1, name: `E2E ${district}` })).toBeVisible()
	await expectNoAxeViolations(page)

	// Compose the Swedish version; the preview follows with the real template.
	const swedish = page.getByRole('group', { name: 'Svenska versionen' })
	await swedish.getByLabel('Ämnesrad').fill(subject)
	await swedish.getByLabel('Förhandstext').fill('Klimatfika och nya cykelställ')
	await swedish.getByLabel('Innehåll').fill('## Välkommen på klimatfika\n\nVi ses på **lördag** i biblioteket.')
	const preview = page.frameLocator('iframe[title="Förhandsgranskning av nyhetsbrevet"]')
	await expect(preview.getByRole('heading', { name: 'Välkommen på klimatfika' })).toBeVisible()
	await expect(preview.getByText('Hej Karin!')).toBeVisible()

	// The audience: only the new district. The count follows as the condition changes.
	await page.getByLabel('Stadsdelar eller orter').fill(district)
	await page.getByLabel('Stadsdelar eller orter').blur()
	await expect(page.getByText('1 mottagare', { exact: true })).toBeVisible()
	await expectNoAxeViolations(page)

	// A test to the coordinator, through the same template.
	await page.getByRole('button', { name: 'Skicka test' }).click()
	await expect(page.getByText('Testet är på väg: 1 mejl.')).toBeVisible()
	await expectNoAxeViolations(page)

	// Send to the segment: first a question with the number of recipients, then it goes, and the
	// page follows along. Once sent, the "is being sent" from the URL is gone.
	await page.getByRole('button', { name: 'Skicka nu till 1 mottagare' }).click()
	await expect(page.getByRole('region', { name: 'Skicka nyhetsbrevet nu?' })).toBeFocused()
	await expect(page.locator('.status-line strong')).toHaveText('Utkast')
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Ja, skicka till 1 mottagare' }).click()
	await expect(page).toHaveURL(/done=started/)
	const newsletterUrl = page.url().split('?')[0]!
	await expect(page.locator('.status-line strong')).toHaveText('Skickat', { timeout: 30_000 })
	await expect(page.getByText('Nyhetsbrevet skickas nu.')).toHaveCount(0)
	await expect(page.getByRole('progressbar')).toHaveAttribute('value', '1')
	const sent = page.locator('.figures div').filter({ hasText: 'Skickade' })
	await expect(sent.locator('dd')).toHaveText('1')
	await expectNoAxeViolations(page)

	// The test reached the coordinator, marked as a test.
	await newestMail(coordinatorEmail, { subject: `[Test] ${subject}`, timeout: 30_000 })

	// The recipient unsubscribes from the message itself: a page with one button, then done.
	const reader = subscriber.page
	const message = await newestMail(subscriber.email, { subject, timeout: 30_000 })
	expect(headerValue(message.headers, 'List-Unsubscribe-Post')).toBeTruthy()
	await reader.goto(linkIn(message, '/unsubscribe/'))
	await expect(reader.getByRole('heading', { level: 1, name: 'Avsluta nyhetsbrevet' })).toBeVisible()
	await expectNoAxeViolations(reader)
	await reader.getByRole('button', { name: 'Avsluta' }).click()
	await expect(reader.getByText('Du får inga fler nyhetsbrev.')).toBeVisible()
	await expectNoAxeViolations(reader)

	// The newsletter's statistics count the unsubscribe; the segment is empty now.
	await page.goto(newsletterUrl)
	const unsubscribed = page.locator('.figures div').filter({ hasText: 'Avslutade prenumerationen' })
	await expect(unsubscribed.locator('dd')).toHaveText('1')
	await expect(page.locator('.figures div').filter({ hasText: 'Mottagare' }).locator('dd')).toHaveText('1')
	await expectNoAxeViolations(page)
})

test('after an error on the compose form, the first click on a button below it counts', async ({ page }) => {
	await page.goto('/login')
	await signInWithCode(page, await newCoordinator('Klara Klick'))
	await page.goto('/admin/newsletters')
	await page.getByLabel('Internt namn').fill(`E2E klick ${Date.now().toString(36)}`)
	await page.getByRole('button', { name: 'Skapa utkast' }).click()
	// The dates the wrong way round: the message shows by the field, just above the count button.
	const from = page.getByLabel('Skrev under från och med')
	const to = page.getByLabel('Skrev under till och med')
	await from.fill('2026-06-01')
	await to.fill('2026-01-01')
	const count = page.getByRole('button', { name: 'Räkna mottagare' })
	await count.click()
	const wrongOrder = page.getByText('Slutdatumet kan inte vara före startdatumet.')
	await expect(wrongOrder).toBeVisible()

	// The coordinator puts it right and goes straight for the button. The message goes while they
	// type, so nothing moves under the pointer between pressing and releasing.
	await to.fill('2026-12-31')
	const before = (await count.boundingBox())!
	await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2)
	await page.mouse.down()
	expect((await count.boundingBox())!.y, 'the button moved under the pointer').toBe(before.y)
	await page.mouse.up()
	await expect(wrongOrder).toHaveCount(0)

	// And the other way: a new mistake shows while typing, not when the button is pressed.
	await to.fill('2026-02-01')
	await expect(wrongOrder).toBeVisible()
	const again = (await count.boundingBox())!
	await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2)
	await page.mouse.down()
	expect((await count.boundingBox())!.y, 'the button moved under the pointer').toBe(again.y)
	await page.mouse.up()
})
