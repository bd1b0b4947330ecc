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
await import('../../scripts/start.mjs')
