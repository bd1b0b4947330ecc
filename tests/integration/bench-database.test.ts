// `npm run bench` on either engine (issue 13): its database is always one of its own, and
// `--write` replaces only the measured engine's section of docs/benchmarks.md.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, test } from 'vitest'
import { benchDatabase, type BenchDatabase } from '../../scripts/bench/database.ts'
import type { PageFigures } from '../../scripts/bench/load.ts'
import { POSTGRES_RUN, renderDoc, SQLITE_RUN, type Results } from '../../scripts/bench/report.ts'
import { onPostgres, testServerUrl } from '#tests/setup/postgres.ts'

function results(engine: Results['database']['engine'], reqPerSec: number): Results {
	const figures: PageFigures = { reqPerSec, p50: 5, p99: 9, errors: 0, non2xx: 0, answered: 100 }
	return {
		database: { engine, description: engine === 'postgres' ? 'PostgreSQL 15 at db:5432' : 'SQLite' },
		machine: { cpu: 'test', cores: 2, node: 'v20', date: '2026-11-30 12:00 UTC', loadAverage: 0.5 },
		settings: { connections: 50, seconds: 10, warmupSeconds: 2, signClients: 20, command: `npm run bench (${engine})` },
		pact: { signatures: 10, events: 1, rsvps: 2, seedSeconds: 0.1 },
		pages: { homeBytes: 1, homeSentBytes: 1, homeEncoding: 'br', floorBytes: 1, serverProcesses: 1 },
		rows: [{ label: '`/healthz`', figures }],
		memory: null,
		sign: null,
		confirm: null,
		newsletter: { lines: [], figures: null },
		problems: [],
	}
}

describe('docs/benchmarks.md with --write', () => {
	const sqliteTable = renderDoc(results('sqlite', 111))

	test('a PostgreSQL run adds its section after the SQLite one and keeps that one as it was', () => {
		const doc = renderDoc(results('postgres', 222), sqliteTable)
		expect(doc.startsWith(sqliteTable.trimEnd())).toBe(true)
		const postgres = doc.slice(doc.indexOf(POSTGRES_RUN))
		expect(postgres).toContain('`npm run bench (postgres)`')
		expect(postgres).toContain('| `/healthz` | 222 |')
		expect(postgres).not.toContain('| `/healthz` | 111 |')
	})

	test('each engine replaces only its own section, whichever runs next', () => {
		const both = renderDoc(results('postgres', 222), sqliteTable)
		const postgresAgain = renderDoc(results('postgres', 333), both)
		expect(postgresAgain.split(POSTGRES_RUN)).toHaveLength(2)
		expect(postgresAgain).toContain('| `/healthz` | 333 |')
		expect(postgresAgain).not.toContain('| `/healthz` | 222 |')
		expect(postgresAgain).toContain('| `/healthz` | 111 |')

		const sqliteAgain = renderDoc(results('sqlite', 444), postgresAgain)
		expect(sqliteAgain.split(SQLITE_RUN)).toHaveLength(2)
		expect(sqliteAgain.indexOf(SQLITE_RUN)).toBeLessThan(sqliteAgain.indexOf(POSTGRES_RUN))
		expect(sqliteAgain).toContain('| `/healthz` | 444 |')
		expect(sqliteAgain).not.toContain('| `/healthz` | 111 |')
		expect(sqliteAgain.slice(sqliteAgain.indexOf(POSTGRES_RUN))).toBe(
			postgresAgain.slice(postgresAgain.indexOf(POSTGRES_RUN)),
		)
	})

	test('the engine is named above the table', () => {
		expect(renderDoc(results('postgres', 1))).toContain('Database: PostgreSQL 15 at db:5432.')
	})
})

describe('the benchmark’s database', () => {
	let tmp: string | undefined
	let database: BenchDatabase | undefined
	afterEach(async () => {
		await database?.drop()
		if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
	})

	test('a file: URL runs on a new SQLite file in the run’s directory, never on the file it names', async () => {
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-database-'))
		const real = path.join(tmp, 'real-pact.db')
		database = await benchDatabase(tmp, `file:${real}`)
		expect(database.engine).toBe('sqlite')
		expect(database.url).not.toContain('real-pact')
		expect(fs.existsSync(real)).toBe(false)
	})

	test('on PostgreSQL it creates a database and a copy of it, and drops both', async (context) => {
		context.skip(!onPostgres, 'needs TEST_DATABASE_URL')
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-database-'))
		database = await benchDatabase(tmp, testServerUrl)
		expect(database.engine).toBe('postgres')
		const name = new URL(database.url).pathname.slice(1)
		expect(name).toMatch(/^klimatpakt_bench_/)
		expect(name).not.toBe(new URL(testServerUrl!).pathname.slice(1))

		const marked = new pg.Client({ connectionString: database.url })
		await marked.connect()
		await marked.query(`create table mark (n int); insert into mark values (7)`)
		await marked.end()
		const copyUrl = await database.copy()
		const copy = new pg.Client({ connectionString: copyUrl })
		await copy.connect()
		expect((await copy.query<{ n: number }>('select n from mark')).rows).toEqual([{ n: 7 }])
		await copy.end()

		await database.drop()
		const server = new pg.Client({ connectionString: testServerUrl })
		await server.connect()
		const left = await server.query(`select datname from pg_database where starts_with(datname, $1)`, [name])
		await server.end()
		expect(left.rows).toEqual([])
	})
})
