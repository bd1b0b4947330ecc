import { describe, expect, test } from 'vitest'
import { emailProfile, markdownToHtml } from '#app/common/markdown.server.ts'
import { config } from '#app/config.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import { TemplateCache, toOutgoingEmail } from '#app/mail/outbox.server.ts'
import { createNewsletter } from '#app/newsletters/campaigns.server.ts'
import { runNewsletters } from '#app/newsletters/queueing.server.ts'
import { storyBlock } from '#app/newsletters/story-blocks.server.ts'
import { approvedStory } from '#app/stories/stories.server.ts'
import * as page from '#app/routes/admin-newsletters-newsletter.tsx'
import type { StoryStatus } from '#db/schema.ts'
import { getDb } from '#db/index.ts'
import { makeUser } from '#tests/support/events.ts'
import { addSignatories } from '#tests/support/newsletters.ts'
import { callAction, callLoader, cookieFor } from '#tests/support/routes.ts'
import { approvedPartner } from '#tests/support/stories.ts'

/** Partner stories placed in a newsletter by a coordinator (issue 11). */
const db = getDb()
const t = await getT('sv', 'newsletters')

async function story(status: StoryStatus, { title = 'Vi cyklar ut brödet', withImage = false } = {}) {
	const partner = await approvedPartner(db, { name: 'Bageriet Kärnan' })
	const now = new Date().toISOString()
	const image = withImage
		? await db
				.insertInto('image')
				.values({ alt: 'En lådcykel full av bröd', width: 1600, height: 1067, created_by: null, created_at: now })
				.returning('id')
				.executeTakeFirstOrThrow()
		: null
	const row = await db
		.insertInto('story')
		.values({
			partner_id: partner.id,
			author_id: partner.person.id,
			title,
			body: 'Sedan i våras levererar vi allt bröd med **lådcykel** i centrum.\n\n- Ingen bil\n- Fler kunder',
			image_id: image?.id ?? null,
			status,
			approved_at: status === 'approved' ? now : null,
			created_at: now,
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return { id: row.id, imageId: image?.id ?? null }
}

async function draftNewsletter() {
	const coordinator = await makeUser(db, { role: 'coordinator', name: 'Karin Koordinator' })
	const id = await createNewsletter(db, coordinator.id, 'Höstbrevet')
	return { id, cookie: await cookieFor(coordinator.id), url: `/admin/newsletters/${id}` }
}

function composeForm(fields: Record<string, string> = {}) {
	return {
		title: 'Höstbrevet',
		subjectSv: 'Nytt från klimatavtalet',
		preheaderSv: '',
		bodySv: 'Hej!\n\nHär är höstens nyheter.',
		subjectEn: '',
		preheaderEn: '',
		bodyEn: '',
		residency: 'all',
		...fields,
	}
}

async function bodyOf(newsletterId: number, language: 'sv' | 'en') {
	const row = await db
		.selectFrom('newsletter_version')
		.select('body')
		.where('newsletter_id', '=', newsletterId)
		.where('language', '=', language)
		.executeTakeFirst()
	return row?.body
}

describe('placing a partner story in a newsletter', () => {
	test('goes in at the end of the chosen version, shows in the preview, and the sent newsletter has its title and link', async () => {
		const { id: storyId, imageId } = await story('approved', { withImage: true })
		const newsletter = await draftNewsletter()
		const { cookie, url } = newsletter

		const offered = await callLoader(page, url, { cookie, params: { newsletterId: String(newsletter.id) } })
		expect(offered.data.stories).toContainEqual(
			expect.objectContaining({ id: storyId, title: 'Vi cyklar ut brödet', partner: 'Bageriet Kärnan' }),
		)

		const placed = await callAction(page, url, {
			cookie,
			params: { newsletterId: String(newsletter.id) },
			form: composeForm({ intent: 'place-story', storyId: String(storyId), storyVersion: 'sv' }),
		})
		expect(placed.location).toBe(`${url}?done=story-placed`)
		const body = await bodyOf(newsletter.id, 'sv')
		expect(body).toMatch(/^Hej!\n\nHär är höstens nyheter\.\n\n## Vi cyklar ut brödet\n/)
		expect(body).toContain(`![En lådcykel full av bröd](${config.appUrl}/images/${imageId}-800.jpg)`)
		expect(body).toContain(`[Läs hela berättelsen från Bageriet Kärnan](${config.appUrl}/stories/${storyId})`)

		const preview = await callLoader(page, `${url}?done=story-placed`, {
			cookie,
			params: { newsletterId: String(newsletter.id) },
		})
		expect(preview.data.flash).toEqual({ key: 'story-placed', count: 0 })
		expect(preview.data.defaults.bodySv).toBe(body)
		expect(preview.data.previewHtml).toContain(`href="${config.appUrl}/stories/${storyId}"`)

		const [reader] = await addSignatories(db, 1, { name: 'Rut Läsare' })
		const sent = await callAction(page, url, {
			cookie,
			params: { newsletterId: String(newsletter.id) },
			form: composeForm({ intent: 'send', bodySv: body! }),
		})
		const confirmed = await callAction(page, url, {
			cookie,
			params: { newsletterId: String(newsletter.id) },
			form: { intent: 'confirm-send', count: String(sent.data.confirmSend) },
		})
		expect(confirmed.location).toBe(`${url}?done=started`)
		await runNewsletters(db)
		const row = await db
			.selectFrom('outbox')
			.selectAll()
			.where('to_address', '=', reader!.email)
			.executeTakeFirstOrThrow()
		const email = await toOutgoingEmail(row, new TemplateCache(db))
		expect(email.html).toContain('Vi cyklar ut brödet')
		expect(email.html).toContain(`href="${config.appUrl}/stories/${storyId}"`)
		expect(email.html).toContain(`src="${config.appUrl}/images/${imageId}-800.jpg"`)
		expect(email.text).toContain(`${config.appUrl}/stories/${storyId}`)
	})

	test('a story that is not published cannot be placed: the field says so and nothing is saved', async () => {
		const newsletter = await draftNewsletter()
		const waiting = await story('submitted')
		const rejected = await story('rejected')
		for (const storyId of [String(waiting.id), String(rejected.id), '999999', 'x']) {
			const answer = await callAction(page, newsletter.url, {
				cookie: newsletter.cookie,
				params: { newsletterId: String(newsletter.id) },
				form: composeForm({ intent: 'place-story', storyId, storyVersion: 'sv' }),
			})
			expect(answer.status).toBe(400)
			expect(answer.data.result.error.storyId).toEqual([t('errors.storyNotPublished')])
		}
		const none = await callAction(page, newsletter.url, {
			cookie: newsletter.cookie,
			params: { newsletterId: String(newsletter.id) },
			form: composeForm({ intent: 'place-story', storyVersion: 'sv' }),
		})
		expect(none.data.result.error.storyId).toEqual([t('errors.storyMissing')])
		expect(await bodyOf(newsletter.id, 'sv')).toBeUndefined()
	})

	test('a version without a subject line is pointed out rather than losing the story', async () => {
		const { id: storyId } = await story('approved')
		const newsletter = await draftNewsletter()
		const answer = await callAction(page, newsletter.url, {
			cookie: newsletter.cookie,
			params: { newsletterId: String(newsletter.id) },
			form: composeForm({ intent: 'place-story', storyId: String(storyId), storyVersion: 'en' }),
		})
		expect(answer.status).toBe(400)
		expect(answer.data.result.error.subjectEn).toEqual([t('errors.storySubjectFirst')])
		expect(await bodyOf(newsletter.id, 'en')).toBeUndefined()
	})

	test("markup in a story's title and words stays text in the newsletter", async () => {
		const { id } = await story('approved', { title: '**Gratis** [kaffe](https://evil.example) <b>nu</b> & 1. plats' })
		const block = await storyBlock((await approvedStory(db, id))!, 'en')
		const html = markdownToHtml(block, emailProfile('#1f6f43'))
		expect(html).not.toContain('<strong>')
		expect(html).not.toContain('>kaffe</a>')
		expect(html).toContain('**Gratis** [kaffe](')
		expect(html).toContain('&lt;b&gt;nu&lt;/b&gt; &amp; 1. plats</h2>')
		expect(block).toContain('[Read the whole story from Bageriet Kärnan]')
	})
})
