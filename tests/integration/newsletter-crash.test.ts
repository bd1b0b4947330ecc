import { spawn, type ChildProcess } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { deliverDueEmails } from '#app/mail/outbox.server.ts'
import { resendTransport } from '#app/mail/transports/resend.server.ts'
import { createNewsletter, runNewsletters, saveNewsletter, scheduleNewsletter } from '#app/newsletters/campaigns.server.ts'
import { everyone } from '#app/newsletters/segments.ts'
import { addSignatories } from '#tests/support/newsletters.ts'
import { getDb } from '#db/index.ts'
import { startResendServer, type ResendServer } from '#tests/mocks/resend-server.ts'

/**
 * The proof the issue asks for: a 2,000-recipient newsletter, the worker a separate process
 * killed with SIGKILL at random moments and restarted, against Resend's HTTP API (a local mock
 * keeping Resend's idempotency rules). In the end every recipient has exactly one message.
 */
const db = getDb()
const RECIPIENTS = 2000
let mock: ResendServer

beforeAll(async () => {
	mock = await startResendServer({ latencyMs: 20 })
})
afterAll(async () => {
	await mock.close()
})

async function newsletterTo(count: number) {
	await addSignatories(db, count)
	const id = await createNewsletter(db, (await addSignatories(db, 1, { consent: false }))[0]!.id, 'Krocktest')
	await saveNewsletter(db, id, {
		title: 'Krocktest',
		versions: { sv: { subject: 'Hej från klimatavtalet', preheader: '', body: 'Vi är **många** nu.' }, en: { subject: 'Hello from the pact', preheader: '', body: 'We are **many** now.' } },
		segment: everyone,
	})
	await scheduleNewsletter(db, id, new Date())
	return id
}

function startWorker(): ChildProcess {
	return spawn(process.execPath, ['--import', 'tsx', 'scripts/cli.mjs', 'worker'], {
		env: {
			...process.env,
			RESEND_API_KEY: 're_crash_test',
			RESEND_BASE_URL: mock.url,
			RESEND_RATE_PER_SECOND: '8',
			OUTBOX_LEASE_SECONDS: '2',
			NODE_ENV: 'test',
			VITEST: '',
			KLIMATPAKT_FROM_SOURCE: '1',
		},
		stdio: ['ignore', 'ignore', 'inherit'],
	})
}

async function killed(worker: ChildProcess) {
	if (worker.exitCode !== null || worker.signalCode !== null) return
	const exited = new Promise((resolve) => worker.once('exit', resolve))
	worker.kill('SIGKILL')
	await exited
}

const status = async (id: number) => (await db.selectFrom('newsletter').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status

describe('a worker killed again and again', () => {
	test(`a ${RECIPIENTS}-recipient newsletter reaches everyone exactly once`, { timeout: 180_000 }, async () => {
		const id = await newsletterTo(RECIPIENTS)
		const kills: string[] = []
		for (let life = 1; life <= 5; life++) {
			const worker = startWorker()
			const before = mock.requests.length
			const deadline = Date.now() + 20_000
			if (life === 1) {
				// While it starts, migrates or queues the recipients.
				await sleep(800 + Math.random() * 1500)
			} else if (life <= 4) {
				// The worst moment: Resend has accepted a batch, the answer is on its way back.
				const nth = 1 + Math.floor(Math.random() * 3)
				let accepted = 0
				const hit = new Promise<void>((resolve) => {
					mock.options.onAccepted = () => {
						if (++accepted === nth) {
							worker.kill('SIGKILL')
							resolve()
						}
					}
				})
				await Promise.race([hit, sleep(20_000)])
				mock.options.onAccepted = undefined
			} else {
				// Anywhere else: some time after a request.
				while (mock.requests.length === before && Date.now() < deadline) await sleep(10)
				await sleep(Math.random() * 200)
			}
			await killed(worker)
			kills.push(`life ${life}: ${mock.requests.length - before} request(s), newsletter ${await status(id)}`)
		}

		// The last life runs to the end.
		const last = startWorker()
		try {
			const deadline = Date.now() + 120_000
			while (Date.now() < deadline) {
				if ((await status(id)) === 'sent') break
				await sleep(200)
			}
		} finally {
			await killed(last)
		}
		expect(await status(id), kills.join('\n')).toBe('sent')

		const rows = await db.selectFrom('outbox').select(['idempotency_key', 'status']).where('newsletter_id', '=', id).execute()
		expect(rows).toHaveLength(RECIPIENTS)
		expect(rows.every((r) => r.status === 'sent')).toBe(true)
		// Exactly one message per recipient at the provider, none missing, none twice.
		expect(mock.deliveries.size).toBe(RECIPIENTS)
		expect([...mock.deliveries.values()].every((n) => n === 1)).toBe(true)
		expect(new Set(mock.deliveries.keys())).toEqual(new Set(rows.map((r) => r.idempotency_key)))
		// The kills really hit between "accepted" and "recorded": those batches were retried, and the
		// retries were replays that sent nothing (a retry under a new key would have sent twice).
		expect(mock.replays).toBeGreaterThanOrEqual(3)
		console.info(`crash test: ${mock.requests.length} requests, ${mock.replays} replays\n${kills.join('\n')}`)
	})
})

describe('Resend rate-limiting', () => {
	test('429s with Retry-After for a while: nothing lost, nothing twice, and the request rate stays within the setting', { timeout: 60_000 }, async () => {
		for (const table of ['outbox', 'newsletter_version', 'newsletter', 'signature', 'user'] as const) await db.deleteFrom(table).execute()
		const server = await startResendServer({ rateLimitedUntil: Date.now() + 2500, retryAfterSeconds: 1 })
		try {
			const id = await newsletterTo(1000)
			await runNewsletters(db)
			const rate = 5
			const transport = resendTransport({ apiKey: 're_rate_test', from: 'Klimatpakt <hej@klimatpakt.example>', requestsPerSecond: rate, baseUrl: server.url })
			const deadline = Date.now() + 40_000
			while (Date.now() < deadline) {
				await deliverDueEmails(db, transport)
				const waiting = await db.selectFrom('outbox').select('id').where('newsletter_id', '=', id).where('status', '!=', 'sent').limit(1).executeTakeFirst()
				if (!waiting) break
				await sleep(100)
			}
			expect(server.deliveries.size).toBe(1000)
			expect([...server.deliveries.values()].every((n) => n === 1)).toBe(true)
			const limited = server.requests.filter((r) => r.status === 429)
			expect(limited.length).toBeGreaterThan(0)
			// After each 429, nothing more until Retry-After has passed.
			for (const [i, request] of server.requests.entries()) {
				const next = server.requests[i + 1]
				if (request.status === 429 && next) expect(next.at - request.at).toBeGreaterThanOrEqual(950)
			}
			// Never more requests in any one second than the setting allows.
			const times = server.requests.map((r) => r.at)
			for (const [i, at] of times.entries()) {
				const inWindow = times.slice(i).filter((t) => t < at + 1000).length
				expect(inWindow).toBeLessThanOrEqual(rate)
			}
		} finally {
			await server.close()
		}
	})
})
