// `npm run worker`: the background worker (outbox, and later reminders and digests) as its own
// process, beside a server started with RUN_WORKER=false or several workers at once: every job
// is safe to run twice. Ctrl-C or SIGTERM lets the current job finish, then exits.
import { config } from '#app/config.server.ts'
import { runWorker } from '#app/worker.server.ts'
import { databasePath, getDb, migrateToLatest } from '#db/index.ts'

const db = getDb()
// A worker may start before the server ever did; migrating is idempotent.
await migrateToLatest(db)

const controller = new AbortController()
function stop(signal: NodeJS.Signals) {
	if (controller.signal.aborted) {
		console.log(`worker: ${signal} again, exiting now`)
		process.exit(1)
	}
	console.log(`worker: ${signal}, finishing the current job…`)
	controller.abort()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

console.log(`worker: started on ${databasePath()}, email via ${config.resendApiKey ? 'Resend' : `the local mailbox in ${config.mailDir}`}`)
await runWorker(db, { signal: controller.signal })
await db.destroy()
console.log('worker: stopped')
