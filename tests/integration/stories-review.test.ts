import { describe, expect, test } from 'vitest'
import * as adminStories from '#app/routes/admin-stories.tsx'
import * as partnerPage from '#app/routes/partners-partner.tsx'
import * as storiesList from '#app/routes/stories.tsx'
import * as storyNew from '#app/routes/stories-new.tsx'
import * as storyPage from '#app/routes/stories-story.tsx'
import { partnerStories } from '#app/stories/stories.server.ts'
import { getDb } from '#db/index.ts'
import { makeUser } from '#tests/support/events.ts'
import { pictureFile } from '#tests/support/images.ts'
import { callAction, callLoader, cookieFor, formData } from '#tests/support/routes.ts'
import { approvedPartner, coordinator, storyForm, storyMails, storyRow } from '#tests/support/stories.ts'

const db = getDb()

async function submitted(partner: Awaited<ReturnType<typeof approvedPartner>>, overrides: Record<string, string> = {}) {
	const cookie = await cookieFor(partner.person.id)
	const answer = await callAction(storyNew, '/stories/new', { cookie, form: storyForm(partner.id, overrides) })
	expect(answer.location).toBe('/stories/new?done=submitted')
	const row = await db
		.selectFrom('story')
		.select('id')
		.where('author_id', '=', partner.person.id)
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow()
	return row.id
}

const pageStatus = async (storyId: number) =>
	(await callLoader(storyPage, `/stories/${storyId}`, { params: { storyId: String(storyId) } })).status

const listedIds = async () =>
	(await callLoader(storiesList, '/stories')).data.stories.map((story: { id: number }) => story.id)

describe('a partner story from submission to the public pages', () => {
	test('a member submits, a coordinator approves: it is public, on the partner page, and the author is emailed once', async () => {
		const partner = await approvedPartner(db, { name: 'Bageriet Kärnan' })
		const storyId = await submitted(partner)
		expect(await storyRow(db, storyId)).toMatchObject({ status: 'submitted', partner_id: partner.id })

		// Waiting for review, it is nowhere public.
		expect(await listedIds()).not.toContain(storyId)
		expect(await pageStatus(storyId)).toBe(404)
		expect(await partnerStories(db, partner.id)).toEqual([])

		const boss = await coordinator(db)
		const cookie = await cookieFor(boss.id)
		const queue = await callLoader(adminStories, '/admin/stories', { cookie })
		expect(queue.data.waiting.map((story: { id: number }) => story.id)).toContain(storyId)

		const approved = await callAction(adminStories, '/admin/stories', {
			cookie,
			form: { storyId: String(storyId), decision: 'approve', comment: 'Tack, fin berättelse!' },
		})
		expect(approved.location).toBe('/admin/stories?done=approved')
		expect(await listedIds()).toContain(storyId)
		const page = await callLoader(storyPage, `/stories/${storyId}`, { params: { storyId: String(storyId) } })
		expect(page.data.story).toMatchObject({ title: 'Vi cyklar ut brödet', partner: { name: 'Bageriet Kärnan' } })
		expect(page.data.story.bodyHtml).toContain('<strong>lådcykel</strong>')
		expect((await partnerStories(db, partner.id)).map((story) => story.id)).toEqual([storyId])
		const onPartnerPage = await callLoader(partnerPage, `/partners/${partner.slug}`, { params: { slug: partner.slug } })
		expect(onPartnerPage.data.stories.map((story: { id: number }) => story.id)).toEqual([storyId])

		// A second press (or a second coordinator) changes nothing and sends nothing more.
		const again = await callAction(adminStories, '/admin/stories', {
			cookie,
			form: { storyId: String(storyId), decision: 'reject', comment: 'För sent' },
		})
		expect(again.location).toBe('/admin/stories?done=reviewed')
		expect((await storyRow(db, storyId)).status).toBe('approved')
		const mails = await storyMails(db, storyId)
		expect(mails.map((mail) => mail.to_address)).toEqual([partner.person.email])
		expect(mails[0]!.subject).toContain('Vi cyklar ut brödet')
		expect(mails[0]!.text).toContain('Tack, fin berättelse!')
	})

	test('not publishing needs a comment; a rejected story stays invisible and the author reads why', async () => {
		const partner = await approvedPartner(db)
		const storyId = await submitted(partner, { title: 'Ett utkast' })
		const cookie = await cookieFor((await coordinator(db)).id)

		const bare = await callAction(adminStories, '/admin/stories', {
			cookie,
			form: { storyId: String(storyId), decision: 'reject', comment: '' },
		})
		expect(bare.status).toBe(400)
		expect(bare.data.result.error.comment).toEqual([
			'Skriv en kommentar till författaren när berättelsen inte publiceras.',
		])
		expect((await storyRow(db, storyId)).status).toBe('submitted')
		expect(await storyMails(db, storyId)).toEqual([])

		await callAction(adminStories, '/admin/stories', {
			cookie,
			form: { storyId: String(storyId), decision: 'reject', comment: 'Berätta gärna mer om resultatet.' },
		})
		expect((await storyRow(db, storyId)).status).toBe('rejected')
		expect(await listedIds()).not.toContain(storyId)
		expect(await pageStatus(storyId)).toBe(404)
		const mine = await callLoader(storyNew, '/stories/new', { cookie: await cookieFor(partner.person.id) })
		expect(mine.data.mine).toEqual([
			expect.objectContaining({ id: storyId, status: 'rejected', review_comment: 'Berätta gärna mer om resultatet.' }),
		])
		expect((await storyMails(db, storyId)).map((mail) => mail.to_address)).toEqual([partner.person.email])
	})
})

describe('who may do what', () => {
	test('someone who acts for no partner cannot submit, and a member cannot submit for another partner', async () => {
		const ours = await approvedPartner(db)
		const theirs = await approvedPartner(db)
		const outsider = await makeUser(db)
		const outsiderCookie = await cookieFor(outsider.id)
		expect((await callLoader(storyNew, '/stories/new', { cookie: outsiderCookie })).data.partners).toEqual([])
		const refused = await callAction(storyNew, '/stories/new', { cookie: outsiderCookie, form: storyForm(ours.id) })
		expect(refused.status).toBe(403)

		const wrongPartner = await callAction(storyNew, '/stories/new', {
			cookie: await cookieFor(ours.person.id),
			form: storyForm(theirs.id),
		})
		expect(wrongPartner.status).toBe(400)
		expect(wrongPartner.data.result.error.partnerId).toEqual(['Välj en av partnerna i listan.'])
		expect(await db.selectFrom('story').select('id').where('partner_id', '=', theirs.id).execute()).toEqual([])

		// Signed out: to the sign-in page.
		const visitor = await callAction(storyNew, '/stories/new', { form: storyForm(ours.id) })
		expect(visitor.location).toMatch(/^\/login/)
	})

	test('only coordinators see the queue and decide; a partner member cannot approve their own story', async () => {
		const partner = await approvedPartner(db)
		const storyId = await submitted(partner)
		const memberCookie = await cookieFor(partner.person.id)
		expect((await callLoader(adminStories, '/admin/stories', { cookie: memberCookie })).status).toBe(403)
		const selfApproval = await callAction(adminStories, '/admin/stories', {
			cookie: memberCookie,
			form: { storyId: String(storyId), decision: 'approve' },
		})
		expect(selfApproval.status).toBe(403)
		expect((await storyRow(db, storyId)).status).toBe('submitted')
	})

	test('a bad field gets its message and stores nothing; a good image is kept for the next try', async () => {
		const partner = await approvedPartner(db)
		const cookie = await cookieFor(partner.person.id)
		const form = formData({ ...storyForm(partner.id, { title: '' }), imageAlt: 'En lådcykel' })
		form.append('image', await pictureFile(800, 600))
		const answer = await callAction(storyNew, '/stories/new', { cookie, form })
		expect(answer.status).toBe(400)
		expect(answer.data.result.error.title).toBeTruthy()
		expect(answer.data.image.current).toMatchObject({ alt: 'En lådcykel' })
		expect(await db.selectFrom('story').select('id').where('author_id', '=', partner.person.id).execute()).toEqual([])

		// Sent again with the kept image, the story carries it.
		const retry = formData({
			...storyForm(partner.id),
			imageId: String(answer.data.image.current.id),
			imageAlt: 'En lådcykel',
		})
		expect((await callAction(storyNew, '/stories/new', { cookie, form: retry })).status).toBe(303)
		const row = await db
			.selectFrom('story')
			.select('image_id')
			.where('author_id', '=', partner.person.id)
			.executeTakeFirstOrThrow()
		expect(row.image_id).toBe(answer.data.image.current.id)
	})
})
