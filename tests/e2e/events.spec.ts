import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import {
	expectNoAxeViolations,
	localDate,
	mailCount,
	newestMail,
	organiserEmail,
	signAsNewResident,
	signInWithCode,
	uniqueEmail,
} from './helpers.ts'

/**
 * The life of a small event, in the browser: an organiser publishes a one-place event, two
 * residents sign up (one waits), the first cancels, the second is promoted and told by email,
 * and the organiser checks people in at the door on a phone. Axe runs on every page visited.
 */

test.use({ locale: 'sv-SE' })

/** A new resident signs the pact and confirms from the local mailbox, which signs them in. */
async function newResident(newPerson: () => Promise<Page>, name: string): Promise<{ page: Page; email: string }> {
	const page = await newPerson()
	const email = uniqueEmail(name.toLowerCase().split(' ')[0]!)
	await signAsNewResident(page, { name, email })
	return { page, email }
}

test('an organiser publishes a one-place event; the waitlist promotes the second resident when the first cancels', async ({
	page,
	newPerson,
}) => {
	test.setTimeout(180_000)
	const title = `Klimatfika e2e ${Date.now().toString(36)}`

	// The organiser signs in from the header and creates the event.
	await page.goto('/events')
	await expectNoAxeViolations(page)
	await page.getByRole('link', { name: 'Logga in' }).click()
	await signInWithCode(page, organiserEmail)
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Arrangera' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Arrangera evenemang' })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByRole('link', { name: 'Nytt evenemang' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Nytt evenemang' })).toBeVisible()
	await expectNoAxeViolations(page)

	// Bad input first: the end before the start, no places.
	await page.getByLabel('Typ av evenemang').selectOption('climate-fika')
	await page.getByLabel('Rubrik', { exact: true }).fill(title)
	await page.getByLabel('Datum', { exact: true }).fill(localDate(14))
	await page.getByLabel('Börjar').fill('18:00')
	await page.getByLabel('Slutar').fill('17:00')
	await page.getByLabel(/^Adress eller plats/).fill('Stadsbiblioteket, Bollbrogatan 1')
	await page.getByLabel(/^Antal platser/).fill('0')
	await page.getByRole('button', { name: 'Publicera', exact: true }).click()
	await expect(page.getByText('Slutet måste komma efter starten.')).toBeVisible()
	await expect(page.getByText('Antalet platser måste vara minst 1. Lämna tomt för ingen gräns.')).toBeVisible()
	await expectNoAxeViolations(page)

	await page.getByLabel('Slutar').fill('19:30')
	await page.getByLabel(/^Antal platser/).fill('1')
	await page.getByLabel('Pass 1', { exact: true }).fill('Duka fram fikat')
	await page.getByLabel('Antal hjälpare, pass 1').fill('1')
	await page.getByRole('button', { name: 'Publicera', exact: true }).click()
	await expect(page.getByText('Evenemanget är publicerat.')).toBeVisible()
	await expectNoAxeViolations(page)
	const manageUrl = page.url()
	await page.getByRole('link', { name: 'Visa sidan' }).click()
	// The organiser's page has the same heading: wait for the public page's address itself.
	await expect(page).toHaveURL(/\/events\/[^/?]+$/)
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	const eventUrl = new URL(page.url()).pathname
	await expect(page.getByText('1 av 1 plats kvar')).toBeVisible()
	await expectNoAxeViolations(page)

	// The first resident takes the place.
	const first = await newResident(newPerson, 'Frida Först')
	await first.page.goto(eventUrl)
	await expectNoAxeViolations(first.page)
	await first.page.getByRole('button', { name: 'Anmäl mig' }).click()
	await expect(first.page.getByText('Klart! Du är anmäld.')).toBeVisible()
	await expect(first.page.getByText('Du är anmäld.', { exact: true })).toBeVisible()
	await expectNoAxeViolations(first.page)
	// Pressing again changes nothing and is no error (the button is gone; a second POST is harmless).
	const again = await first.page.request.post(eventUrl, { form: { intent: 'rsvp' }, maxRedirects: 0 })
	expect(again.status()).toBe(303)
	expect(again.headers()['location']).toContain('done=already-going')

	// The second resident starts as a visitor: the RSVP button leads to sign-in and back.
	const second = await newResident(newPerson, 'Sam Sist')
	const visitor = await newPerson()
	await visitor.goto(eventUrl)
	await expect(visitor.getByText('Fullt – väntelista')).toBeVisible()
	await expectNoAxeViolations(visitor)
	await visitor.getByRole('link', { name: 'Logga in och anmäl dig' }).click()
	await signInWithCode(visitor, second.email)
	await expect(visitor).toHaveURL(new RegExp(`${eventUrl}\\?join=1$`))
	await expect(visitor.getByText('Du är inloggad. Tryck på knappen för att anmäla dig.')).toBeVisible()
	await expectNoAxeViolations(visitor)
	const beforeWaitlist = await mailCount(second.email)
	await visitor.getByRole('button', { name: 'Ställ mig på väntelistan' }).click()
	await expect(visitor.getByText('Du står som nummer 1 på väntelistan.', { exact: true })).toBeVisible()
	await expectNoAxeViolations(visitor)
	// The waitlist confirmation is delivered by the worker in its own time: count once it is in, so
	// that it is not taken for the promotion below.
	await expect.poll(() => mailCount(second.email), { timeout: 20_000 }).toBeGreaterThan(beforeWaitlist)

	// The first cancels; the second is promoted at once and emailed.
	const mailsBefore = await mailCount(second.email)
	await first.page.getByRole('button', { name: 'Avanmäl mig' }).click()
	await expect(first.page.getByText('Du är avanmäld. Tack för att du gav platsen vidare!')).toBeVisible()
	await expectNoAxeViolations(first.page)
	await visitor.reload()
	await expect(visitor.getByText('Du är anmäld.', { exact: true })).toBeVisible()
	const promoted = await newestMail(second.email, { after: mailsBefore })
	expect(promoted.subject).toBe(`Du har fått en plats: ${title}`)
	expect(promoted.text).not.toBe('')
	expect(promoted.attachments.map((a) => a.filename)).toContain('event.ics')

	// The personal page lists it, with a calendar feed.
	await visitor.goto('/events/mine')
	await expect(visitor.getByRole('link', { name: title })).toBeVisible()
	await expectNoAxeViolations(visitor)

	// At the door, on a phone: find the second resident by name and check them in; add a walk-in.
	await page.setViewportSize({ width: 390, height: 844 })
	await page.goto(`${new URL(manageUrl).pathname}/check-in`)
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Insläpp')
	await expectNoAxeViolations(page)
	await page.getByRole('searchbox', { name: 'Sök på namn' }).fill('sam')
	const row = page.getByRole('listitem').filter({ hasText: 'Sam Sist' })
	await expect(row).toBeVisible()
	await expect(page.getByRole('listitem').filter({ hasText: 'Frida Först' })).toHaveCount(0)
	await row.getByRole('button', { name: 'Checka in' }).click()
	await expect(row.getByText(/Incheckad \d\d:\d\d/)).toBeVisible()
	await page.reload()
	await expect(page.getByText('1 incheckad av 1 anmälda')).toBeVisible()
	await page.getByLabel('Namn', { exact: true }).fill('Gäst Utan Anmälan')
	await page.getByRole('button', { name: 'Lägg till och checka in' }).click()
	await expect(page.getByText('Gäst Utan Anmälan är tillagd och incheckad.')).toBeVisible()
	await expectNoAxeViolations(page)

	// The attendee list shows who is going, and exports.
	await page.setViewportSize({ width: 1280, height: 900 })
	await page.goto(`${new URL(manageUrl).pathname}/attendees`)
	await expect(page.getByRole('table', { name: /Anmälda/ }).getByText('Sam Sist')).toBeVisible()
	await expectNoAxeViolations(page)
})

test("the organiser's list of events fits a 360 px phone: each event's door and attendee links are in view", async ({
	page,
}) => {
	await page.setViewportSize({ width: 360, height: 740 })
	await page.goto('/login?redirectTo=%2Forganise%2Fevents')
	await signInWithCode(page, organiserEmail)
	await expect(page.getByRole('heading', { level: 1, name: 'Arrangera evenemang' })).toBeVisible()
	const noSideways = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
	expect(noSideways, 'the page scrolls sideways').toBe(true)
	const links = page.getByRole('link', { name: /^(Insläpp|Deltagare)\s*: / })
	expect(await links.count()).toBeGreaterThan(1)
	for (const link of (await links.all()).slice(0, 6)) {
		await expect(link).toBeVisible()
		const box = (await link.boundingBox())!
		expect(box.x).toBeGreaterThanOrEqual(0)
		expect(box.x + box.width).toBeLessThanOrEqual(360)
	}
	await expectNoAxeViolations(page)
})
