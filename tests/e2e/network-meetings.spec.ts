import { expect, test } from './fixtures.ts'
import {
	newCoordinator,
	expectNoAxeViolations,
	localDate,
	newestMail,
	mailCount,
	signAsNewResident,
	signInWithCode,
	uniqueEmail,
} from './helpers.ts'

/**
 * Network meetings in the browser (issue 11): a coordinator publishes a meeting for partner
 * organisations; a resident finds it marked in the list and is told who can come instead of
 * getting a button; a partner's contact finds it on their management page and signs up. Axe runs
 * on every page visited.
 */

test.use({ locale: 'sv-SE' })

/** The demo's Bageriet Kärnan (db/seed-partners.ts): an approved partner and its contact. */
const partnerContact = 'lina.bagare@klimatpakt.example'

test('a coordinator publishes a meeting for partners; a resident cannot sign up, a partner contact can', async ({
	page,
	newPerson,
}) => {
	test.setTimeout(180_000)
	const title = `Nätverksträff e2e ${Date.now().toString(36)}`

	await page.goto('/organise/events/new')
	const coordinatorEmail = await newCoordinator()
	await signInWithCode(page, coordinatorEmail)
	await expect(page.getByRole('heading', { level: 1, name: 'Nytt evenemang' })).toBeVisible()
	await page.getByLabel('Typ av evenemang').selectOption('network-meeting')
	await page.getByLabel('Rubrik', { exact: true }).fill(title)
	await page.getByLabel('Datum', { exact: true }).fill(localDate(12))
	await page.getByLabel('Börjar').fill('08:00')
	await page.getByLabel('Slutar').fill('09:30')
	await page.getByLabel(/^Adress eller plats/).fill('Dunkers kulturhus, Kungsgatan 11')
	await page.getByLabel('Vem kan anmäla sig?').selectOption('partners')
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Publicera', exact: true }).click()
	await expect(page.getByText('Evenemanget är publicerat.')).toBeVisible()
	await expect(page.getByLabel('Vem kan anmäla sig?')).toHaveValue('partners')
	await page.getByRole('link', { name: 'Visa sidan' }).click()
	await expect(page).toHaveURL(/\/events\/[^/?]+$/)
	const eventUrl = new URL(page.url()).pathname

	// A resident filters the list to events for partners: the meeting is there, marked.
	const resident = await newPerson()
	await signAsNewResident(resident, { name: 'Rut Resident', email: uniqueEmail('rut') })
	await resident.goto('/events')
	await resident.getByLabel('För vem').selectOption('partners')
	await resident.getByRole('button', { name: 'Visa', exact: true }).click()
	await expect(resident).toHaveURL(/audience=partners/)
	const card = resident.getByRole('article').filter({ hasText: title })
	await expect(card.getByText('För partnerorganisationer')).toBeVisible()
	await expect(resident.getByRole('article').filter({ hasText: 'Klädbyte' })).toHaveCount(0)
	await expectNoAxeViolations(resident)

	// Its page says who can come and how an organisation joins, and has no button to press.
	await card.getByRole('link', { name: title }).click()
	await expect(resident.getByRole('heading', { level: 1, name: title })).toBeVisible()
	await expect(resident.getByText(/Den här träffen är för klimatavtalets partnerorganisationer/)).toBeVisible()
	await expect(resident.getByRole('button', { name: 'Anmäl mig' })).toHaveCount(0)
	await expect(resident.getByRole('link', { name: 'Gör din organisation till klimatpartner' })).toHaveAttribute(
		'href',
		'/partners/join',
	)
	await expectNoAxeViolations(resident)
	// Pressing a button that is not there (a forged POST) is refused with the same explanation.
	const forged = await resident.request.post(eventUrl, { form: { intent: 'rsvp' }, maxRedirects: 0 })
	expect(forged.status()).toBe(303)
	await resident.goto(forged.headers()['location']!)
	await expect(resident.getByText(/Bara den som företräder en partnerorganisation med godkänt avtal/)).toBeVisible()
	await expect(resident.getByText('Du är anmäld.', { exact: true })).toHaveCount(0)

	// The partner's contact finds it among the network meetings on the management page and signs up.
	const contact = await newPerson()
	await contact.goto('/partners/bageriet-karnan/manage')
	await signInWithCode(contact, partnerContact)
	const meetings = contact.getByRole('region', { name: 'Nätverksträffar' })
	await expect(meetings.getByRole('link', { name: title })).toBeVisible()
	await expectNoAxeViolations(contact)
	await meetings.getByRole('link', { name: title }).click()
	await expect(contact.getByRole('heading', { level: 1, name: title })).toBeVisible()
	const before = await mailCount(partnerContact)
	await contact.getByRole('button', { name: 'Anmäl mig' }).click()
	await expect(contact.getByText('Klart! Du är anmäld.')).toBeVisible()
	await expectNoAxeViolations(contact)
	const confirmation = await newestMail(partnerContact, { after: before, subject: title })
	expect(confirmation.attachments.map((a) => a.filename)).toContain('event.ics')
})
