import { describe, expect, test } from 'vitest'
import { createNewsletter } from '#app/newsletters/campaigns.server.ts'
import * as page from '#app/routes/admin-newsletters-newsletter.tsx'
import { getDb } from '#db/index.ts'
import { makeUser } from '#tests/support/events.ts'
import { addSignatories } from '#tests/support/newsletters.ts'
import { callAction, callLoader, cookieFor, renderRoute } from '#tests/support/routes.ts'

/** Issue 12: sending a newsletter asks first with the number of recipients, and the page shows the real state. */
const db = getDb()

async function draft() {
	const coordinator = await makeUser(db, { role: 'coordinator' })
	const id = await createNewsletter(db, coordinator.id, 'Vinterbrevet')
	const cookie = await cookieFor(coordinator.id)
	const url = `/admin/newsletters/${id}`
	const params = { newsletterId: String(id) }
	const post = (form: Record<string, string>) => callAction(page, url, { cookie, params, form })
	const status = async () =>
		(await db.selectFrom('newsletter').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
	return { id, cookie, url, params, post, status }
}

const compose = {
	title: 'Vinterbrevet',
	subjectSv: 'Vinter i klimatavtalet',
	bodySv: 'Hej!',
	residency: 'all',
	// Only this test's people: everyone else in the shared database signed on another day.
	signedFrom: '2031-01-05',
	signedTo: '2031-01-05',
}

describe('sending a newsletter', () => {
	test('"send now" saves the draft and asks, with the recipient count; nothing is sent until confirmed', async () => {
		await addSignatories(db, 3, { confirmedAt: new Date('2031-01-05T10:00:00Z') })
		const newsletter = await draft()
		const asked = await newsletter.post({ ...compose, intent: 'send' })
		expect(asked.location).toBeNull()
		expect(asked.data.confirmSend).toBe(3)
		expect(await newsletter.status()).toBe('draft')
		const outbox = await db.selectFrom('outbox').select('id').where('newsletter_id', '=', newsletter.id).execute()
		expect(outbox).toHaveLength(0)

		// Without JavaScript too: the page drawn with that answer holds the question and its own form.
		const loaded = await callLoader(page, newsletter.url, { cookie: newsletter.cookie, params: newsletter.params })
		const html = await renderRoute({
			Component: page.default,
			url: newsletter.url,
			loaderData: loaded.data,
			actionData: asked.data,
		})
		expect(html).toContain('Skicka nyhetsbrevet nu?')
		expect(html).toContain('value="confirm-send"')
		expect(html).toContain('Ja, skicka till 3 mottagare')
		expect(html).toMatch(/<input type="hidden" name="count" value="3"\/>/)

		const confirmed = await newsletter.post({ intent: 'confirm-send', count: '3' })
		expect(confirmed.location).toBe(`${newsletter.url}?done=started`)
		expect(await newsletter.status()).toBe('queueing')
	})

	test('when the audience changed between asking and confirming, it asks again with the new number', async () => {
		await addSignatories(db, 2, { confirmedAt: new Date('2031-01-05T10:00:00Z') })
		const newsletter = await draft()
		const asked = await newsletter.post({ ...compose, intent: 'send' })
		const before = asked.data.confirmSend as number
		await addSignatories(db, 1, { confirmedAt: new Date('2031-01-05T11:00:00Z') })
		const again = await newsletter.post({ intent: 'confirm-send', count: String(before) })
		expect(again.status).toBe(409)
		expect(again.data).toMatchObject({ confirmSend: before + 1, countChanged: true })
		expect(await newsletter.status()).toBe('draft')
		const confirmed = await newsletter.post({ intent: 'confirm-send', count: String(before + 1) })
		expect(confirmed.location).toBe(`${newsletter.url}?done=started`)
	})

	test('a confirmation without a number is refused, and a sent newsletter cannot be confirmed again', async () => {
		const newsletter = await draft()
		const bad = await newsletter.post({ intent: 'confirm-send', count: 'many' })
		expect(bad.status).toBe(400)
		expect(await newsletter.status()).toBe('draft')
		await newsletter.post({ ...compose, intent: 'send' })
		await db.updateTable('newsletter').set({ status: 'sent' }).where('id', '=', newsletter.id).execute()
		const late = await newsletter.post({ intent: 'confirm-send', count: '0' })
		expect(late.location).toBe(`${newsletter.url}?done=unchanged`)
	})

	test('"is being sent" from the URL shows only while it is true; afterwards the page shows the state', async () => {
		const newsletter = await draft()
		const load = async () =>
			(
				await callLoader(page, `${newsletter.url}?done=started`, {
					cookie: newsletter.cookie,
					params: newsletter.params,
				})
			).data
		await db.updateTable('newsletter').set({ status: 'sending' }).where('id', '=', newsletter.id).execute()
		expect((await load()).flash).toEqual({ key: 'started', count: 0 })
		await db.updateTable('newsletter').set({ status: 'sent' }).where('id', '=', newsletter.id).execute()
		const after = await load()
		expect(after.flash).toBeNull()
		expect(after.newsletter.status).toBe('sent')
		await db.updateTable('newsletter').set({ status: 'cancelled' }).where('id', '=', newsletter.id).execute()
		const paused = await callLoader(page, `${newsletter.url}?done=pause`, {
			cookie: newsletter.cookie,
			params: newsletter.params,
		})
		expect(paused.data.flash).toBeNull()
	})
})
