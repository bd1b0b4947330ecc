import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { KyselyPlugin, RootOperationNode } from 'kysely'
import { deliverDueEmails, LEASE_MS } from '#app/mail/outbox.server.ts'
import { resendTransport } from '#app/mail/transports/resend.server.ts'
import { createNewsletter, saveNewsletter, scheduleNewsletter } from '#app/newsletters/campaigns.server.ts'
import { runNewsletters } from '#app/newsletters/queueing.server.ts'
import { everyone } from '#app/newsletters/segments.ts'
import { fakeSleep, onFakeClock } from '#tests/support/clock.ts'
import { addSignatories } from '#tests/support/newsletters.ts'
import { databasePath, getDb, openDatabase } from '#db/index.ts'
import { resendApi, resendFetch, type ResendApi } from '#tests/mocks/resend-server.ts'

/**
 * The proof the issue asks for: a 2,000-recipient newsletter whose worker crashes again and again,
 * each time at a chosen moment (while queueing, the moment Resend has accepted a batch and the
 * answer is on its way back, while recording a sent batch), and is restarted, against
 * Resend's API (a mock keeping Resend's idempotency rules). In the end every recipient has exactly
 * one message. Everything runs on a fake clock: a restarted worker finds the dead one's claims once
 * their lease has run out without the test waiting for it.
 */
const db = getDb()
const RECIPIENTS = 2000

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: new Date('2026-05-04T08:00:00Z') })
})
afterEach(() => {
	vi.useRealTimers()
	vi.unstubAllGlobals()
})

async function newsletterTo(count: number) {
	await addSignatories(db, count)
	const id = await createNewsletter(db, (await addSignatories(db, 1, { consent: false }))[0]!.id, 'Krocktest')
	await saveNewsletter(db, id, {
		title: 'Krocktest',
		versions: {
			sv: { subject: 'Hej från klimatavtalet', preheader: '', body: 'Vi är **många** nu.' },
			en: { subject: 'Hello from the pact', preheader: '', body: 'We are **many** now.' },
		},
		segment: everyone,
	})
	await scheduleNewsletter(db, id, new Date())
	return id
}

const status = async (id: number) =>
	(await db.selectFrom('newsletter').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status

class Crash extends Error {}

/** The table a statement writes to, and the columns it sets. */
function writes(node: RootOperationNode): { kind: 'insert' | 'update'; table: string; columns: string[] } | null {
	const tableName = (table: unknown) =>
		(table as { table?: { identifier?: { name?: string } } } | undefined)?.table?.identifier?.name ?? ''
	if (node.kind === 'InsertQueryNode')
		return { kind: 'insert', table: tableName(node.into), columns: (node.columns ?? []).map((c) => c.column.name) }
	if (node.kind === 'UpdateQueryNode') {
		const columns = (node.updates ?? []).map((u) => (u.column as { column?: { name?: string } }).column?.name ?? '')
		return { kind: 'update', table: tableName(node.table), columns }
	}
	return null
}

/**
 * One life of the worker, as a process: a database connection of its own, a transport of its own,
 * and the two jobs the worker runs for newsletters each tick. When it crashes, it crashes: the
 * statement at hand never runs, an open transaction is rolled back (as SQLite does for a killed
 * process), and nothing it tries afterwards reaches the database.
 */
function workerLife(mock: ResendApi, crashBefore?: (statement: NonNullable<ReturnType<typeof writes>>) => boolean) {
	let dead = false
	const crash: KyselyPlugin = {
		transformQuery({ node }) {
			const statement = writes(node)
			if (!dead && statement && crashBefore?.(statement)) dead = true
			if (dead) throw new Crash('the worker crashed')
			return node
		},
		transformResult: async ({ result }) => result,
	}
	const connection = openDatabase(databasePath())
	const lifeDb = connection.withPlugin(crash)
	const transport = resendTransport({
		apiKey: 're_crash_test',
		from: 'Klimatpakt <hej@klimatpakt.example>',
		requestsPerSecond: 8,
		baseUrl: 'https://resend.test',
	})
	return {
		/** Crashes at the next statement: for a moment chosen outside the database (the mock's hook). */
		crash: () => (dead = true),
		/** Ticks until the newsletter is sent (true) or the worker crashes (false). */
		async run(id: number): Promise<boolean> {
			try {
				for (let tick = 0; tick < 1000; tick++) {
					await onFakeClock(runNewsletters(lifeDb))
					await onFakeClock(deliverDueEmails(lifeDb, transport))
					if ((await status(id)) === 'sent') return true
					await fakeSleep(1000)
				}
				throw new Error(`the newsletter was not sent: ${await status(id)}, ${mock.requests.length} requests`)
			} catch (error) {
				if (error instanceof Crash) return false
				throw error
			} finally {
				await connection.destroy()
			}
		},
	}
}

describe('a worker that crashes again and again', () => {
	test(`a ${RECIPIENTS}-recipient newsletter reaches everyone exactly once`, async () => {
		const mock = resendApi()
		vi.stubGlobal('fetch', resendFetch(mock))
		const id = await newsletterTo(RECIPIENTS)
		const lives: string[] = []
		let accepted = 0
		const crashes: Array<{ what: string; life: () => ReturnType<typeof workerLife> }> = [
			{
				// Queueing writes 500 recipients per transaction: two are in, the third is being written.
				what: 'while queueing the recipients',
				life: () => {
					let chunks = 0
					return workerLife(mock, (s) => s.kind === 'insert' && s.table === 'outbox' && ++chunks === 3)
				},
			},
			// The worst moment: Resend has accepted a batch, the answer is on its way back.
			...[1, 2, 3].map((nth) => ({
				what: `the moment Resend accepted request ${nth} of this life`,
				life: () => {
					const life = workerLife(mock)
					accepted = 0
					mock.options.onAccepted = () => {
						if (++accepted === nth) life.crash()
					}
					return life
				},
			})),
			{
				// The second batch of this life was sent; the statement recording it never runs, and its
				// transaction is rolled back.
				what: 'while recording a sent batch',
				life: () => {
					let recorded = 0
					return workerLife(
						mock,
						(s) => s.kind === 'update' && s.table === 'outbox' && s.columns.includes('sent_at') && ++recorded === 2,
					)
				},
			},
		]

		for (const [i, { what, life }] of crashes.entries()) {
			const before = mock.requests.length
			const worker = life()
			const finished = await worker.run(id)
			mock.options.onAccepted = undefined
			lives.push(
				`life ${i + 1}, crashed ${what}: ${mock.requests.length - before} request(s), newsletter ${await status(id)}`,
			)
			expect(finished, lives.join('\n')).toBe(false)
			// Restarted; the claims of the one that died are retried once their lease has run out.
			vi.setSystemTime(Date.now() + LEASE_MS)
		}

		// The last life runs to the end.
		expect(await workerLife(mock).run(id), lives.join('\n')).toBe(true)
		expect(await status(id), lives.join('\n')).toBe('sent')

		const rows = await db
			.selectFrom('outbox')
			.select(['idempotency_key', 'status'])
			.where('newsletter_id', '=', id)
			.execute()
		expect(rows).toHaveLength(RECIPIENTS)
		expect(rows.every((r) => r.status === 'sent')).toBe(true)
		// Exactly one message per recipient at the provider, none missing, none twice.
		expect(mock.deliveries.size).toBe(RECIPIENTS)
		expect([...mock.deliveries.values()].every((n) => n === 1)).toBe(true)
		expect(new Set(mock.deliveries.keys())).toEqual(new Set(rows.map((r) => r.idempotency_key)))
		// The crashes really hit between "accepted" and "recorded" (three right after, one while
		// recording): those four batches were retried, and the retries were replays that
		// sent nothing (a retry under a new key would have sent twice).
		expect(mock.replays).toBe(4)
	})
})

describe('Resend rate-limiting', () => {
	test('429s with Retry-After for a while: nothing lost, nothing twice, and the request rate stays within the setting', async () => {
		for (const table of ['outbox', 'newsletter_version', 'newsletter', 'signature', 'user'] as const)
			await db.deleteFrom(table).execute()
		const server = resendApi({ rateLimitedUntil: Date.now() + 2500, retryAfterSeconds: 1 })
		vi.stubGlobal('fetch', resendFetch(server))
		const id = await newsletterTo(1000)
		await runNewsletters(db)
		const rate = 5
		const transport = resendTransport({
			apiKey: 're_rate_test',
			from: 'Klimatpakt <hej@klimatpakt.example>',
			requestsPerSecond: rate,
			baseUrl: 'https://resend.test',
		})
		const deadline = Date.now() + 40_000
		while (Date.now() < deadline) {
			await onFakeClock(deliverDueEmails(db, transport))
			const waiting = await db
				.selectFrom('outbox')
				.select('id')
				.where('newsletter_id', '=', id)
				.where('status', '!=', 'sent')
				.limit(1)
				.executeTakeFirst()
			if (!waiting) break
			await fakeSleep(100)
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
	})
})
