import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, inject, vi } from 'vitest'
import { openDatabase, setDb, type DB } from '#db/index.ts'
import { copyOfTemplate, removeDatabaseCopies } from './databases.ts'

/**
 * Each test file gets a real database copied from the migrated template (a SQLite file, or a
 * PostgreSQL database with TEST_DATABASE_URL), and a mailbox folder of its own. The app's one
 * database handle (getDb()) points at it, so tests, routes and areas share it. Uploaded images go
 * to a folder of its own as well.
 */
const id = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`
const runDir = inject('runDir')
const location = await copyOfTemplate()
process.env.DATABASE_URL = path.isAbsolute(location) ? `file:${location}` : location
process.env.MAIL_DIR = path.join(runDir, `mail-${id}`)
process.env.UPLOAD_DIR = path.join(runDir, `uploads-${id}`)

const db: DB = openDatabase(location)
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
	await removeDatabaseCopies()
	fs.rmSync(process.env.MAIL_DIR!, { recursive: true, force: true })
	fs.rmSync(process.env.UPLOAD_DIR!, { recursive: true, force: true })
})
