import { describe, expect, test } from 'vitest'
import { socialMeta } from '#app/common/social.ts'
import { saveContentPage } from '#app/pages/pages.server.ts'
import { makeUser } from '#tests/support/events.ts'
import { callAction, callLoader, cookieFor } from '#tests/support/routes.ts'
import * as adminPageEdit from '#app/routes/admin-page-edit.tsx'
import * as adminPages from '#app/routes/admin-pages.tsx'
import * as contentPage from '#app/routes/content-page.tsx'
import * as eventsRoute from '#app/routes/events.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import * as signRoute from '#app/routes/sign.tsx'
import { getDb } from '#db/index.ts'

/** The pact's own pages: coordinators write them, everyone reads them, in each language. */
const db = getDb()

describe('content pages', () => {
	test('a coordinator writes the FAQ in English; readers see it, Swedish readers see the Swedish one', async () => {
		const coordinator = await makeUser(db, { name: 'Karin Koordinator', role: 'coordinator' })
		await saveContentPage(
			db,
			{ slug: 'faq', language: 'sv', title: 'Frågor och svar', body: '## Kan grannen skriva under?\n\nJa.' },
			null,
		)
		const cookie = await cookieFor(coordinator.id)

		const saved = await callAction(adminPageEdit, '/admin/pages/faq/en', {
			cookie,
			params: { slug: 'faq', language: 'en' },
			form: { title: 'Questions and answers', body: '## Can my neighbour sign?\n\nYes, counted apart.' },
		})
		expect(saved.status).toBe(303)
		expect(saved.location).toBe('/admin/pages/faq/en?done=saved')

		const en = await callLoader(contentPage, '/faq', { language: 'en' })
		expect(en.data.page.title).toBe('Questions and answers')
		expect(en.data.page.html).toContain('<h2>Can my neighbour sign?</h2>')
		const sv = await callLoader(contentPage, '/faq', { language: 'sv' })
		expect(sv.data.page.title).toBe('Frågor och svar')

		const list = await callLoader(adminPages, '/admin/pages', { cookie })
		expect(list.data.rows).toContainEqual(
			expect.objectContaining({
				slug: 'faq',
				language: 'en',
				title: 'Questions and answers',
				changedBy: 'Karin Koordinator',
			}),
		)
	})

	test('a page not yet written in English shows the Swedish one, marked as Swedish; an unwritten page is a 404', async () => {
		await saveContentPage(db, { slug: 'about', language: 'sv', title: 'Om avtalet', body: 'Vi är många.' }, null)
		const about = await callLoader(contentPage, '/about', { language: 'en' })
		expect(about.data.page).toMatchObject({ title: 'Om avtalet', language: 'sv' })
		expect(about.data.otherLanguage).toBe(true)
		const missing = await callLoader(contentPage, '/contact')
		expect(missing.status).toBe(404)
	})

	test('only coordinators edit, and bad input gets a message beside the field and changes nothing', async () => {
		const coordinator = await makeUser(db, { role: 'coordinator' })
		const organiser = await makeUser(db, { role: 'organiser' })
		const args = (cookie?: string) => ({
			cookie,
			params: { slug: 'privacy', language: 'sv' },
			form: { title: 'Personuppgifter', body: 'Vi sparar lite.' },
		})

		expect((await callLoader(adminPages, '/admin/pages', { cookie: await cookieFor(organiser.id) })).status).toBe(403)
		expect(
			(await callAction(adminPageEdit, '/admin/pages/privacy/sv', args(await cookieFor(organiser.id)))).status,
		).toBe(403)
		const visitor = await callAction(adminPageEdit, '/admin/pages/privacy/sv', args())
		expect(visitor.status).toBe(302)
		expect(visitor.location).toMatch(/^\/login/)

		const cookie = await cookieFor(coordinator.id)
		const bad = await callAction(adminPageEdit, '/admin/pages/privacy/sv', {
			cookie,
			params: { slug: 'privacy', language: 'sv' },
			form: { title: 'Rad ett\nrad två', body: '   ' },
		})
		expect(bad.status).toBe(400)
		expect(bad.data.error.title).toEqual(['Rubriken kan inte innehålla radbrytningar eller styrtecken.'])
		expect(bad.data.error.body).toEqual(['Fyll i det här fältet.'])
		expect(await db.selectFrom('content_page').select('slug').where('slug', '=', 'privacy').execute()).toEqual([])

		const unknown = await callLoader(adminPageEdit, '/admin/pages/secret/sv', {
			cookie,
			params: { slug: 'secret', language: 'sv' },
		})
		expect(unknown.status).toBe(404)
	})
})

describe('social meta', () => {
	test('gives Open Graph and Twitter tags, with the large card only when there is an image', () => {
		const plain = socialMeta({ title: 'T', description: 'D', url: 'https://pakt.example/' })
		expect(plain).toContainEqual({ property: 'og:url', content: 'https://pakt.example/' })
		expect(plain).toContainEqual({ name: 'twitter:card', content: 'summary' })
		expect(plain.some((tag) => 'property' in tag && tag.property === 'og:image')).toBe(false)
		const pictured = socialMeta({
			title: 'T',
			description: 'D',
			url: 'https://pakt.example/',
			image: { url: 'https://pakt.example/i.jpg', alt: 'Folk vid ett klädbyte' },
		})
		expect(pictured).toContainEqual({ property: 'og:image', content: 'https://pakt.example/i.jpg' })
		expect(pictured).toContainEqual({ property: 'og:image:alt', content: 'Folk vid ett klädbyte' })
		expect(pictured).toContainEqual({ name: 'twitter:card', content: 'summary_large_image' })
	})

	test('the public pages give a title, description and their own address to link previews', async () => {
		await saveContentPage(
			db,
			{ slug: 'accessibility', language: 'sv', title: 'Tillgänglighet', body: 'Vi följer DOS-lagen.' },
			null,
		)
		const pages: Array<[{ meta: (args: never) => unknown; loader?: unknown }, string]> = [
			[homeRoute, '/'],
			[signRoute, '/sign'],
			[eventsRoute, '/events'],
			[contentPage, '/accessibility'],
		]
		for (const [route, path] of pages) {
			const answer = await callLoader(route as never, path)
			const tags = (route.meta as (args: { data: unknown }) => Array<Record<string, string>>)({ data: answer.data })
			const og = (property: string) => tags.find((tag) => tag.property === property)?.content
			expect(og('og:title'), path).toBeTruthy()
			expect(og('og:description'), path).toBeTruthy()
			expect(og('og:url'), path).toBe(`http://localhost:3000${path}`)
			expect(tags.find((tag) => tag.name === 'twitter:card')?.content, path).toBe('summary')
		}
	})
})
