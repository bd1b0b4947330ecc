import { expect, test } from './fixtures.ts'

/**
 * A shared link shows a preview: every public page carries Open Graph and Twitter card tags, and
 * a page with an image names it. Read from the HTML as a link-preview crawler reads it, without
 * running the page's script.
 */
test('every public page has link-preview tags', async ({ request }) => {
	const events = await (await request.get('/events')).text()
	const eventPath = events.match(/href="(\/events\/[a-z0-9-]+)"/)?.[1]
	const themes = await (await request.get('/themes')).text()
	const themePath = themes.match(/href="(\/themes\/[a-z0-9-]+)"/)?.[1]
	const proposals = await (await request.get('/proposals')).text()
	const proposalPath = proposals.match(/href="(\/proposals\/\d+)"/)?.[1]
	expect([eventPath, themePath, proposalPath]).not.toContain(undefined)

	const pages = ['/', '/sign', '/events', '/themes', '/proposals', '/numbers', '/about', '/faq']
	for (const path of [...pages, eventPath!, themePath!, proposalPath!]) {
		const html = await (await request.get(path)).text()
		for (const tag of ['og:title', 'og:description', 'og:url', 'og:site_name'])
			expect(html, `${tag} on ${path}`).toMatch(new RegExp(`<meta property="${tag}" content="[^"]+"`))
		expect(html, `twitter:card on ${path}`).toMatch(/<meta name="twitter:card" content="summary(_large_image)?"/)
	}

	// The demo themes have pictures: their page's preview shows one, with its alt text.
	const themeHtml = await (await request.get(themePath!)).text()
	expect(themeHtml).toMatch(/<meta property="og:image" content="http[^"]+\/images\/[^"]+"/)
	expect(themeHtml).toMatch(/<meta property="og:image:alt" content="[^"]+"/)
})
