import { describe, expect, test } from 'vitest'
import { utcToLocal } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import * as eventPage from '#app/routes/events-event.tsx'
import * as list from '#app/routes/events.tsx'
import * as editEvent from '#app/routes/organise-event.tsx'
import * as newEvent from '#app/routes/organise-event-new.tsx'
import { saveImage } from '#app/images/images.server.ts'
import { getDb } from '#db/index.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { fileOfSize, pictureFile, textPretendingToBeJpeg } from '#tests/support/images.ts'
import { callAction, callLoader, cookieFor, renderRoute } from '#tests/support/routes.ts'

// A small upload limit for this file (about 50 kB). The settings have loaded by now (the test
// set-up imports the app's area registrations), so it is set on them as IMAGE_MAX_MB would.
config.imageMaxBytes = Math.round(0.05 * 1024 * 1024)

const db = getDb()
const DAY = 86_400_000
const ti = await getT('sv', 'images')

function localIn(days: number) {
	return utcToLocal(new Date(Date.now() + days * DAY), 'Europe/Stockholm').date
}

/** The event form as an organiser fills it in, with an image field. */
function eventForm(fields: Record<string, string | File>): FormData {
	const form = new FormData()
	const all: Record<string, string | File> = {
		intent: 'save',
		type: 'clothing-swap',
		title: 'Klädbyte i Planteringen',
		description: 'Ta med **hela och rena** plagg.',
		titleEn: 'Clothing swap in Planteringen',
		descriptionEn: 'Bring **whole, clean** clothes.',
		date: localIn(12),
		startTime: '11:00',
		endTime: '14:00',
		place: 'Planteringens bibliotek',
		reminderHours: '24',
		repeat: 'none',
		...fields,
	}
	for (const [key, value] of Object.entries(all)) form.append(key, value)
	return form
}

async function eventsTitled(title: string) {
	return db.selectFrom('event').selectAll().where('title', '=', title).execute()
}

describe('events in two languages', () => {
	test('the English site shows the English title and description, the Swedish site the Swedish', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, new Date(Date.now() + 5 * DAY), {
			title: 'Klimatfika på Söder',
			description: 'Vi pratar om **cykling**.',
			titleEn: 'Climate fika in Söder',
			descriptionEn: 'We talk about **cycling**.',
		})
		const url = `/events/${event.slug}`
		const en = await callLoader(eventPage, url, { params: { event: event.slug }, language: 'en' })
		expect(en.data.event).toMatchObject({ title: 'Climate fika in Söder', titleLang: 'en' })
		expect(en.data.descriptionHtml).toContain('<strong>cycling</strong>')
		expect(en.data.descriptionLang).toBe('en')
		const sv = await callLoader(eventPage, url, { params: { event: event.slug }, language: 'sv' })
		expect(sv.data.event.title).toBe('Klimatfika på Söder')
		expect(sv.data.descriptionHtml).toContain('<strong>cykling</strong>')

		// The list's cards pick the title by the page's language.
		const listEn = await callLoader(list, '/events', { language: 'en' })
		const html = await renderRoute({ Component: list.default, url: '/events', loaderData: listEn.data, language: 'en' })
		expect(html).toContain('Climate fika in Söder')
		expect(html).not.toContain('Klimatfika på Söder')
	})

	test('without English the English site shows the Swedish, marked as Swedish', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, new Date(Date.now() + 6 * DAY), {
			title: 'Filmkväll i Ödåkra',
			description: 'Dokumentär och samtal.',
		})
		const en = await callLoader(eventPage, `/events/${event.slug}`, { params: { event: event.slug }, language: 'en' })
		expect(en.data.event).toMatchObject({ title: 'Filmkväll i Ödåkra', titleLang: 'sv' })
		expect(en.data.descriptionHtml).toContain('Dokumentär och samtal.')
		expect(en.data.descriptionLang).toBe('sv')
		const html = await renderRoute({
			Component: eventPage.default,
			url: `/events/${event.slug}`,
			loaderData: en.data,
			language: 'en',
		})
		expect(html).toContain('<h1 lang="sv">Filmkväll i Ödåkra</h1>')
	})

	test('an event with an image shows it, and its page carries Open Graph and Twitter tags with it', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const saved = await saveImage(db, await pictureFile(900, 600), 'Klädhängare i rad')
		if (!saved.ok) throw new Error(saved.error)
		const event = await makeEvent(db, organiser.id, new Date(Date.now() + 7 * DAY), {
			title: 'Klädbyte med bild',
			imageId: saved.imageId,
		})
		const page = await callLoader(eventPage, `/events/${event.slug}`, { params: { event: event.slug } })
		expect(page.data.image).toMatchObject({ id: saved.imageId, alt: 'Klädhängare i rad', width: 900, height: 600 })
		const meta = eventPage.meta({ data: page.data } as Parameters<typeof eventPage.meta>[0])
		expect(meta).toContainEqual({
			property: 'og:image',
			content: expect.stringMatching(`/images/${saved.imageId}-og.jpg$`),
		})
		expect(meta).toContainEqual({ name: 'twitter:card', content: 'summary_large_image' })
		expect(meta).toContainEqual({ property: 'og:title', content: 'Klädbyte med bild' })

		const html = await renderRoute({
			Component: eventPage.default,
			url: `/events/${event.slug}`,
			loaderData: page.data,
		})
		expect(html).toContain(`type="image/avif" srcSet="/images/${saved.imageId}-400.avif 400w`)
		expect(html).toContain('alt="Klädhängare i rad" width="900" height="600"')

		const listed = await callLoader(list, '/events')
		const card = listed.data.groups
			.flatMap((g: { events: unknown[] }) => g.events)
			.find((e: { id: number }) => e.id === event.id)
		expect(card.image).toMatchObject({ id: saved.imageId })
	})
})

describe('the event form with an image', () => {
	test('creates an event with its image and English texts', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const form = eventForm({
			title: 'Klädbyte med foto',
			image: await pictureFile(600, 400),
			imageAlt: 'Ett bord fullt av tröjor',
		})
		const answer = await callAction(newEvent, '/organise/events/new', { cookie: await cookieFor(organiser.id), form })
		expect(answer.status).toBe(302)
		const [event] = await eventsTitled('Klädbyte med foto')
		expect(event).toMatchObject({
			title_en: 'Clothing swap in Planteringen',
			description_en: 'Bring **whole, clean** clothes.',
		})
		const image = await db.selectFrom('image').selectAll().where('id', '=', event!.image_id!).executeTakeFirstOrThrow()
		expect(image).toMatchObject({ alt: 'Ett bord fullt av tröjor', width: 600, created_by: organiser.id })
	})

	test('a text file named .jpg is refused beside the field, and everything typed comes back', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const form = eventForm({ title: 'Klädbyte utan bild', image: textPretendingToBeJpeg(), imageAlt: 'Semesterbild' })
		const answer = await callAction(newEvent, '/organise/events/new', { cookie: await cookieFor(organiser.id), form })
		expect(answer.status).toBe(400)
		expect(answer.data.image).toMatchObject({ current: null, alt: 'Semesterbild', error: ti('errors.notAnImage') })
		expect(answer.data.result.initialValue).toMatchObject({
			title: 'Klädbyte utan bild',
			titleEn: 'Clothing swap in Planteringen',
			description: 'Ta med **hela och rena** plagg.',
			place: 'Planteringens bibliotek',
			startTime: '11:00',
		})
		expect(await eventsTitled('Klädbyte utan bild')).toEqual([])
	})

	test('an image over the limit is refused while it is read, with a message, and the typed fields come back', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		// The image field comes last in the form, as on the page.
		const form = eventForm({ title: 'Klädbyte med jättebild' })
		form.append('imageAlt', 'Stor bild')
		form.append('image', fileOfSize(200 * 1024))
		form.append('intent', 'publish')
		const answer = await callAction(newEvent, '/organise/events/new', { cookie: await cookieFor(organiser.id), form })
		expect(answer.status).toBe(400)
		expect(answer.data.image.error).toBe(ti('errors.tooLarge', { max: 0.1 }))
		expect(answer.data.result.initialValue).toMatchObject({
			title: 'Klädbyte med jättebild',
			place: 'Planteringens bibliotek',
		})
		expect(await eventsTitled('Klädbyte med jättebild')).toEqual([])
	})

	test('a good image is kept when another field is wrong, and used when the form is sent again', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const cookie = await cookieFor(organiser.id)
		const first = await callAction(newEvent, '/organise/events/new', {
			cookie,
			form: eventForm({ title: '', image: await pictureFile(500, 300), imageAlt: 'Kaffekoppar' }),
		})
		expect(first.status).toBe(400)
		const kept = first.data.image.current
		expect(kept).toMatchObject({ alt: 'Kaffekoppar', width: 500 })
		expect(first.data.result.initialValue.imageId).toBe(String(kept.id))

		const second = await callAction(newEvent, '/organise/events/new', {
			cookie,
			form: eventForm({ title: 'Fika med kvarhållen bild', imageId: String(kept.id), imageAlt: 'Kaffekoppar' }),
		})
		expect(second.status).toBe(302)
		const [event] = await eventsTitled('Fika med kvarhållen bild')
		expect(event!.image_id).toBe(kept.id)
	})

	test('editing keeps the image unless removed, and an alt text is required', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const cookie = await cookieFor(organiser.id)
		const saved = await saveImage(db, await pictureFile(400, 300), 'Cyklar')
		if (!saved.ok) throw new Error(saved.error)
		const event = await makeEvent(
			db,
			organiser.id,
			new Date(Date.now() + 9 * DAY),
			{ imageId: saved.imageId },
			{ now: new Date() },
		)
		const url = `/organise/events/${event.id}`
		const loaded = await callLoader(editEvent, url, { cookie, params: { eventId: String(event.id) } })
		expect(loaded.data.image.current).toMatchObject({ id: saved.imageId, alt: 'Cyklar' })

		const noAlt = await callAction(editEvent, url, {
			cookie,
			params: { eventId: String(event.id) },
			form: eventForm({ title: 'Cykeltur', imageId: String(saved.imageId), imageAlt: '' }),
		})
		expect(noAlt.status).toBe(400)
		expect(noAlt.data.image.error).toBe(ti('errors.altMissing'))

		const removed = await callAction(editEvent, url, {
			cookie,
			params: { eventId: String(event.id) },
			form: eventForm({ title: 'Cykeltur', imageId: String(saved.imageId), imageAlt: 'Cyklar', imageRemove: 'on' }),
		})
		expect(removed.status).toBe(302)
		const row = await db
			.selectFrom('event')
			.select(['image_id', 'title'])
			.where('id', '=', event.id)
			.executeTakeFirstOrThrow()
		expect(row).toEqual({ image_id: null, title: 'Cykeltur' })
	})
})
