import { describe, expect, test } from 'vitest'
import { requestSignIn } from '#app/auth/sign-in.server.ts'
import {
	deliverDueEmails,
	MAX_ATTEMPTS,
	redactFinishedEmails,
	type DeliveryResult,
	type OutgoingEmail,
	type Transport,
} from '#app/mail/outbox.server.ts'
import { getDb } from '#db/index.ts'
import { freshIp } from '#tests/support/routes.ts'

/**
 * Issue 12: the outbox kept every email's full text (sign-in codes, link tokens) forever. Once a
 * message is delivered or finally failed its body goes; what the delivery log needs stays; and a
 * message not yet delivered keeps everything, so a retry sends exactly the same message.
 */

const db = getDb()
const t0 = new Date('2026-04-01T08:00:00.000Z')
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)

/** A transport that answers as told, one answer per attempt, and keeps what it was handed. */
function scripted(answers: DeliveryResult['outcome'][]): Transport & { got: OutgoingEmail[] } {
	const got: OutgoingEmail[] = []
	const next = (): DeliveryResult => {
		const outcome = answers.shift() ?? 'sent'
		return outcome === 'sent'
			? { outcome, providerId: `p-${got.length}` }
			: { outcome, error: outcome === 'retry' ? 'timeout' : 'refused' }
	}
	return {
		name: 'mailbox',
		got,
		send: async (email) => (got.push(email), next()),
		sendBatch: async (emails) => {
			got.push(...emails)
			const result = next()
			return result.outcome === 'sent' ? { outcome: 'sent', providerIds: emails.map((_, i) => `b-${i}`) } : result
		},
	}
}

let n = 0
async function askForCode(now = t0) {
	n += 1
	const email = `outbox${n}-${Math.random().toString(36).slice(2, 8)}@example.se`
	await db.insertInto('user').values({ email, name: 'Olga', language: 'sv' }).execute()
	await requestSignIn(db, { email, clientIp: freshIp(), language: 'sv' }, now)
	return email
}

const rowTo = (email: string) =>
	db.selectFrom('outbox').selectAll().where('to_address', '=', email).executeTakeFirstOrThrow()
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1]

describe('the outbox forgets what a finished message said', () => {
	test("a delivered sign-in code's body is gone; recipient, subject, status and times stay", async () => {
		const email = await askForCode()
		const queued = await rowTo(email)
		const code = codeIn(queued.text)
		expect(code).toMatch(/^\d{6}$/)
		expect(queued.html).toContain('/verify?token=')

		const transport = scripted(['sent'])
		await deliverDueEmails(db, transport, later(1))
		// Delivered with the code in it...
		const delivered = transport.got.find((e) => e.to === email)!
		expect(codeIn(delivered.text)).toBe(code)
		// ...and then the outbox holds neither the code nor the link.
		const row = await rowTo(email)
		expect(row).toMatchObject({
			to_address: email,
			subject: queued.subject,
			status: 'sent',
			created_at: queued.created_at,
			sent_at: later(1).toISOString(),
			html: '',
			text: '',
			headers: '{}',
			attachments: '[]',
			variables: null,
			redacted_at: later(1).toISOString(),
		})
		expect(JSON.stringify(row)).not.toContain(code)
		expect(JSON.stringify(row)).not.toContain('token=')
	})

	test('a message waiting for a retry keeps everything, and the retry sends the very same message', async () => {
		const email = await askForCode()
		const queued = await rowTo(email)
		const transport = scripted(['retry', 'sent'])
		await deliverDueEmails(db, transport, later(1))
		expect(await rowTo(email)).toMatchObject({
			status: 'queued',
			text: queued.text,
			html: queued.html,
			redacted_at: null,
		})

		await deliverDueEmails(db, transport, later(10))
		const [first, second] = transport.got.filter((e) => e.to === email)
		expect(second).toEqual(first)
		expect(codeIn(second!.text)).toBe(codeIn(queued.text))
		expect(await rowTo(email)).toMatchObject({ status: 'sent', text: '', html: '' })
	})

	test('a message finally given up is emptied too', async () => {
		const refused = await askForCode()
		await deliverDueEmails(db, scripted(['failed']), later(1))
		expect(await rowTo(refused)).toMatchObject({ status: 'failed', text: '', html: '', last_error: 'refused' })

		const retried = await askForCode(later(100))
		const transport = scripted(Array(MAX_ATTEMPTS).fill('retry'))
		for (let i = 0; i < MAX_ATTEMPTS; i++) await deliverDueEmails(db, transport, later(200 + i * 120))
		expect(await rowTo(retried)).toMatchObject({ status: 'failed', text: '', html: '' })
		expect(transport.got.filter((e) => e.to === retried)).toHaveLength(MAX_ATTEMPTS)
	})

	test('messages finished before this (or by a path that does not redact) are emptied by the retention sweep', async () => {
		const email = await askForCode()
		// As the outbox kept them before issue 12: sent, body and all.
		await db
			.updateTable('outbox')
			.set({ status: 'sent', sent_at: later(1).toISOString() })
			.where('to_address', '=', email)
			.execute()
		const waiting = await askForCode()
		expect(await redactFinishedEmails(db, later(2))).toBeGreaterThanOrEqual(1)
		expect(await rowTo(email)).toMatchObject({ status: 'sent', text: '', redacted_at: later(2).toISOString() })
		expect((await rowTo(waiting)).text).toContain('/verify?token=')
	})
})
