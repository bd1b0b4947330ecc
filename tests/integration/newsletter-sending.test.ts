import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
	claimNextDelivery,
	deliverDueEmails,
	LEASE_MS,
	toOutgoingEmail,
	TemplateCache,
} from '#app/mail/outbox.server.ts'
import {
	cancelNewsletter,
	createNewsletter,
	pauseNewsletter,
	resumeNewsletter,
	saveNewsletter,
	scheduleNewsletter,
} from '#app/newsletters/campaigns.server.ts'
import { runNewsletters } from '#app/newsletters/queueing.server.ts'
import { newsletterProgress } from '#app/newsletters/statistics.server.ts'
import { everyone, type Segment } from '#app/newsletters/segments.ts'
import { addSignatories } from '#tests/support/newsletters.ts'
import { updateDetails, withdrawSignature } from '#app/pledge/pledge.server.ts'
import { readEmailLinkToken } from '#app/common/email-preferences.server.ts'
import { getDb } from '#db/index.ts'
import { resendMock, server } from '#tests/mocks/index.ts'
import { later, mockedResend, t0 } from '#tests/support/mail.ts'

const db = getDb()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(async () => {
	server.resetHandlers()
	resendMock.reset()
	await db.deleteFrom('outbox').execute()
	await db.deleteFrom('newsletter').execute()
	await db.deleteFrom('suppression').execute()
	await db.deleteFrom('signature').execute()
	await db.deleteFrom('user').execute()
})
afterAll(() => server.close())

async function newsletter(segment: Segment = everyone) {
	const id = await createNewsletter(db, (await addSignatories(db, 1, { consent: false }))[0]!.id, 'Vårbrevet', t0)
	await saveNewsletter(
		db,
		id,
		{
			title: 'Vårbrevet',
			versions: {
				sv: {
					subject: 'Vårbrev från klimatavtalet',
					preheader: 'Nytt i vår',
					body: 'Hej på er!\n\n![Cyklar](https://example.org/cyklar.jpg)',
				},
				en: { subject: 'Spring letter from the pact', preheader: 'New this spring', body: 'Hello everyone!' },
			},
			segment,
		},
		t0,
	)
	expect(await scheduleNewsletter(db, id, t0, t0)).toBe(true)
	return id
}

/** What reached the recipients, by each message's own key (the X-Entity-Ref-ID header). */
function messageKeys() {
	return resendMock.sent.map((email) => email.headers?.['X-Entity-Ref-ID'] ?? 'missing')
}

describe('sending a newsletter', () => {
	test('every recipient gets exactly one message, in their language, with their name and unsubscribe link, in batches of at most 100', async () => {
		const swedes = await addSignatories(db, 180, { language: 'sv', name: 'Åsa <b>&</b> Co' })
		const english = await addSignatories(db, 40, { language: 'en', name: 'Edith Lind' })
		await addSignatories(db, 5, { consent: false })
		await addSignatories(db, 3, { status: 'pending' })
		const id = await newsletter()

		await runNewsletters(db, t0)
		const rows = await db
			.selectFrom('outbox')
			.select(['status', 'html', 'text', 'batch_key', 'template_id'])
			.where('newsletter_id', '=', id)
			.execute()
		expect(rows).toHaveLength(220)
		expect(rows.every((r) => r.status === 'queued' && r.html === '' && r.text === '' && r.template_id !== null)).toBe(
			true,
		)
		// Rendered once per language, not once per recipient.
		expect(await db.selectFrom('email_template').select('id').execute()).toHaveLength(2)
		const batches = new Map<string, number>()
		for (const row of rows) batches.set(row.batch_key!, (batches.get(row.batch_key!) ?? 0) + 1)
		const batchSizes = [...batches.values()]
		expect(Math.max(...batchSizes)).toBeLessThanOrEqual(100)

		const report = await deliverDueEmails(db, mockedResend(), t0)
		expect(report).toEqual({ sent: 220, retried: 0, failed: 0 })
		expect(resendMock.requests.every((r) => r.path === '/emails/batch')).toBe(true)
		expect(resendMock.requests.length).toBe(batchSizes.length)
		expect(new Set(messageKeys()).size).toBe(220)
		expect(resendMock.sent).toHaveLength(220)
		// Each row keeps the id the provider gave its own message: bounce and complaint webhooks
		// name that id, and must find the right person.
		const sentRows = await db
			.selectFrom('outbox')
			.select(['to_address', 'provider_id', 'status', 'sent_at'])
			.where('newsletter_id', '=', id)
			.execute()
		expect(sentRows.every((row) => row.status === 'sent' && row.sent_at !== null)).toBe(true)
		expect(sentRows.map((row) => [row.to_address, row.provider_id]).sort()).toEqual(
			resendMock.sent.map((email) => [email.to[0], email.id]).sort(),
		)

		const toSwede = resendMock.sentTo(swedes[0]!.email)[0]!
		expect(toSwede.subject).toBe('Vårbrev från klimatavtalet')
		// The name is escaped in HTML and as it is in plain text.
		expect(toSwede.html).toContain('Hej Åsa!')
		expect(toSwede.html).toContain('src="https://example.org/cyklar.jpg"')
		const unsubscribe = /<(https?:\/\/[^>]+\/unsubscribe\/[^>]+)>/.exec(toSwede.headers!['List-Unsubscribe']!)![1]!
		expect(toSwede.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
		expect(toSwede.text).toContain(unsubscribe)
		expect(readEmailLinkToken(unsubscribe.split('/unsubscribe/')[1]!)).toEqual({
			userId: swedes[0]!.id,
			list: 'newsletter',
			newsletterId: id,
		})
		const toEnglish = resendMock.sentTo(english[0]!.email)[0]!
		expect(toEnglish.subject).toBe('Spring letter from the pact')
		expect(toEnglish.text).toContain('Hello Edith,')

		await runNewsletters(db, later(1000))
		expect(
			(await db.selectFrom('newsletter').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
		).toBe('sent')
	})

	test('a name with markup is escaped in the HTML', async () => {
		const [person] = await addSignatories(db, 1, { name: '<script>alert(1)</script> Ola' })
		await newsletter()
		await runNewsletters(db, t0)
		await deliverDueEmails(db, mockedResend(), t0)
		const sent = resendMock.sentTo(person!.email)[0]!
		expect(sent.html).toContain('Hej &lt;script&gt;alert(1)&lt;/script&gt;!')
		expect(sent.html).not.toContain('<script>alert')
	})

	test('pausing, resuming and pausing again never sends anyone a second copy', async () => {
		await addSignatories(db, 450)
		const id = await newsletter()
		await runNewsletters(db, t0)

		// Two batches go out, then the coordinator pauses.
		resendMock.latencyMs = 0
		for (let i = 0; i < 2; i++) {
			const rows = await claimNextDelivery(db, t0)
			const templates = new TemplateCache(db)
			const result = await mockedResend().sendBatch(
				await Promise.all(rows.map((r) => toOutgoingEmail(r, templates))),
				rows[0]!.batch_key!,
			)
			expect(result.outcome).toBe('sent')
			await db
				.updateTable('outbox')
				.set({ status: 'sent' })
				.where(
					'id',
					'in',
					rows.map((r) => r.id),
				)
				.execute()
		}
		expect(await pauseNewsletter(db, id, t0)).toBe(true)
		await deliverDueEmails(db, mockedResend(), later(1000))
		expect(resendMock.sent).toHaveLength(200)

		// Resume, pause and resume again at once: still one copy each.
		expect(await resumeNewsletter(db, id, later(2000))).toBe(true)
		expect(await pauseNewsletter(db, id, later(2000))).toBe(true)
		expect(await resumeNewsletter(db, id, later(2000))).toBe(true)
		expect(await resumeNewsletter(db, id, later(2000))).toBe(false)
		await deliverDueEmails(db, mockedResend(), later(2000))
		await runNewsletters(db, later(3000))
		// Sent: nothing left to pause or resume.
		expect(await pauseNewsletter(db, id, later(3000))).toBe(false)
		expect(await resumeNewsletter(db, id, later(3000))).toBe(false)
		await deliverDueEmails(db, mockedResend(), later(4000))

		expect(resendMock.sent).toHaveLength(450)
		expect(new Set(messageKeys()).size).toBe(450)
		expect(await newsletterProgress(db, id)).toMatchObject({ recipients: 450, sent: 450, waiting: 0 })
	})

	test('a batch whose worker died mid-request is retried as the same request and reaches nobody twice', async () => {
		await addSignatories(db, 150)
		await newsletter()
		await runNewsletters(db, t0)

		// The worker claims a batch, Resend accepts it, and the worker dies before recording that.
		const rows = await claimNextDelivery(db, t0)
		expect(rows.length).toBeGreaterThan(1)
		const templates = new TemplateCache(db)
		await mockedResend().sendBatch(
			await Promise.all(rows.map((r) => toOutgoingEmail(r, templates))),
			rows[0]!.batch_key!,
		)
		expect(resendMock.sent).toHaveLength(rows.length)

		// Another worker sends the rest; the dead worker's batch waits for its lease to end.
		await deliverDueEmails(db, mockedResend(), later(1000))
		expect(resendMock.sent).toHaveLength(150)
		await deliverDueEmails(db, mockedResend(), later(LEASE_MS))
		const replays = resendMock.requests.filter((r) => r.idempotencyKey === rows[0]!.batch_key)
		expect(replays.map((r) => r.answer)).toEqual([200, 200])
		expect(resendMock.sent).toHaveLength(150)
		expect(new Set(messageKeys()).size).toBe(150)
		const statuses = await db
			.selectFrom('outbox')
			.select('status')
			.where('batch_key', '=', rows[0]!.batch_key)
			.execute()
		expect(statuses.every((s) => s.status === 'sent')).toBe(true)
	})

	test('suppressed addresses and people who withdrew consent are never sent to', async () => {
		const people = await addSignatories(db, 10)
		await db
			.insertInto('suppression')
			.values({ email: people[0]!.email, reason: 'bounce', detail: null, created_at: t0.toISOString() })
			.execute()
		await newsletter()
		await runNewsletters(db, t0)
		expect(await db.selectFrom('outbox').select('id').where('newsletter_id', 'is not', null).execute()).toHaveLength(9)

		// Suppressed after queueing, before sending: dropped on the batch's first attempt.
		await db
			.insertInto('suppression')
			.values({ email: people[1]!.email, reason: 'complaint', detail: null, created_at: t0.toISOString() })
			.execute()
		await deliverDueEmails(db, mockedResend(), t0)
		expect(resendMock.sent).toHaveLength(8)
		expect(resendMock.sentTo(people[1]!.email)).toHaveLength(0)
	})

	test('withdrawing a pledge, or turning newsletters off on My pledge, stops a newsletter already queued', async () => {
		const people = await addSignatories(db, 5)
		await newsletter()
		await runNewsletters(db, t0)
		await withdrawSignature(db, people[0]!.id, t0)
		const details = await db
			.selectFrom('signature')
			.select(['lives_in_municipality', 'district'])
			.where('user_id', '=', people[1]!.id)
			.executeTakeFirstOrThrow()
		await updateDetails(
			db,
			people[1]!.id,
			{
				name: 'Ny Namn',
				livesInMunicipality: details.lives_in_municipality === 1,
				district: details.district,
				showFirstName: false,
				newsletterConsent: false,
			},
			t0,
		)
		await deliverDueEmails(db, mockedResend(), t0)
		expect(resendMock.sentTo(people[0]!.email)).toHaveLength(0)
		expect(resendMock.sentTo(people[1]!.email)).toHaveLength(0)
		expect(resendMock.sent).toHaveLength(3)
	})

	test('cancelling stops what has not gone out', async () => {
		await addSignatories(db, 30)
		const id = await newsletter()
		await runNewsletters(db, t0)
		expect(await cancelNewsletter(db, id, t0)).toBe(true)
		await deliverDueEmails(db, mockedResend(), t0)
		expect(resendMock.sent).toHaveLength(0)
		expect(await newsletterProgress(db, id)).toMatchObject({ recipients: 30, cancelled: 30, waiting: 0 })
	})

	test('a 429 holds every batch back until Retry-After and loses nothing', async () => {
		await addSignatories(db, 250)
		await newsletter()
		await runNewsletters(db, t0)
		resendMock.failNext(429)
		expect(await deliverDueEmails(db, mockedResend(), t0)).toMatchObject({ sent: 0 })
		expect(resendMock.requests).toHaveLength(1)
		await deliverDueEmails(db, mockedResend(), later(500))
		expect(resendMock.requests).toHaveLength(1)
		await deliverDueEmails(db, mockedResend(), later(1000))
		expect(new Set(messageKeys()).size).toBe(250)
		expect(resendMock.sent).toHaveLength(250)
	})
})
