import { expect, test } from './fixtures.ts'
import {
	coordinatorEmail,
	expectNoAxeViolations,
	localDate,
	newestMail,
	organiserEmail,
	signAsNewResident,
	signInWithCode,
	uniqueEmail,
} from './helpers.ts'

/**
 * The engagement ladder in the browser: a new resident stands on step 1; an organiser checks them
 * in at an event; the congratulation is in their mailbox before they open any page (the promotion
 * happened in the check-in itself, not when a page was loaded); and their ladder shows step 2 and
 * what got them there. Axe runs on every page visited.
 */

test.use({ locale: 'sv-SE' })

test('a resident climbs from step 1 to step 2 when an organiser checks them in at an event', async ({
	page,
	newPerson,
}) => {
	test.setTimeout(180_000)
	const title = `Klimatfika trappan ${Date.now().toString(36)}`
	const email = uniqueEmail('trappa')

	// A new resident signs and confirms: step 1.
	await signAsNewResident(page, { name: 'Tilda Trappsteg', email })
	await expect(page.getByText('Du står på steg 1 av 4: Skriv under avtalet.')).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByRole('link', { name: 'Se din trappa och ditt nästa steg' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Engagemangstrappan' })).toBeVisible()
	await expect(page.getByText('Du står på steg 1 av 4: Skriv under avtalet.')).toBeVisible()
	await expect(page.locator('li[aria-current="step"]')).toContainText('Skriv under avtalet')
	await expect(page.getByRole('heading', { level: 2, name: 'Ditt nästa steg' })).toBeVisible()
	await expectNoAxeViolations(page)

	// An organiser publishes a fika for tomorrow.
	const organiser = await newPerson()
	await organiser.goto('/login?redirectTo=%2Forganise%2Fevents%2Fnew')
	await signInWithCode(organiser, organiserEmail)
	await expect(organiser.getByRole('heading', { level: 1, name: 'Nytt evenemang' })).toBeVisible()
	await expectNoAxeViolations(organiser)
	await organiser.getByLabel('Typ av evenemang').selectOption('climate-fika')
	await organiser.getByLabel('Rubrik', { exact: true }).fill(title)
	await organiser.getByLabel('Datum', { exact: true }).fill(localDate(1))
	await organiser.getByLabel('Börjar').fill('18:00')
	await organiser.getByLabel('Slutar').fill('19:30')
	await organiser.getByLabel(/^Adress eller plats/).fill('Stadsbiblioteket, Bollbrogatan 1')
	await organiser.getByRole('button', { name: 'Publicera', exact: true }).click()
	await expect(organiser.getByText('Evenemanget är publicerat.')).toBeVisible()
	await expectNoAxeViolations(organiser)
	const manageUrl = new URL(organiser.url()).pathname

	// The resident finds it among their suggestions and signs up.
	await page.reload()
	await page.getByRole('link', { name: title }).first().click()
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Anmäl mig' }).click()
	await expect(page.getByText('Klart! Du är anmäld.')).toBeVisible()

	// At the door, on a phone: the organiser checks the resident in.
	await organiser.setViewportSize({ width: 390, height: 844 })
	await organiser.goto(`${manageUrl}/check-in`)
	await expect(organiser.getByRole('heading', { level: 1 })).toContainText('Insläpp')
	const row = organiser.getByRole('listitem').filter({ hasText: 'Tilda Trappsteg' })
	await row.getByRole('button', { name: 'Checka in' }).click()
	await expect(row.getByText(/Incheckad \d\d:\d\d/)).toBeVisible()
	await expectNoAxeViolations(organiser)

	// The congratulation arrives without the resident opening any page: the check-in promoted them.
	const congratulation = await newestMail(email, { subject: 'Grattis! Du har tagit steg 2: Delta på evenemang' })
	expect(congratulation.text).toContain('Hjälp till på ett evenemang')

	// Their ladder: step 2, celebrated once, with the check-in that got them there.
	await page.goto('/ladder')
	await expect(page.getByText('Du står på steg 2 av 4: Delta på evenemang.')).toBeVisible()
	await expect(
		page.getByRole('status').filter({ hasText: 'Grattis! Du har tagit steg 2: Delta på evenemang.' }),
	).toBeVisible()
	const history = page.locator('.lad-history')
	await expect(history.getByText('Steg 1 → 2')).toBeVisible()
	await expect(history.getByRole('link', { name: title })).toBeVisible()
	await expect(page.getByRole('heading', { level: 2, name: 'Ditt nästa steg' })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.reload()
	await expect(page.getByText('Grattis! Du har tagit steg 2')).toHaveCount(0)

	// They say what they would help with; "My pledge" shows the new step too.
	await page.getByRole('checkbox', { name: 'Evenemang' }).check()
	await page.getByRole('button', { name: 'Spara mina intressen' }).click()
	await expect(page.getByText('Dina intressen är sparade.')).toBeVisible()
	await expect(page.getByRole('checkbox', { name: 'Evenemang' })).toBeChecked()
	await expectNoAxeViolations(page)
	await page.goto('/my-pledge')
	await expect(page.getByText('Du står på steg 2 av 4: Delta på evenemang.')).toBeVisible()
	await expectNoAxeViolations(page)

	// The organiser can see whom to ask.
	await organiser.setViewportSize({ width: 1280, height: 900 })
	await organiser.goto('/ladder/volunteers?interest=events')
	await expect(organiser.getByRole('rowheader', { name: 'Tilda Trappsteg' })).toBeVisible()
	await expectNoAxeViolations(organiser)
})

test('a coordinator sees the funnel and raises a member with a reason', async ({ page }) => {
	test.setTimeout(120_000)
	await page.goto('/login?redirectTo=%2Fadmin%2Fladder')
	await signInWithCode(page, coordinatorEmail)
	await expect(page.getByRole('heading', { level: 1, name: 'Engagemangstrappan – översikt' })).toBeVisible()
	await expect(page.getByRole('heading', { level: 2, name: 'Så många står på varje steg' })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByLabel('Steg', { exact: true }).selectOption('2')
	await page.getByRole('button', { name: 'Filtrera' }).click()
	await expect(page).toHaveURL(/step=2/)
	await expectNoAxeViolations(page)
	const first = page.getByRole('table').getByRole('link').first()
	const name = (await first.textContent())!.trim()
	await first.click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name)
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Spara ändringen' }).click()
	await expect(page.getByText('Skriv en orsak.')).toBeVisible()
	await page.getByRole('radio', { name: '3. Bli aktiv medlem' }).check()
	await page.getByLabel('Orsak').fill('Håller i planeringen av vårens tema')
	await page.getByRole('button', { name: 'Spara ändringen' }).click()
	await expect(page.getByText('Steget är ändrat.')).toBeVisible()
	await expect(page.getByText('Ändrat av Karin Koordinator: Håller i planeringen av vårens tema')).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByRole('link', { name: 'Tillbaka till översikten' }).click()
	await page.getByRole('link', { name: 'Ändra trappans gränser' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Trappans gränser' })).toBeVisible()
	await expectNoAxeViolations(page)
})
