import sharp from 'sharp'
import { expect, test } from './fixtures.ts'
import { expectNoAxeViolations, localDate, organiserEmail, signInWithCode } from './helpers.ts'

/**
 * An event with a picture and an English title, in the browser: a file that only pretends to be
 * an image is refused beside the field with everything typed still there; a real one is stored,
 * shown on the event page and its card, and the English site shows the English title.
 */

test.use({ locale: 'sv-SE' })

test('an organiser adds an image and English texts to an event; the English site shows them', async ({
	page,
	browser,
}) => {
	test.setTimeout(180_000)
	const suffix = Date.now().toString(36)
	const title = `Klädbyte med bild ${suffix}`
	const titleEn = `Clothing swap with a picture ${suffix}`

	await page.goto('/events')
	await page.getByRole('link', { name: 'Logga in' }).click()
	await signInWithCode(page, organiserEmail)
	await expect(page.getByRole('heading', { level: 1, name: 'Evenemang' })).toBeVisible()
	await page.goto('/organise/events/new')
	await expect(page.getByRole('heading', { level: 1, name: 'Nytt evenemang' })).toBeVisible()
	await expectNoAxeViolations(page)

	await page.getByLabel('Typ av evenemang').selectOption('clothing-swap')
	await page.getByLabel('Rubrik', { exact: true }).fill(title)
	await page.getByLabel(/^Rubrik på engelska/).fill(titleEn)
	await page.getByLabel(/^Beskrivning på engelska/).fill('Bring whole, clean clothes.')
	await page.getByLabel('Datum', { exact: true }).fill(localDate(15))
	await page.getByLabel('Börjar').fill('11:00')
	await page.getByLabel('Slutar').fill('14:00')
	await page.getByLabel(/^Adress eller plats/).fill('Planteringens bibliotek')

	// Text named like a photo: the server decodes it and says no, next to the field.
	await page.getByLabel('Välj en bild').setInputFiles({
		name: 'semester.jpg',
		mimeType: 'image/jpeg',
		buffer: Buffer.from('ingen bild alls\n'.repeat(50)),
	})
	await page.getByLabel('Beskriv bilden').fill('Tröjor på ett långbord')
	await page.getByRole('button', { name: 'Spara som utkast' }).click()
	await expect(page.getByText('Filen är ingen bild vi kan läsa.', { exact: false })).toBeVisible()
	await expect(page.getByLabel('Rubrik', { exact: true })).toHaveValue(title)
	await expect(page.getByLabel(/^Rubrik på engelska/)).toHaveValue(titleEn)
	await expect(page.getByLabel(/^Adress eller plats/)).toHaveValue('Planteringens bibliotek')
	await expect(page.getByLabel('Beskriv bilden')).toHaveValue('Tröjor på ett långbord')
	await expectNoAxeViolations(page)

	// A real picture this time, and publish.
	const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#1f6f43' } })
		.png()
		.toBuffer()
	await page.getByLabel('Välj en bild').setInputFiles({ name: 'bord.png', mimeType: 'image/png', buffer: png })
	await page.getByRole('button', { name: 'Publicera', exact: true }).click()
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	await expect(page.getByRole('img', { name: 'Tröjor på ett långbord' })).toBeVisible()
	await expectNoAxeViolations(page)

	await page.getByRole('link', { name: 'Visa sidan' }).click()
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
	const picture = page.getByRole('img', { name: 'Tröjor på ett långbord' })
	await expect(picture).toBeVisible()
	// Loaded, and in the first format the browser takes.
	await expect
		.poll(() => picture.evaluate((img: HTMLImageElement) => (img.naturalWidth > 0 ? img.currentSrc : '')))
		.toMatch(/\/images\/\d+-\d+\.avif$/)
	await expectNoAxeViolations(page)
	const eventPath = new URL(page.url()).pathname

	// On the English site, a visitor reads the English title, on the page and in the list.
	const english = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Stockholm' })
	const visitor = await english.newPage()
	await visitor.goto(eventPath)
	await expect(visitor.getByRole('heading', { level: 1, name: titleEn })).toBeVisible()
	await expect(visitor.getByText('Bring whole, clean clothes.')).toBeVisible()
	await expectNoAxeViolations(visitor)
	await visitor.goto('/events')
	await expect(visitor.getByRole('link', { name: titleEn })).toBeVisible()
	await expectNoAxeViolations(visitor)
	await english.close()
})
