// A second process for the support race (tests/integration/proposals-support-race.test.ts):
// supports one proposal as one person through the area's own supportProposal when the test
// writes a line on stdin. Prints JSON lines: "ready" once loaded, "waiting" just before its
// transaction asks SQLite for the write lock, "done" with the outcome.
// Usage: node --import tsx tests/support/proposals-race-child.ts <db file> <proposal id> <user id>
import fs from 'node:fs'
import SQLite from 'better-sqlite3'
import { supportProposal } from '#app/proposals/support.server.ts'
import { openDatabase } from '#db/index.ts'

const [file, proposalId, userId] = process.argv.slice(2)
const say = (line: Record<string, unknown>) => fs.writeSync(1, `${JSON.stringify(line)}\n`)

// Watches BEGIN only: the line goes out before better-sqlite3 blocks waiting for the lock.
const originalPrepare = SQLite.prototype.prepare
SQLite.prototype.prepare = function (this: SQLite.Database, source: string) {
	const statement = originalPrepare.call(this, source) as SQLite.Statement
	if (/^begin\b/i.test(source)) {
		const begin = statement.run.bind(statement)
		statement.run = (...params: unknown[]) => {
			say({ step: 'waiting' })
			return begin(...params)
		}
	}
	return statement
} as typeof originalPrepare

const db = openDatabase(file!)
say({ step: 'ready' })
await new Promise((resolve) => process.stdin.once('data', resolve))
say({ step: 'done', outcome: await supportProposal(db, Number(proposalId), Number(userId)) })
await db.destroy()
process.stdin.destroy()
