import { DummyDriver, Kysely, PostgresAdapter, PostgresQueryCompiler, SqliteAdapter, SqliteQueryCompiler } from 'kysely'
import { afterEach, describe, expect, test } from 'vitest'
import { deliverDueEmails, type Transport } from '#app/mail/outbox.server.ts'
import { skippingClaimed } from '#db/claims.ts'
import { databasePath, getDb, openDatabase, type DB } from '#db/index.ts'
import type { Database } from '#db/schema.ts'
import { onPostgres } from '#tests/setup/postgres.ts'
import { t0 } from '#tests/support/mail.ts'

const db = getDb()

afterEach(async () => {
	await db.deleteFrom('outbox').execute()
})

/** A transport that only writes down what it was handed, at once: the workers spend their time claiming. */
function recordingTransport(sent: string[]): Transport {
	return {
		name: 'mailbox',
		async send(email) {
			await Promise.resolve()
			sent.push(email.idempotencyKey)
			return { outcome: 'sent', providerId: `p-${email.idempotencyKey}` }
		},
		async sendBatch(emails) {
			await Promise.resolve()
			sent.push(...emails.map((email) => email.idempotencyKey))
			return { outcome: 'sent', providerIds: emails.map((email) => `p-${email.idempotencyKey}`) }
		},
	}
}

async function queueDue(count: number, batchOf?: number): Promise<string[]> {
	const keys = Array.from({ length: count }, (_, i) => `claim-${i}`)
	await db
		.insertInto('outbox')
		.values(
			keys.map((key, i) => ({
				idempotency_key: key,
				to_address: `person-${i}@example.se`,
				subject: 'Hej',
				html: '<p>Hej</p>',
				text: 'Hej',
				headers: '{}',
				attachments: '[]',
				status: 'queued' as const,
				next_attempt_at: t0.toISOString(),
				created_at: t0.toISOString(),
				batch_key: batchOf ? `batch-${Math.floor(i / batchOf)}` : null,
			})),
		)
		.execute()
	return keys
}

const stillQueued = async () =>
	Number(
		(
			await db
				.selectFrom('outbox')
				.select((eb) => eb.fn.countAll().as('n'))
				.where('status', '=', 'queued')
				.executeTakeFirstOrThrow()
		).n,
	)

/**
 * Two workers, each with its own connections to the same database, deliver at the same moment.
 * Each run ends when its claim comes back empty; how many messages were still queued right then
 * shows whether "nothing due" was true.
 */
async function deliverWithTwoWorkers() {
	const other = openDatabase(databasePath())
	const run = async (handle: DB) => {
		const sent: string[] = []
		await deliverDueEmails(handle, recordingTransport(sent), t0)
		return { sent, leftQueued: await stillQueued() }
	}
	try {
		const [a, b] = await Promise.all([run(db), run(other)])
		return { a, b }
	} finally {
		await other.destroy()
	}
}

// On SQLite one writer at a time takes the claims in turn: tests/integration/mail-outbox.test.ts has two workers there.
describe.skipIf(!onPostgres)('two workers claiming from the same PostgreSQL outbox at once', () => {
	test('200 due messages: each is sent exactly once, both send some, and neither stops while some are due', async () => {
		const keys = await queueDue(200)
		const { a, b } = await deliverWithTwoWorkers()
		expect([...a.sent, ...b.sent].sort()).toEqual([...keys].sort())
		expect(a.sent.length).toBeGreaterThan(0)
		expect(b.sent.length).toBeGreaterThan(0)
		// A worker that lost a race for a row takes the next one instead of reading "nothing due":
		// when its claim came back empty, at most the row the other was claiming right then was left.
		expect(a.leftQueued).toBeLessThanOrEqual(1)
		expect(b.leftQueued).toBeLessThanOrEqual(1)
		const statuses = await db.selectFrom('outbox').select('status').distinct().execute()
		expect(statuses).toEqual([{ status: 'sent' }])
	})

	test('batches travel whole: every message once, each batch in one request', async () => {
		const keys = await queueDue(200, 20)
		const { a, b } = await deliverWithTwoWorkers()
		expect([...a.sent, ...b.sent].sort()).toEqual([...keys].sort())
		// Of two workers that picked the same batch, the one that waited looked again for the next.
		expect(a.leftQueued).toBeLessThanOrEqual(20)
		expect(b.leftQueued).toBeLessThanOrEqual(20)
		// Keys of one batch are consecutive, so a batch split between the workers would show here.
		for (const { sent } of [a, b])
			for (let i = 0; i < sent.length; i += 20)
				expect(new Set(sent.slice(i, i + 20).map((key) => Math.floor(Number(key.slice(6)) / 20))).size).toBe(1)
	})
})

describe('the claim’s lookup on each engine', () => {
	const compiled = (engine: 'sqlite' | 'postgres') => {
		const handle: DB = new Kysely<Database>({
			dialect: {
				createAdapter: () => (engine === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
				createDriver: () => new DummyDriver(),
				createIntrospector: () => {
					throw new Error('not needed')
				},
				createQueryCompiler: () => (engine === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
			},
		})
		return skippingClaimed(handle, handle.selectFrom('outbox').select('id').limit(1)).compile().sql
	}

	test('SQLite keeps its statement; PostgreSQL skips rows another claim holds', () => {
		expect(compiled('sqlite')).toBe('select "id" from "outbox" limit ?')
		expect(compiled('postgres')).toBe('select "id" from "outbox" limit $1 for update skip locked')
	})
})
