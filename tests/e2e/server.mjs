// Starts the production build for the browser tests on an empty database (migrated and seeded
// with demo content by the server itself) and an empty local mailbox.
import fs from 'node:fs'
import path from 'node:path'

const dir = path.resolve('tests/.tmp/e2e')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
process.env.DATABASE_URL = `file:${path.join(dir, 'app.db')}`
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
