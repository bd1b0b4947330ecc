// A second process for the ladder's concurrency test: checks one person in at one event through
// the events area's own checkIn (whose transaction runs the ladder's hook), when the test says go.
// It reports each step as a JSON line on stdout with the system-wide monotonic clock, so the test
// can see both processes ask for SQLite's write lock before either gets it.
// Usage: node --import tsx tests/support/ladder-race-child.ts <db file> <event id> <user id> <organiser id> <moment ISO>
import fs from 'node:fs'
import SQLite from 'better-sqlite3'
import { checkIn } from '#app/events/check-in.server.ts'
import { openDatabase } from '#db/index.ts'

const [file, eventId, userId, organiserId, moment] = process.argv.slice(2)

// Written straight to the descriptor: the line must be out before the process blocks in SQLite.
function report(step: string, details: Record<string, unknown> = {}) {
	fs.writeSync(1, `${JSON.stringify({ step, at: String(process.hrtime.bigint()), ...details })}\n`)
}

// Only watches: every transaction's BEGIN is reported just before SQLite is asked for the lock
// and just after it was granted. better-sqlite3 waits synchronously, so nothing runs in between.
const prepare = SQLite.prototype.prepare
SQLite.prototype.prepare = function (this: SQLite.Database, source: string) {
	const statement = prepare.call(this, source) as SQLite.Statement
	if (!/^begin\b/i.test(source)) return statement
	const run = statement.run.bind(statement)
	statement.run = (...params: unknown[]) => {
		report('asks-for-lock')
		const result = run(...params)
		report('has-lock')
		return result
	}
	return statement
} as typeof prepare

const db = openDatabase(file!)
report('ready')
// The barrier: both processes are started and loaded; the test releases them together.
await new Promise((resolve) => process.stdin.once('data', resolve))
const { changed } = await checkIn(db, Number(eventId), Number(userId), Number(organiserId), new Date(moment!))
report('done', { changed })
await db.destroy()
process.stdin.destroy()
