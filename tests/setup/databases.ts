import fs from 'node:fs'
import path from 'node:path'
import { inject, type TestContext } from 'vitest'
import { openDatabase, type DB } from '#db/index.ts'
import { createPostgresDatabase, dropPostgresDatabases, onPostgres } from './postgres.ts'

export { onPostgres }

/**
 * Databases for a test file, of whichever kind the run uses (SQLite files, or PostgreSQL with
 * TEST_DATABASE_URL). Every one is a copy of the run's migrated template, so it starts with the
 * schema and the rows the migrations insert, and nothing else.
 */
const made: string[] = []
const fileId = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`

/**
 * A new copy of the template; returns where it is, for openDatabase() or a child process's
 * DATABASE_URL. removeDatabaseCopies() (the setup's afterAll) removes it.
 */
export async function copyOfTemplate(): Promise<string> {
	const name = `${inject('databasePrefix')}${fileId}_${made.length}`
	made.push(name)
	if (onPostgres) return createPostgresDatabase(name, new URL(inject('templateDatabase')).pathname.slice(1))
	const file = path.join(inject('runDir'), `${name}.db`)
	fs.copyFileSync(inject('templateDatabase'), file)
	return file
}

/**
 * Where a database with nothing in it, not even the schema, may be made: a new PostgreSQL database,
 * or a SQLite path where no file is yet. For restoring a backup into; removed like the copies.
 */
export async function unmigratedDatabase(): Promise<string> {
	const name = `${inject('databasePrefix')}${fileId}_${made.length}`
	made.push(name)
	if (onPostgres) return createPostgresDatabase(name)
	return path.join(inject('runDir'), `${name}.db`)
}

/** A second database, migrated and empty, opened; the caller destroys it. */
export async function emptyDatabase(): Promise<DB> {
	return openDatabase(await copyOfTemplate())
}

/** Removes this file's copies; their handles must be closed (PostgreSQL's are cut off anyway). */
export async function removeDatabaseCopies(): Promise<void> {
	if (onPostgres) await dropPostgresDatabases(`${inject('databasePrefix')}${fileId}_`)
	else
		for (const name of made) {
			const file = path.join(inject('runDir'), `${name}.db`)
			for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
		}
}

/**
 * For a test that only means something on SQLite (it reads SQLite's files, or holds its write
 * lock to force a race): on PostgreSQL it stops here and is reported skipped, with the reason.
 */
export function sqliteOnly(context: Pick<TestContext, 'skip'>, reason: string): void {
	context.skip(onPostgres, `SQLite only: ${reason}`)
}
