import crypto from 'node:crypto'
import { afterEach, describe, expect, test } from 'vitest'
import { config } from '#app/config.server.ts'
import { countRecipients } from '#app/newsletters/segments.server.ts'
import { everyone } from '#app/newsletters/segments.ts'
import { addSignatories } from '#tests/support/newsletters.ts'
import { emailLinkToken } from '#app/common/email-preferences.server.ts'
import * as preferencesRoute from '#app/routes/preferences.tsx'
import * as unsubscribeRoute from '#app/routes/unsubscribe.tsx'
import * as webhookRoute from '#app/routes/webhooks.resend.ts'
import { getDb } from '#db/index.ts'
import { callAction, callLoader } from '#tests/support/routes.ts'

const db = getDb()

afterEach(async () => {
	await db.deleteFrom('webhook_event').execute()
	await db.deleteFrom('suppression').execute()
	await db.deleteFrom('outbox').execute()
	await db.deleteFrom('unsubscribe').execute()
	await db.deleteFrom('signature').execute()
	await db.deleteFrom('user').execute()
})

const consent = async (userId: number) =>
	(
		await db
			.selectFrom('signature')
			.select('newsletter_consent')
			.where('user_id', '=', userId)
			.executeTakeFirstOrThrow()
	).newsletter_consent

describe('one-click unsubscribe', () => {
	test('GET only shows a button; the POST (as a mail client sends it, without a session) unsubscribes', async () => {
		const [person] = await addSignatories(db, 1)
		const token = emailLinkToken({ userId: person!.id, list: 'newsletter', newsletterId: null })
		const url = `/unsubscribe/${token}`

		const page = await callLoader(unsubscribeRoute, url, { params: { token } })
		expect(page.data).toMatchObject({ list: 'newsletter' })
		expect(await consent(person!.id)).toBe(1)

		// As a mail client sends it (RFC 8058): a urlencoded body and no session.
		const oneClick = () =>
			callAction(unsubscribeRoute, url, {
				params: { token },
				form: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
			})
		const result = await oneClick()
		expect(result.data).toMatchObject({ done: true, list: 'newsletter' })
		expect(await consent(person!.id)).toBe(0)
		expect(await countRecipients(db, everyone)).toBe(0)

		// Twice is the same as once.
		await oneClick()
		expect(await db.selectFrom('unsubscribe').select('id').execute()).toHaveLength(1)
	})

	test('a token changed by one character, or signed with another secret, does nothing', async () => {
		const [person] = await addSignatories(db, 1)
		const token = emailLinkToken({ userId: person!.id, list: 'newsletter', newsletterId: null })
		const forged = token.replace(/^\d+/, String(person!.id + 1))
		const other = emailLinkToken({ userId: person!.id, list: 'newsletter', newsletterId: null }, 'another-secret')
		for (const bad of [forged, other, 'nonsense']) {
			const response = await callAction(unsubscribeRoute, `/unsubscribe/${bad}`, {
				params: { token: bad },
				form: new URLSearchParams(),
			})
			expect(response.status).toBe(400)
		}
		expect(await consent(person!.id)).toBe(1)
	})

	test('the digest link turns the digest off, and is counted', async () => {
		const [person] = await addSignatories(db, 1)
		const token = emailLinkToken({ userId: person!.id, list: 'digest', newsletterId: null })
		await callAction(unsubscribeRoute, `/unsubscribe/${token}`, { params: { token } })
		expect(
			(await db.selectFrom('user').select('digest_frequency').where('id', '=', person!.id).executeTakeFirstOrThrow())
				.digest_frequency,
		).toBe('off')
	})
})

describe('the preferences page', () => {
	test('opened from an emailed link, it saves the choices without signing in', async () => {
		const [person] = await addSignatories(db, 1)
		const token = emailLinkToken({ userId: person!.id, list: 'preferences', newsletterId: null })
		const loaded = await callLoader(preferencesRoute, `/preferences?token=${token}`)
		expect(loaded.data.preferences).toMatchObject({
			digestFrequency: 'monthly',
			newsletters: true,
			eventReminders: true,
			levelUpEmails: true,
		})

		const response = await callAction(preferencesRoute, '/preferences', {
			form: { token, digestFrequency: 'weekly', levelUpEmails: 'on' },
		})
		expect(response.status).toBe(302)
		const user = await db
			.selectFrom('user')
			.select(['digest_frequency', 'event_reminders', 'level_up_emails'])
			.where('id', '=', person!.id)
			.executeTakeFirstOrThrow()
		expect(user).toEqual({ digest_frequency: 'weekly', event_reminders: 0, level_up_emails: 1 })
		expect(await consent(person!.id)).toBe(0)
	})

	test('a bad frequency is refused with the form, nothing stored', async () => {
		const [person] = await addSignatories(db, 1)
		const token = emailLinkToken({ userId: person!.id, list: 'preferences', newsletterId: null })
		const response = await callAction(preferencesRoute, '/preferences', { form: { token, digestFrequency: 'hourly' } })
		expect(response.status).toBe(400)
		expect(
			(await db.selectFrom('user').select('digest_frequency').where('id', '=', person!.id).executeTakeFirstOrThrow())
				.digest_frequency,
		).toBe('monthly')
	})
})

/** Signs like Svix: HMAC-SHA256 over "id.timestamp.body" with the base64 secret after "whsec_". */
function svixHeaders(id: string, body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
	const signature = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')
	return {
		'svix-id': id,
		'svix-timestamp': String(timestamp),
		'svix-signature': `v1,${signature}`,
		'content-type': 'application/json',
	}
}

async function postWebhook(body: string, headers: Record<string, string>) {
	return (await callAction(webhookRoute, '/webhooks/resend', { body, headers })).response!
}

describe('Resend webhooks', () => {
	const secret = `whsec_${Buffer.from('klimatpakt-test-webhook-secret').toString('base64')}`
	config.resendWebhookSecret = secret

	async function sentMessage(to: string, providerId: string) {
		await db
			.insertInto('outbox')
			.values({
				idempotency_key: providerId,
				to_address: to,
				subject: 's',
				html: 'h',
				text: 't',
				headers: '{}',
				attachments: '[]',
				status: 'sent',
				next_attempt_at: new Date().toISOString(),
				last_error: null,
				provider_id: providerId,
				created_at: new Date().toISOString(),
				sent_at: new Date().toISOString(),
			})
			.execute()
	}

	test('delivered and a hard bounce are recorded; the address goes on the suppression list and out of every segment', async () => {
		const [person] = await addSignatories(db, 1)
		await sentMessage(person!.email, 're-1')
		const delivered = JSON.stringify({
			type: 'email.delivered',
			created_at: '2025-05-01T08:00:01.000Z',
			data: { email_id: 're-1', to: [person!.email] },
		})
		expect((await postWebhook(delivered, svixHeaders('msg_1', delivered, secret))).status).toBe(200)
		const bounced = JSON.stringify({
			type: 'email.bounced',
			created_at: '2025-05-01T08:00:02.000Z',
			data: {
				email_id: 're-1',
				to: [person!.email],
				bounce: { type: 'Permanent', subType: 'General', message: 'No such user' },
			},
		})
		expect((await postWebhook(bounced, svixHeaders('msg_2', bounced, secret))).status).toBe(200)

		expect(
			await db
				.selectFrom('outbox')
				.select(['delivered_at', 'bounced_at'])
				.where('provider_id', '=', 're-1')
				.executeTakeFirstOrThrow(),
		).toEqual({
			delivered_at: '2025-05-01T08:00:01.000Z',
			bounced_at: '2025-05-01T08:00:02.000Z',
		})
		expect(await db.selectFrom('suppression').select(['email', 'reason']).execute()).toEqual([
			{ email: person!.email, reason: 'bounce' },
		])
		expect(await countRecipients(db, everyone)).toBe(0)
	})

	test('a soft bounce is recorded but does not suppress; a complaint does', async () => {
		const [a, b] = await addSignatories(db, 2)
		const soft = JSON.stringify({
			type: 'email.bounced',
			data: { email_id: 'x', to: [a!.email], bounce: { type: 'Transient', subType: 'MailboxFull', message: 'full' } },
		})
		await postWebhook(soft, svixHeaders('msg_soft', soft, secret))
		const complaint = JSON.stringify({ type: 'email.complained', data: { email_id: 'y', to: [b!.email] } })
		await postWebhook(complaint, svixHeaders('msg_complaint', complaint, secret))
		expect(await db.selectFrom('suppression').select(['email', 'reason']).execute()).toEqual([
			{ email: b!.email, reason: 'complaint' },
		])
	})

	test('a repeated svix-id is acknowledged and ignored', async () => {
		await sentMessage('anna@example.se', 're-2')
		const delivered = JSON.stringify({
			type: 'email.delivered',
			created_at: '2025-05-01T08:00:01.000Z',
			data: { email_id: 're-2', to: ['anna@example.se'] },
		})
		const first = await postWebhook(delivered, svixHeaders('msg_same', delivered, secret))
		const again = await postWebhook(delivered, svixHeaders('msg_same', delivered, secret))
		expect(await first.json()).toEqual({ ok: true, outcome: 'recorded' })
		expect(again.status).toBe(200)
		expect(await again.json()).toEqual({ ok: true, outcome: 'repeated' })
	})

	test('a wrong signature, a changed body or an old timestamp is refused and changes nothing', async () => {
		const [person] = await addSignatories(db, 1)
		const complaint = JSON.stringify({ type: 'email.complained', data: { email_id: 'z', to: [person!.email] } })
		const headers = svixHeaders('msg_bad', complaint, secret)
		expect((await postWebhook(complaint.replace('complained', 'delivered'), headers)).status).toBe(400)
		expect(
			(
				await postWebhook(
					complaint,
					svixHeaders('msg_bad', complaint, `whsec_${Buffer.from('other').toString('base64')}`),
				)
			).status,
		).toBe(400)
		expect(
			(await postWebhook(complaint, svixHeaders('msg_old', complaint, secret, Math.floor(Date.now() / 1000) - 3600)))
				.status,
		).toBe(400)
		expect(await db.selectFrom('suppression').select('email').execute()).toEqual([])
		expect(await db.selectFrom('webhook_event').select('id').execute()).toEqual([])
	})
})
