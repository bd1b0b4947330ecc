import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { newCoordinator, expectNoAxeViolations, signInWithCode } from './helpers.ts'

/**
 * The partnership day in the browser, on the demo content: a partner's contact finds the coming
 * day from its event, signs up with what the partner offers and seeks; a coordinator makes the
 * rounds and opens the room's schedule to print; the partner then sees its table. On the past
 * day a coordinator records a pledge and a partner answers the follow-up. Axe on every page.
 */

test.use({ locale: 'sv-SE' })

const upcomingDay = 'Partnerskapsdag: nya samarbeten över gränserna'
const pastDay = 'Första partnerskapsdagen för klimatpartner'
// Screenshots for people to look at, when LOOK_DIR says where.
const lookDir = process.env.LOOK_DIR
const look = async (page: Page, name: string) => {
	if (!lookDir) return
	fs.mkdirSync(lookDir, { recursive: true })
	await page.screenshot({ path: `${lookDir}/${name}.png`, fullPage: true })
}

test('a partner signs up, a coordinator makes the rounds and prints them, the partner sees its table', async ({
	page,
	newPerson,
}) => {
	test.setTimeout(180_000)

	// The event says it is a partnership day and leads to the day's page, through signing in.
	await page.goto('/events')
	await page.getByRole('link', { name: upcomingDay }).first().click()
	await expect(page.getByRole('heading', { level: 1, name: upcomingDay })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByRole('link', { name: 'Till partnerskapsdagen' }).click()
	await signInWithCode(page, 'erik.snickare@klimatpakt.example')
	await expect(page.getByRole('heading', { level: 1, name: upcomingDay })).toBeVisible()
	await expect(page.getByText('5 partner är anmälda.')).toBeVisible()
	await expectNoAxeViolations(page)

	// Nothing written: a message beside the field.
	await page.getByRole('button', { name: 'Anmäl Ramlösa Snickeri' }).click()
	await expect(page.getByText('Skriv minst ett ämne, i det ni erbjuder eller det ni söker.')).toBeVisible()
	await expect(page.getByLabel('Vi erbjuder')).toHaveAttribute('aria-invalid', 'true')
	await expectNoAxeViolations(page)
	await page.getByLabel('Vi erbjuder').fill('Återbruk,  begagnad utrustning')
	await page.getByLabel('Vi söker').fill('lokaler, Praktikplatser, lokaler')
	await page.getByRole('button', { name: 'Anmäl Ramlösa Snickeri' }).click()
	await expect(page.getByText('Tack! Ni är anmälda.')).toBeVisible()
	await expect(page.getByText('6 partner är anmälda.')).toBeVisible()
	const ours = page.locator('.attendee-list li', { has: page.getByRole('heading', { name: 'Ramlösa Snickeri' }) })
	await expect(ours.locator('.tag-list').nth(1)).toHaveText(/lokaler\s*praktikplatser/)
	await expectNoAxeViolations(page)
	const dayUrl = page.url().replace(/[?#].*$/, '')

	// A coordinator makes four rounds and opens the room's schedule.
	const coordinator = await newPerson()
	await coordinator.goto('/admin/partnership-days')
	const coordinatorEmail = await newCoordinator()
	await signInWithCode(coordinator, coordinatorEmail)
	await expect(coordinator.getByRole('heading', { level: 1, name: 'Partnerskapsdagar' })).toBeVisible()
	await expectNoAxeViolations(coordinator)
	await coordinator.getByRole('link', { name: upcomingDay }).click()
	await expect(coordinator.getByRole('heading', { level: 1, name: `Samordna: ${upcomingDay}` })).toBeVisible()
	await expect(coordinator.getByRole('row', { name: /Ramlösa Snickeri/ })).toContainText('begagnad utrustning')
	await expectNoAxeViolations(coordinator)
	await coordinator.getByLabel('Antal omgångar').fill('6')
	await coordinator.getByRole('button', { name: 'Gör omgångarna' }).click()
	await expect(coordinator.getByText('Med 6 anmälda partner går det att ha högst 5 omgångar.')).toBeVisible()
	await expectNoAxeViolations(coordinator)
	await coordinator.getByLabel('Antal omgångar').fill('4')
	await coordinator.getByLabel('Minuter per omgång').fill('8')
	await coordinator.getByLabel('Första omgången börjar').fill('09:30')
	await coordinator.getByRole('button', { name: 'Gör omgångarna' }).click()
	await expect(coordinator.getByText('Omgångarna är gjorda.')).toBeVisible()
	await expectNoAxeViolations(coordinator)
	await look(coordinator, 'admin-day')

	await coordinator.getByRole('link', { name: 'Schemat för lokalen (att skriva ut)' }).click()
	await expect(coordinator.getByRole('heading', { level: 1, name: `Schema för lokalen: ${upcomingDay}` })).toBeVisible()
	await expect(coordinator.getByRole('heading', { level: 2 })).toHaveText([
		'Omgång 1, 09:30–09:38',
		'Omgång 2, 09:38–09:46',
		'Omgång 3, 09:46–09:54',
		'Omgång 4, 09:54–10:02',
	])
	// Six partners: three tables in every round.
	await expect(coordinator.locator('.room-round').first().locator('tbody tr')).toHaveCount(3)
	await expect(coordinator.getByRole('button', { name: 'Skriv ut' })).toBeVisible()
	await expectNoAxeViolations(coordinator)
	await look(coordinator, 'room')
	// On paper only the schedule: no site header, no buttons.
	await coordinator.emulateMedia({ media: 'print' })
	await expect(coordinator.locator('.site-header')).toBeHidden()
	await expect(coordinator.getByRole('button', { name: 'Skriv ut' })).toBeHidden()
	await expect(coordinator.getByRole('heading', { name: 'Omgång 4, 09:54–10:02' })).toBeVisible()
	await look(coordinator, 'room-print')

	// The partner sees its own table in every round.
	await page.goto(dayUrl)
	await expect(page.getByRole('heading', { level: 2, name: 'Ert schema' })).toBeVisible()
	const rows = page.locator('.schedule-table tbody tr')
	await expect(rows).toHaveCount(4)
	await expect(rows.first()).toContainText('09:30–09:38')
	await expect(rows.first().locator('.table-number')).toHaveText(/^[1-3]$/)
	await expectNoAxeViolations(page)
	await look(page, 'partner-day')
	await page.setViewportSize({ width: 390, height: 844 })
	await expectNoAxeViolations(page)
	await look(page, 'partner-day-phone')
})

test('a coordinator records a pledge on the past day and a partner answers its follow-up', async ({
	page,
	newPerson,
}) => {
	test.setTimeout(120_000)
	const coordinator = await newPerson()
	await coordinator.goto('/admin/partnership-days')
	const coordinatorEmail = await newCoordinator()
	await signInWithCode(coordinator, coordinatorEmail)
	await coordinator.getByRole('link', { name: pastDay }).click()
	await expect(coordinator.getByText('5 omgångar om 10 minuter är gjorda', { exact: false })).toBeVisible()
	await coordinator.getByRole('link', { name: 'Handlingslöften och uppföljning' }).click()
	await expect(coordinator.getByRole('heading', { level: 1, name: `Handlingslöften: ${pastDay}` })).toBeVisible()
	await expectNoAxeViolations(coordinator)
	await coordinator.getByLabel('Partner', { exact: true }).selectOption({ label: 'Bageriet Kärnan' })
	await coordinator
		.getByRole('textbox', { name: 'Handlingslöftet' })
		.fill('Vi byter till returlådor för alla leveranser.')
	await coordinator.getByRole('button', { name: 'Anteckna' }).click()
	await expect(coordinator.getByText('Handlingslöftet är antecknat.')).toBeVisible()
	await expectNoAxeViolations(coordinator)
	await look(coordinator, 'admin-pledges')

	await page.goto('/admin/partnership-days')
	await signInWithCode(page, 'lina.bagare@klimatpakt.example')
	// Not a coordinator: refused.
	await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible()
	await page.goto('/events?when=past')
	await page.getByRole('link', { name: pastDay }).first().click()
	await page.getByRole('link', { name: 'Till partnerskapsdagen' }).click()
	await expect(page.getByRole('heading', { level: 1, name: pastDay })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByRole('link', { name: 'Era handlingslöften och uppföljningen' }).click()
	await expect(page.getByRole('heading', { level: 1, name: `Handlingslöften: ${pastDay}` })).toBeVisible()
	await expectNoAxeViolations(page)
	const pledge = page.locator('.pledge-list li', { hasText: 'Vi byter till returlådor för alla leveranser.' })
	await pledge.getByRole('button', { name: 'Spara svaret' }).click()
	await expect(pledge.getByText('Välj hur det har gått.')).toBeVisible()
	await pledge.getByRole('radio', { name: 'Pågår' }).check()
	await pledge.getByLabel('Kommentar').fill('Hälften av kunderna har fått lådor.')
	await pledge.getByRole('button', { name: 'Spara svaret' }).click()
	await expect(page.getByText('Tack för svaret!')).toBeVisible()
	await expect(pledge.locator('.answer-badge')).toHaveText('Pågår')
	await expectNoAxeViolations(page)
	await look(page, 'partner-pledges')
})
