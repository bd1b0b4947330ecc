import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest'
import { commands } from '#app/commands.server.ts'
import { listTables } from '#db/catalog.ts'
import { copyDatabase, formatCopyReport } from '#db/copy.ts'
import { databasePath, migrateToLatest, openDatabase } from '#db/index.ts'
import { seedIfEmpty } from '#db/seed.ts'
import { copyOfTemplate, onPostgres } from '#tests/setup/databases.ts'

/**
 * `npm run db:copy` (issue 13): the demo pact, seeded into a SQLite file whichever database the run
 * uses, copied into new databases and compared table by table. With TEST_DATABASE_URL the round
 * trip goes through PostgreSQL as well.
 */
const dir = fs.mkdtempSync(path.join(inject('runDir'), 'db-copy-'))
const sqliteFile = (name: string) => `file:${path.join(dir, `${name}.db`)}`
const demo = sqliteFile('demo')

beforeAll(async () => {
	const db = openDatabase(databasePath(demo))
	await migrateToLatest(db)
	expect(await seedIfEmpty(db)).toBe(true)
	await db.destroy()
}, 60_000)

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Every app table's rows as JSON (columns in name order), sorted: what "the same pact" means here. */
async function contents(location: string): Promise<Record<string, string[]>> {
	const db = openDatabase(databasePath(location))
	try {
		const tables: Record<string, string[]> = {}
		for (const table of await listTables(db)) {
			const rows = await db
				.selectFrom(table as 'user')
				.selectAll()
				.execute()
			tables[table] = rows.map((row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)))).sort()
		}
		return tables
	} finally {
		await db.destroy()
	}
}

/** Runs the command as an operator would, returning its exit code and what it printed. */
async function runCopyCommand(from: string, to: string) {
	const printed: string[] = []
	const collect = (...args: unknown[]) => void printed.push(args.map(String).join(' '))
	vi.spyOn(console, 'log').mockImplementation(collect)
	vi.spyOn(console, 'error').mockImplementation(collect)
	vi.spyOn(console, 'warn').mockImplementation(collect)
	const code = await commands['db:copy']!([from, to])
	vi.restoreAllMocks()
	return { code, output: printed.join('\n') }
}

/**
 * A person who signs in the copy gets new ids for their user, signature and logged consent: the
 * copy moved PostgreSQL's sequences (SQLite's follow its inserts), and switched the consent
 * triggers off, if at all, only for its own transaction.
 */
async function expectFreshIds(location: string) {
	const db = openDatabase(location)
	try {
		const largest = async (table: 'user' | 'signature' | 'consent_log') =>
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.max('id').as('id'))
					.executeTakeFirstOrThrow()
			).id
		const [users, signatures, consents] = [
			await largest('user'),
			await largest('signature'),
			await largest('consent_log'),
		]
		const user = await db
			.insertInto('user')
			.values({ email: 'ny@klimatpakt.example', name: 'Ny Invånare', language: 'sv' })
			.returning('id')
			.executeTakeFirstOrThrow()
		expect(user.id).toBeGreaterThan(users)
		const now = new Date().toISOString()
		const signature = await db
			.insertInto('signature')
			.values({
				user_id: user.id,
				status: 'pending',
				lives_in_municipality: 1,
				show_first_name: 0,
				newsletter_consent: 0,
				consent_version: 'v1',
				consent_at: now,
				created_at: now,
				updated_at: now,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		expect(signature.id).toBeGreaterThan(signatures)
		const logged = await db.selectFrom('consent_log').select('id').where('user_id', '=', user.id).execute()
		expect(logged).toHaveLength(1)
		expect(logged[0]!.id).toBeGreaterThan(consents)
	} finally {
		await db.destroy()
	}
}

describe('db:copy', () => {
	test('SQLite to SQLite: every table, ids kept, the consent log once, a table of counts and checksums', async () => {
		const copy = sqliteFile('copy')
		const { code, output } = await runCopyCommand(demo, copy)
		expect(output).toContain('Every table has the same rows on both sides.')
		expect(code).toBe(0)
		expect(output).toMatch(/^consent_log +\d+ +\d+ +[0-9a-f]{32} +ok$/m)

		const source = await contents(demo)
		expect(source.user!.length).toBeGreaterThan(30)
		// The copy's inserts fire 0018's triggers; what they log must not stand beside the copied log.
		expect(source.consent_log!.length).toBeGreaterThan(30)
		expect(await contents(copy)).toEqual(source)
		await expectFreshIds(copy)
	})

	test('SQLite to PostgreSQL and back round-trips exactly; new rows get fresh ids', async (context) => {
		context.skip(!onPostgres, 'needs TEST_DATABASE_URL=postgres://…')
		const postgres = await copyOfTemplate()
		const there = await copyDatabase(demo, postgres)
		expect(formatCopyReport(there)).not.toContain('MISMATCH')
		expect(there.ok).toBe(true)
		// Analysed as part of the copy: the planner has statistics before the app's first request.
		const analysed = openDatabase(postgres)
		const never = await sql<{ relname: string }>`
			select relname from pg_stat_user_tables where last_analyze is null and relname in ('user', 'signature', 'event')
		`.execute(analysed)
		await analysed.destroy()
		expect(never.rows).toEqual([])
		const back = sqliteFile('back')
		expect((await copyDatabase(postgres, back)).ok).toBe(true)

		const source = await contents(demo)
		expect(await contents(postgres)).toEqual(source)
		expect(await contents(back)).toEqual(source)

		await expectFreshIds(postgres)
		await expectFreshIds(back)
	}, 60_000)

	test('a PostgreSQL source that others are still connected to is copied, with a warning', async (context) => {
		context.skip(!onPostgres, 'needs TEST_DATABASE_URL=postgres://…')
		const source = await copyOfTemplate()
		expect((await copyDatabase(demo, source)).otherSessionsOnSource).toBeNull()
		expect((await copyDatabase(source, sqliteFile('quiet'))).otherSessionsOnSource).toBe(0)

		// The app still running on it: one connection held open through the copy.
		const app = openDatabase(source)
		try {
			await sql`select 1`.execute(app)
			const busy = await runCopyCommand(source, sqliteFile('busy'))
			expect(busy.code).toBe(0)
			expect(busy.output).toContain('Warning: 1 other session(s) were connected to the source while it was read')
		} finally {
			await app.destroy()
		}
	})

	test('a target with a pact in it is refused and left as it was', async () => {
		const target = await copyOfTemplate()
		const db = openDatabase(target)
		await db
			.insertInto('user')
			.values({ email: 'finns@klimatpakt.example', name: 'Finns Redan', language: 'sv' })
			.execute()
		await db.destroy()
		const before = await contents(target)

		const { code, output } = await runCopyCommand(demo, target)
		expect(output).toMatch(/is not empty: user \(1\)\. db:copy only writes into a new database/)
		expect(code).toBe(1)
		expect(await contents(target)).toEqual(before)
	})

	test('an unknown source or a missing argument is refused with a message', async () => {
		expect(await runCopyCommand(sqliteFile('nowhere'), sqliteFile('elsewhere'))).toEqual({
			code: 1,
			output: `${path.join(dir, 'nowhere.db')}: no such file.`,
		})
		expect(fs.existsSync(path.join(dir, 'elsewhere.db'))).toBe(false)
		expect((await runCopyCommand(demo, '')).code).toBe(1)
	})

	test('a pact from a newer release is refused: this code cannot know its tables', async () => {
		const newer = sqliteFile('newer')
		fs.copyFileSync(databasePath(demo), databasePath(newer))
		const db = openDatabase(databasePath(newer))
		await sql`insert into kysely_migration (name, timestamp) values ('9999_future', '2030-01-01T00:00:00.000Z')`.execute(
			db,
		)
		await db.destroy()
		const { code, output } = await runCopyCommand(newer, sqliteFile('older'))
		expect(output).toMatch(/was migrated by a newer release \(9999_future\); copy it with that release\.$/)
		expect(code).toBe(1)
		expect(fs.existsSync(path.join(dir, 'older.db'))).toBe(false)
	})

	test('the report marks a table whose rows differ', () => {
		const report = formatCopyReport({
			version: '0020_job_leases',
			ok: false,
			otherSessionsOnSource: null,
			tables: [
				{ table: 'user', sourceRows: 2, targetRows: 2, sourceChecksum: 'a1', targetChecksum: 'a1' },
				{ table: 'signature', sourceRows: 2, targetRows: 1, sourceChecksum: 'b2', targetChecksum: 'c3' },
			],
		})
		expect(report.split('\n')).toEqual([
			'table        source    target  checksum (source = target)',
			'user              2         2  a1  ok',
			'signature         2         1  b2 ≠ c3  MISMATCH',
		])
	})
})
