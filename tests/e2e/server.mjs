// Starts the production build for the browser tests on an empty database (migrated and seeded
// with demo content by the server itself) and an empty local mailbox. The database is a SQLite
// file, or with E2E_DATABASE_URL=postgres://… a new database on that PostgreSQL server (issue 13).
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'

const dir = path.resolve('tests/.tmp/e2e')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
process.env.DATABASE_URL = await emptyDatabase(process.env.E2E_DATABASE_URL)
// The tests read and write the same database (helpers.ts): this file tells them where it is.
fs.writeFileSync(path.join(dir, 'database-url'), process.env.DATABASE_URL)
process.env.MAIL_DIR = path.join(dir, 'mail')
process.env.UPLOAD_DIR = path.join(dir, 'uploads')
process.env.APP_URL = `http://localhost:${process.env.PORT}`
delete process.env.RESEND_API_KEY
// The browser tests check people in at events days ahead; the door opens 30 days before (issue 12).
process.env.CHECK_IN_OPENS_HOURS = '720'
// Every test is a visitor from an address of its own (fixtures.ts sends X-Forwarded-For), as
// residents are: the sign-in limits per network then apply per test, not to the whole run.
process.env.TRUST_PROXY = 'loopback'
// One JSON line per request would bury the test output; the log has tests of its own.
process.env.LOG_REQUESTS = 'false'
await import('../../scripts/start.mjs')

/**
 * A SQLite file in the run's directory, or on the PostgreSQL server at `serverUrl` a database made
 * anew for this port (so two runs on different ports share a server without meeting); the URL's
 * own database is only used to connect.
 */
async function emptyDatabase(serverUrl) {
	if (!serverUrl) return `file:${path.join(dir, 'app.db')}`
	if (!/^postgres(ql)?:\/\//i.test(serverUrl)) throw new Error('E2E_DATABASE_URL must be a postgres:// URL')
	const name = `klimatpakt_e2e_${process.env.PORT}`
	const client = new pg.Client({ connectionString: serverUrl })
	await client.connect()
	try {
		await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`)
		await client.query(`create database ${pg.escapeIdentifier(name)}`)
	} finally {
		await client.end()
	}
	const url = new URL(serverUrl)
	url.pathname = `/${name}`
	return url.toString()
}
