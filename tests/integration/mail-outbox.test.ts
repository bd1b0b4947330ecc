import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Html } from '@react-email/html'
import { Link } from '@react-email/link'
import { Text } from '@react-email/text'
import { createElement } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { parseEml, headerValue } from '#app/mail/eml.server.ts'
import {
	claimDueEmails,
	deliverDueEmails,
	LEASE_MS,
	MAX_ATTEMPTS,
	transportFromConfig,
} from '#app/mail/outbox.server.ts'
import { sendEmail } from '#app/mail/send-email.server.ts'
import { getDb, openDatabase, databasePath } from '#db/index.ts'
import { resendMock, server } from '#tests/mocks/index.ts'
import { later, mockedResend, t0, testSender } from '#tests/support/mail.ts'

const db = getDb()

function body(text: string) {
	return createElement(
		Html,
		{ lang: 'sv' },
		createElement(Text, null, text),
		createElement(Link, { href: 'https://klimatpakt.example/verify?token=abc' }, 'Bekräfta'),
	)
}

async function queue(key: string, overrides: { to?: string; subject?: string; now?: Date } = {}) {
	await sendEmail(
		db,
		{
			to: overrides.to ?? 'anna@example.se',
			subject: overrides.subject ?? 'Bekräfta din underskrift',
			body: body(`Hej ${key}`),
			idempotencyKey: key,
		},
		overrides.now ?? t0,
	)
}

const row = (key: string) =>
	db.selectFrom('outbox').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow()
const requestsFor = (key: string) => resendMock.requests.filter((r) => r.idempotencyKey === key)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(async () => {
	server.resetHandlers()
	resendMock.reset()
	await db.deleteFrom('outbox').execute()
})
afterAll(() => server.close())

describe('delivering the outbox through Resend', () => {
	test('a queued message is delivered once, with its idempotency key, and marked sent', async () => {
		await queue('welcome-1')
		expect(await deliverDueEmails(db, mockedResend(), t0)).toEqual({ sent: 1, retried: 0, failed: 0 })

		expect(resendMock.sent).toHaveLength(1)
		const sent = resendMock.sent[0]!
		expect(sent.idempotencyKey).toBe('welcome-1')
		expect(sent).toMatchObject({ from: testSender, to: ['anna@example.se'], subject: 'Bekräfta din underskrift' })
		expect(sent.html).toContain('href="https://klimatpakt.example/verify?token=abc"')
		expect(sent.text).toContain('Hej welcome-1')
		expect(await row('welcome-1')).toMatchObject({
			status: 'sent',
			attempts: 1,
			provider_id: sent.id,
			sent_at: t0.toISOString(),
			last_error: null,
		})

		// Nothing is due any more: a second run sends nothing.
		expect(await deliverDueEmails(db, mockedResend(), later(60_000))).toEqual({ sent: 0, retried: 0, failed: 0 })
		expect(resendMock.requests).toHaveLength(1)
	})

	test('a message queued for later waits until it is due', async () => {
		await queue('later-1', { now: later(10 * 60_000) })
		await deliverDueEmails(db, mockedResend(), t0)
		expect(resendMock.requests).toHaveLength(0)
		await deliverDueEmails(db, mockedResend(), later(10 * 60_000))
		expect(resendMock.sentTo('anna@example.se')).toHaveLength(1)
	})

	for (const failure of [500, 503, 'network'] as const) {
		test(`after ${failure === 'network' ? 'a network error' : `a ${failure}`} it retries later with the same key and sends exactly once`, async () => {
			await queue('confirm-7')
			resendMock.failNext(failure)
			expect(await deliverDueEmails(db, mockedResend(), t0)).toEqual({ sent: 0, retried: 1, failed: 0 })
			const waiting = await row('confirm-7')
			expect(waiting).toMatchObject({ status: 'queued', attempts: 1, next_attempt_at: later(30_000).toISOString() })
			expect(waiting.last_error).toMatch(failure === 'network' ? /no response/ : new RegExp(String(failure)))

			// Not before the backoff has passed.
			await deliverDueEmails(db, mockedResend(), later(29_000))
			expect(resendMock.requests).toHaveLength(1)

			await deliverDueEmails(db, mockedResend(), later(30_000))
			expect(requestsFor('confirm-7').map((r) => r.answer)).toEqual([failure, 200])
			expect(resendMock.sent).toHaveLength(1)
			expect(resendMock.sent[0]!.idempotencyKey).toBe('confirm-7')
			expect(await row('confirm-7')).toMatchObject({ status: 'sent', attempts: 2, last_error: null })
		})
	}

	test('a 429 is retried after Retry-After, does not count as an attempt, and holds back the rest of the batch', async () => {
		for (const n of [1, 2, 3]) await queue(`batch-${n}`)
		resendMock.failNext(429)
		expect(await deliverDueEmails(db, mockedResend(), t0)).toEqual({ sent: 0, retried: 1, failed: 0 })
		// Only the first message was tried; the mock's Retry-After is 1 second.
		expect(resendMock.requests).toHaveLength(1)
		for (const n of [1, 2, 3]) {
			expect(await row(`batch-${n}`)).toMatchObject({
				status: 'queued',
				attempts: 0,
				next_attempt_at: later(1000).toISOString(),
			})
		}

		expect(await deliverDueEmails(db, mockedResend(), later(1000))).toEqual({ sent: 3, retried: 0, failed: 0 })
		expect(resendMock.sent.map((s) => s.idempotencyKey).sort()).toEqual(['batch-1', 'batch-2', 'batch-3'])
		expect(requestsFor('batch-1').map((r) => r.answer)).toEqual([429, 200])
	})

	test('a message Resend rejects (422) fails at once and is never retried', async () => {
		// An empty subject is a validation error at Resend.
		await queue('bad-1', { subject: '' })
		expect(await deliverDueEmails(db, mockedResend(), t0)).toEqual({ sent: 0, retried: 0, failed: 1 })
		const failed = await row('bad-1')
		expect(failed.status).toBe('failed')
		expect(failed.last_error).toMatch(/422 validation_error/)

		await deliverDueEmails(db, mockedResend(), later(24 * 60 * 60_000))
		expect(resendMock.requests).toHaveLength(1)
		expect(resendMock.sent).toHaveLength(0)
	})

	test(`after ${MAX_ATTEMPTS} failed attempts the message is given up`, async () => {
		await queue('doomed-1')
		resendMock.failNext(...Array<500>(MAX_ATTEMPTS + 2).fill(500))
		let clock = t0
		for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
			await deliverDueEmails(db, mockedResend(), clock)
			clock = new Date(clock.getTime() + 2 * 60 * 60_000)
		}
		expect(requestsFor('doomed-1')).toHaveLength(MAX_ATTEMPTS)
		expect(await row('doomed-1')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
	})

	test('the backoff doubles from 30 seconds', async () => {
		await queue('slow-1')
		resendMock.failNext(500, 500, 500)
		const due: string[] = []
		let clock = t0
		for (let i = 0; i < 3; i++) {
			await deliverDueEmails(db, mockedResend(), clock)
			clock = new Date((await row('slow-1')).next_attempt_at)
			due.push(clock.toISOString())
		}
		expect(due).toEqual(
			[later(30_000), later(30_000 + 60_000), later(30_000 + 60_000 + 120_000)].map((d) => d.toISOString()),
		)
	})
})

describe('two workers at once', () => {
	test('two concurrent runs on two connections never send a message twice', async () => {
		const keys = Array.from({ length: 25 }, (_, i) => `concurrent-${i}`)
		for (const key of keys) await queue(key)
		resendMock.latencyMs = 5
		// A second connection to the same file, as a second worker process would have.
		const other = openDatabase(databasePath())
		try {
			const reports = await Promise.all([
				deliverDueEmails(db, mockedResend(), t0),
				deliverDueEmails(other, mockedResend(), t0),
			])
			expect(reports[0].sent + reports[1].sent).toBe(25)
			// Both really worked, so the test would catch two workers taking the same rows.
			expect(reports[0].sent).toBeGreaterThan(0)
			expect(reports[1].sent).toBeGreaterThan(0)
		} finally {
			await other.destroy()
		}
		expect(resendMock.requests).toHaveLength(25)
		expect(resendMock.sent.map((s) => s.idempotencyKey).sort()).toEqual([...keys].sort())
	})

	test('a row claimed by a worker that died is retried with the same key once the lease ends', async () => {
		await queue('orphan-1')
		// A worker claims the row and dies before it can say how the delivery went.
		expect(await claimDueEmails(db, 10, t0)).toHaveLength(1)

		await deliverDueEmails(db, mockedResend(), later(LEASE_MS - 1000))
		expect(resendMock.requests).toHaveLength(0)

		await deliverDueEmails(db, mockedResend(), later(LEASE_MS))
		expect(resendMock.sent.map((s) => s.idempotencyKey)).toEqual(['orphan-1'])
		expect(await row('orphan-1')).toMatchObject({ status: 'sent', attempts: 2 })
	})

	test('a repeated key after an unknown outcome reaches the recipient once (Resend deduplicates by key)', async () => {
		await queue('maybe-1')
		// The first attempt reached Resend, but the worker died before recording it.
		const [claimed] = await claimDueEmails(db, 10, t0)
		await mockedResend().send({
			idempotencyKey: 'maybe-1',
			to: claimed!.to_address,
			subject: claimed!.subject,
			html: claimed!.html,
			text: claimed!.text,
			headers: {},
			attachments: [],
			createdAt: t0,
		})
		await deliverDueEmails(db, mockedResend(), later(LEASE_MS))
		expect(requestsFor('maybe-1')).toHaveLength(2)
		expect(resendMock.sent).toHaveLength(1)
		expect(await row('maybe-1')).toMatchObject({ status: 'sent', provider_id: resendMock.sent[0]!.id })
	})
})

describe('sendEmail and transactions', () => {
	test('a message queued in a transaction that rolls back leaves no outbox row', async () => {
		await expect(
			db.transaction().execute(async (trx) => {
				await sendEmail(
					trx,
					{ to: 'anna@example.se', subject: 'Välkommen', body: body('Välkommen'), idempotencyKey: 'rolled-back-1' },
					t0,
				)
				throw new Error('the change the message was about failed')
			}),
		).rejects.toThrow('the change the message was about failed')
		expect(await db.selectFrom('outbox').select('id').execute()).toEqual([])
	})

	test('a message queued in a transaction that commits is delivered', async () => {
		await db.transaction().execute(async (trx) => {
			await sendEmail(
				trx,
				{ to: 'anna@example.se', subject: 'Välkommen', body: body('Välkommen'), idempotencyKey: 'committed-1' },
				t0,
			)
		})
		await deliverDueEmails(db, mockedResend(), t0)
		expect(resendMock.sent.map((s) => s.idempotencyKey)).toEqual(['committed-1'])
	})

	test('the same key queued twice is one message', async () => {
		await queue('once-1')
		await queue('once-1')
		await deliverDueEmails(db, mockedResend(), t0)
		expect(resendMock.sent).toHaveLength(1)
	})
})

describe('choosing the transport', () => {
	test('Resend when an API key is set, the local mailbox otherwise', () => {
		expect(transportFromConfig({ resendApiKey: 're_live_key', mailFrom: testSender, mailDir: 'data/mail' }).name).toBe(
			'resend',
		)
		expect(transportFromConfig({ resendApiKey: undefined, mailFrom: testSender, mailDir: 'data/mail' }).name).toBe(
			'mailbox',
		)
	})

	test('without a key the outbox writes .eml files into the mailbox folder', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-mail-'))
		try {
			await queue('mailbox-1', { subject: 'Välkommen till klimatavtalet 🌱', to: 'Åsa <asa@example.se>' })
			const transport = transportFromConfig({ mailFrom: testSender, mailDir: dir })
			expect(await deliverDueEmails(db, transport, t0)).toEqual({ sent: 1, retried: 0, failed: 0 })
			const files = fs.readdirSync(dir)
			expect(files).toHaveLength(1)
			const message = await parseEml(fs.readFileSync(path.join(dir, files[0]!), 'utf8'))
			expect(headerValue(message.headers, 'Subject')).toBe('Välkommen till klimatavtalet 🌱')
			expect(headerValue(message.headers, 'To')).toBe('Åsa <asa@example.se>')
			expect(message.text).toContain('Hej mailbox-1')
			expect((await row('mailbox-1')).provider_id).toBe(files[0]!.replace(/\.eml$/, ''))
			expect(resendMock.requests).toHaveLength(0)
		} finally {
			fs.rmSync(dir, { recursive: true, force: true })
		}
	})
})
