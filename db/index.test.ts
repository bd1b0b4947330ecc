import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { columnsOf, columnsReferencing, listTables } from './catalog.ts'
import { isPostgres } from './engine.ts'
import { databasePath, describeDatabase, getDb, openDatabase } from './index.ts'

describe('choosing the database by DATABASE_URL', () => {
	test('a postgres:// or postgresql:// URL is PostgreSQL; file: and paths are SQLite, as before', async () => {
		// A pool connects on its first query, so this opens nothing.
		for (const url of ['postgres://app:secret@db.example:5432/pact', 'postgresql://db.example/pact']) {
			const handle = openDatabase(url)
			expect(isPostgres(handle)).toBe(true)
			expect(databasePath(url)).toBe(url)
			await handle.destroy()
		}
		const sqlite = openDatabase(':memory:')
		expect(isPostgres(sqlite)).toBe(false)
		await sqlite.destroy()
		expect(databasePath('file:./data/app.db')).toBe(databasePath('./data/app.db'))
	})

	test('log lines name the database without its password', () => {
		expect(describeDatabase('postgres://app:secret@db.example:5432/pact')).toBe(
			'postgres://app:***@db.example:5432/pact',
		)
		expect(describeDatabase('postgres://db.example/pact')).toBe('postgres://db.example/pact')
		expect(describeDatabase('file:/srv/klimatpakt/app.db')).toBe('/srv/klimatpakt/app.db')
	})
})

describe('the same answers from both engines', () => {
	test('counts and sums are numbers, not the strings node-pg gives for int8', async () => {
		const db = getDb()
		await db.insertInto('user').values({ email: 'counted@example.se', name: 'Räknad', language: 'sv' }).execute()
		const { rows } = await sql<{ n: unknown; total: unknown }>`
			select count(*) as n, sum(id) as total from ${sql.table('user')}`.execute(db)
		expect(rows[0]!.n).toBeGreaterThan(0)
		expect(typeof rows[0]!.n).toBe('number')
		expect(typeof rows[0]!.total).toBe('number')
	})

	test('the catalogue lists the tables, their columns and what refers to a table', async () => {
		const db = getDb()
		const tables = await listTables(db)
		expect(tables).toContain('user')
		expect(tables.some((name) => name.startsWith('kysely_'))).toBe(false)
		expect(await columnsOf(db, 'user')).toEqual(expect.arrayContaining(['id', 'email', 'name', 'created_at']))
		const references = await columnsReferencing(db, 'user')
		expect(references).toContainEqual({ table: 'signature', column: 'user_id' })
		expect(references).toContainEqual({ table: 'session', column: 'user_id' })
		expect(references.every((reference) => tables.includes(reference.table))).toBe(true)
	})
})
