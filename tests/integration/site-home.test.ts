import { describe, expect, test } from 'vitest'
import { confirmSignature, signPledge } from '#app/pledge/pledge.server.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { signInput } from '#tests/support/pledge.ts'
import { callLoader, cookieFor, renderRoute } from '#tests/support/routes.ts'
import * as homeRoute from '#app/routes/home.tsx'
import { getDb } from '#db/index.ts'
import { saveImage } from '#app/images/images.server.ts'
import { pictureFile } from '#tests/support/images.ts'
import { makeTheme } from '#tests/support/themes.ts'

/** The home page: a visitor is asked to sign; a signatory is shown what to do next. */
const db = getDb()
const day = 86_400_000

async function signatory(name: string, { showFirstName = false, confirmedAt = new Date() } = {}) {
	const input = signInput({ name, showFirstName })
	await signPledge(db, input, { language: 'sv', now: confirmedAt })
	const confirmed = await confirmSignature(db, input.email, confirmedAt)
	return confirmed!.userId
}

async function render(loaderData: unknown) {
	return renderRoute({ Component: homeRoute.default, url: '/', loaderData })
}

describe('the home page for a visitor and for a signatory', () => {
	test('a visitor is asked to sign; a signatory sees the next step, the next events and the theme instead', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const soon = await makeEvent(db, organiser.id, new Date(Date.now() + 3 * day), { title: 'Klädbyte på Dunkers' })
		const today = new Date().toISOString().slice(0, 10)
		const later = new Date(Date.now() + 60 * day).toISOString().slice(0, 10)
		await db
			.insertInto('theme')
			.values({
				slug: 'mat',
				title_sv: 'Mat som räcker',
				title_en: 'Food that lasts',
				description_sv: 'Halva matsvinnet bort på ett halvår.',
				description_en: 'Half the food waste gone in half a year.',
				starts_on: today,
				ends_on: later,
				colour: 'green',
				icon: null,
				image_id: null,
				kick_off_event_id: null,
				commitment_category: 'food',
				created_at: new Date().toISOString(),
				updated_at: new Date().toISOString(),
			})
			.execute()

		const visitor = await callLoader(homeRoute, '/')
		expect(visitor.data.member).toBeNull()
		const visitorPage = await render(visitor.data)
		expect(visitorPage).toContain('href="/sign"')
		expect(visitorPage).not.toContain('Ditt nästa steg')

		const userId = await signatory('Alva Lind')
		const member = await callLoader(homeRoute, '/', { cookie: await cookieFor(userId) })
		expect(member.data.member).toMatchObject({ firstName: 'Alva', signatory: true, step: 1 })
		expect(member.data.member.events[0]).toMatchObject({ slug: soon.slug, title: 'Klädbyte på Dunkers' })
		expect(member.data.member.suggestions.map((s: { slug: string }) => s.slug)).toContain(soon.slug)
		expect(member.data.member.theme).toMatchObject({ slug: 'mat', title: 'Mat som räcker' })

		const page = await render(member.data)
		expect(page).toContain('Hej Alva!')
		expect(page).toContain('Ditt nästa steg')
		expect(page).toContain('Nästa steg: Delta på evenemang')
		expect(page).toContain(`href="/events/${soon.slug}"`)
		expect(page).toContain('href="/themes/mat"')
		// The sign button is the visitor's; a signatory has signed.
		expect(page).not.toContain('href="/sign"')
	})

	test('a signed-in person who has not signed still sees the sign button', async () => {
		const person = await makeUser(db)
		const answer = await callLoader(homeRoute, '/', { cookie: await cookieFor(person.id) })
		expect(answer.data.member.signatory).toBe(false)
		expect(await render(answer.data)).toContain('href="/sign"')
	})
})

describe("the home page's theme card", () => {
	test('shows the current theme with its icon and, small, its picture with its alt text', async () => {
		const saved = await saveImage(db, await pictureFile(1000, 500), 'Odlingsbäddar med gröna plantor')
		if (!saved.ok) throw new Error(saved.error)
		const today = new Date().toISOString().slice(0, 10)
		const later = new Date(Date.now() + 60 * day).toISOString().slice(0, 10)
		// The one theme running: the earlier test's has been replaced by this one's dates.
		await db.deleteFrom('theme').execute()
		await makeTheme(db, {
			slug: 'mat-med-bild',
			titleSv: 'Mat med bild',
			icon: 'carrot',
			startsOn: today,
			endsOn: later,
		})
		await db.updateTable('theme').set({ image_id: saved.imageId }).execute()

		const userId = await signatory('Bea Lund')
		const member = await callLoader(homeRoute, '/', { cookie: await cookieFor(userId) })
		expect(member.data.member.theme).toMatchObject({
			title: 'Mat med bild',
			icon: 'carrot',
			image: { id: saved.imageId, alt: 'Odlingsbäddar med gröna plantor', width: 1000, height: 500 },
		})
		const page = await render(member.data)
		expect(page).toContain('<picture class="member-theme-picture">')
		expect(page).toContain('alt="Odlingsbäddar med gröna plantor" width="1000" height="500" loading="lazy"')
		expect(page).toMatch(/<h2 id="theme-title"><svg class="theme-icon"[^>]*aria-hidden="true"/)
	})
})

describe('the first names on the home page', () => {
	test('shows only those who chose to, newest first, first names only', async () => {
		const start = Date.now() - 10 * day
		await signatory('Greta Ek', { showFirstName: true, confirmedAt: new Date(start) })
		await signatory('Hemlig Person', { showFirstName: false, confirmedAt: new Date(start + day) })
		await signatory('Ida Berg', { showFirstName: true, confirmedAt: new Date(start + 2 * day) })
		// Chose to show it, but has not confirmed: not a signatory yet.
		await signPledge(db, signInput({ name: 'Olle Obekräftad', showFirstName: true }), { language: 'sv' })

		const answer = await callLoader(homeRoute, '/')
		const names: string[] = answer.data.firstNames
		expect(names.indexOf('Ida')).toBeGreaterThanOrEqual(0)
		expect(names.indexOf('Ida')).toBeLessThan(names.indexOf('Greta'))
		expect(names).not.toContain('Hemlig')
		expect(names).not.toContain('Olle')
		const page = await render(answer.data)
		expect(page).toContain('<bdi>Ida</bdi>')
		expect(page).not.toContain('Berg')
	})
})
