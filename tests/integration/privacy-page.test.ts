import { describe, expect, test } from 'vitest'
import routes from '#app/routes.ts'
import { resources } from '#app/i18n/resources.server.ts'
import { supportedLanguages } from '#app/i18n/i18n.ts'
import { getDb } from '#db/index.ts'
import { seedPages } from '#db/seed-pages.ts'

/** The privacy page a deployment starts with, and the footer's promise, say what the app really does. */
const db = getDb()

/** Every path the app answers, from the route table (":param" parts match anything). */
function routePatterns(): RegExp[] {
	const paths = (routes as Array<{ path?: string; index?: boolean }>).map((route) => (route.index ? '' : route.path!))
	return paths.map((path) => new RegExp(`^/${path.replace(/:[^/]+/g, '[^/]+')}$`))
}

describe('the privacy page', () => {
	test('tells how to download and delete, and how long things are kept, in every seeded language; its links lead somewhere', async () => {
		await seedPages(db)
		const pages = await db
			.selectFrom('content_page')
			.select(['language', 'body'])
			.where('slug', '=', 'privacy')
			.execute()
		expect(pages.map((page) => page.language).sort()).toEqual(['en', 'sv'])
		const patterns = routePatterns()
		for (const { body } of pages) {
			expect(body).toContain('](/account/delete)')
			expect(body).toContain('JSON')
			expect(body).toMatch(/## (Hur länge|How long)/)
			const links = [...body.matchAll(/\]\((\/[^)#?]*)\)/g)].map((match) => match[1]!)
			expect(links.length).toBeGreaterThan(2)
			for (const link of links) expect([link, patterns.some((pattern) => pattern.test(link))]).toEqual([link, true])
		}
	})

	test('the footer no longer promises to keep only what people type in, and points to download and delete', () => {
		for (const language of supportedLanguages) {
			const promise = resources[language].common.footer.privacy
			expect(promise).not.toMatch(/(bara|only|kun|bare) /)
			expect(promise.length).toBeGreaterThan(40)
		}
	})
})
