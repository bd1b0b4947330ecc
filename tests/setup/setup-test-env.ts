import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, inject, vi } from 'vitest'
import { openDatabase, setDb, type DB } from '#db/index.ts'

/**
 * Each test file gets a real SQLite file copied from the migrated template, and a mailbox folder
 * of its own. The app's one database handle (getDb()) points at it, so tests, routes and areas
 * share it. Uploaded images go to a folder of its own as well.
 */
const id = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`
const runDir = inject('runDir')
const dbFile = path.join(runDir, `test-${id}.db`)
fs.copyFileSync(inject('templateDbPath'), dbFile)
process.env.DATABASE_URL = `file:${dbFile}`
process.env.MAIL_DIR = path.join(runDir, `mail-${id}`)
process.env.UPLOAD_DIR = path.join(runDir, `uploads-${id}`)

const db: DB = openDatabase(dbFile)
setDb(db)
// The registrations between areas (sign-in proofs, event audiences), made as in the running app.
// Imported only now: it loads the settings, which must see this file's folders set above.
await import('#app/areas.server.ts')

// A test fails on any console.error: an error logged is an error missed.
beforeEach(() => {
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
	})
})
afterEach(() => {
	vi.restoreAllMocks()
})
afterAll(async () => {
	await db.destroy()
	for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(file, { force: true })
	fs.rmSync(process.env.MAIL_DIR!, { recursive: true, force: true })
	fs.rmSync(process.env.UPLOAD_DIR!, { recursive: true, force: true })
})
