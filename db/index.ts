import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, type MigrationResultSet, type Transaction } from 'kysely'
import { ImmediateSqliteDialect } from './dialect.ts'
import { migrations } from './migrations/index.ts'
import type { Database } from './schema.ts'

export type DB = Kysely<Database>

/** The database or a transaction on it: what a function takes that may run inside its caller's transaction. */
export type DbHandle = Kysely<Database> | Transaction<Database>

/** Runs `work` in the caller's transaction when there is one, else in a transaction of its own. */
export async function inTransaction<T>(db: DbHandle, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
	return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work)
}

/** `file:./data/app.db` or a plain path → a filesystem path (":memory:" stays as it is). */
export function databasePath(url = process.env.DATABASE_URL ?? 'file:./data/app.db'): string {
	const file = url.startsWith('file:') ? url.slice('file:'.length) : url
	return file === ':memory:' ? file : path.resolve(file)
}

/** Opens SQLite with the pragmas every process needs (CONVENTIONS.md, "Data"). */
export function openDatabase(file = databasePath()): DB {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
	const sqlite = new SQLite(file)
	sqlite.pragma('journal_mode = WAL')
	sqlite.pragma('foreign_keys = ON')
	sqlite.pragma('busy_timeout = 5000')
	sqlite.pragma('synchronous = NORMAL')
	return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) })
}

let shared: DB | undefined

/** The process's one database handle, opened on first use. */
export function getDb(): DB {
	shared ??= openDatabase()
	return shared
}

/** Lets tests and scripts point the process at another database. */
export function setDb(db: DB | undefined): void {
	shared = db
}

export async function migrateToLatest(db: DB): Promise<MigrationResultSet> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
	const result = await migrator.migrateToLatest()
	if (result.error) throw result.error
	return result
}
