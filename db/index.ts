import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, type MigrationResultSet, type Transaction } from 'kysely'
import { AppPostgresDialect, ImmediateSqliteDialect } from './dialect.ts'
import { migrations } from './migrations/index.ts'
import type { Database } from './schema.ts'

export type DB = Kysely<Database>

/** The database or a transaction on it: what a function takes that may run inside its caller's transaction. */
export type DbHandle = Kysely<Database> | Transaction<Database>

/** Runs `work` in the caller's transaction when there is one, else in a transaction of its own. */
export async function inTransaction<T>(db: DbHandle, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
	return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work)
}

/** Where the database is: DATABASE_URL, else the SQLite file the app has always used. */
export function databaseUrl(): string {
	return process.env.DATABASE_URL ?? 'file:./data/app.db'
}

/** `postgres://…` or `postgresql://…`: a PostgreSQL server (issue 13). Anything else is SQLite. */
export function isPostgresUrl(url: string): boolean {
	return /^postgres(ql)?:\/\//i.test(url)
}

/**
 * `file:./data/app.db` or a plain path → a filesystem path (":memory:" stays as it is). A
 * PostgreSQL URL is returned unchanged, so `openDatabase(databasePath())` opens a second handle
 * on the same database whichever engine it is.
 */
export function databasePath(url = databaseUrl()): string {
	if (isPostgresUrl(url)) return url
	const file = url.startsWith('file:') ? url.slice('file:'.length) : url
	return file === ':memory:' ? file : path.resolve(file)
}

/** The database for a log line: the file, or the server and database without the password. */
export function describeDatabase(url = databaseUrl()): string {
	if (!isPostgresUrl(url)) return databasePath(url)
	const parsed = new URL(url)
	if (parsed.password) parsed.password = '***'
	return parsed.toString()
}

/** Connections each process keeps to PostgreSQL (DATABASE_POOL_SIZE); SQLite has one. */
function poolSize(): number {
	const value = Number(process.env.DATABASE_POOL_SIZE?.trim())
	return Number.isInteger(value) && value > 0 ? value : 10
}

/**
 * Opens the database at a PostgreSQL URL, or a SQLite file with the pragmas every process needs
 * (CONVENTIONS.md, "Data").
 */
export function openDatabase(location = databasePath()): DB {
	if (isPostgresUrl(location)) return new Kysely<Database>({ dialect: new AppPostgresDialect(location, poolSize()) })
	const file = databasePath(location)
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
