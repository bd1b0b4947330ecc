import { spawn } from 'node:child_process'
import readline from 'node:readline'
import SQLite from 'better-sqlite3'
import { expect, test } from 'vitest'
import { supportProposal, withdrawSupport } from '#app/proposals/support.server.ts'
import { databasePath, getDb } from '#db/index.ts'
import { makeUser } from '#tests/support/events.ts'
import { openProposal, proposalRow, signedPerson } from '#tests/support/proposals.ts'
import { sqliteOnly } from '#tests/setup/databases.ts'

const sqliteOnlyBecause = "forces the race by holding SQLite's write lock with a second handle"

/**
 * One support per signatory, even when the same person presses "Support" twice at the same moment
 * from two server processes. The moment is forced: the test holds SQLite's write lock until both
 * processes are waiting for it, so both start from "not supported yet".
 */
const db = getDb()

function supporter(proposalId: number, userId: number) {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'tests/support/proposals-race-child.ts', databasePath(), String(proposalId), String(userId)],
		{ env: process.env, stdio: ['pipe', 'pipe', 'pipe'] },
	)
	let errors = ''
	child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
	const lines: Array<Record<string, unknown>> = []
	const listeners: Array<() => void> = []
	readline.createInterface({ input: child.stdout }).on('line', (line) => {
		lines.push(JSON.parse(line) as Record<string, unknown>)
		for (const listener of listeners) listener()
	})
	const reached = (step: string) =>
		new Promise<Record<string, unknown>>((resolve, reject) => {
			const check = () => {
				const line = lines.find((l) => l.step === step)
				if (line) resolve(line)
			}
			listeners.push(check)
			child.on('exit', (code) => reject(new Error(`the child ended (${code}) before "${step}":\n${errors}`)))
			check()
		})
	return { reached, go: () => child.stdin.write('go\n') }
}

test('two supports at once by the same signatory give one row and a count of one', async (context) => {
	sqliteOnly(context, sqliteOnlyBecause)
	const { proposalId } = await openProposal(db)
	const person = await signedPerson(db)
	const children = [supporter(proposalId, person.userId), supporter(proposalId, person.userId)]
	await Promise.all(children.map((c) => c.reached('ready')))

	const lock = new SQLite(databasePath())
	lock.exec('begin immediate')
	try {
		for (const c of children) c.go()
		// Both have asked for the lock while the test holds it: neither has seen the other's row.
		await Promise.all(children.map((c) => c.reached('waiting')))
	} finally {
		lock.exec('rollback')
		lock.close()
	}
	const outcomes = (await Promise.all(children.map((c) => c.reached('done')))).map((d) => d.outcome)
	expect(outcomes).toContainEqual({ kind: 'supported', changed: true })
	expect(outcomes).toContainEqual({ kind: 'supported', changed: false })

	const rows = await db.selectFrom('proposal_support').selectAll().where('proposal_id', '=', proposalId).execute()
	expect(rows.map((r) => r.user_id)).toEqual([person.userId])
	expect((await proposalRow(db, proposalId)).support_count).toBe(1)
}, 60_000)

test('supporting is for signatories, not for the author, and only while the proposal is open', async () => {
	const { proposalId, author } = await openProposal(db)
	expect(await supportProposal(db, proposalId, author.userId)).toEqual({ kind: 'own-proposal' })
	expect(await supportProposal(db, proposalId, (await makeUser(db)).id)).toEqual({ kind: 'not-signatory' })

	const person = await signedPerson(db)
	expect(await supportProposal(db, proposalId, person.userId)).toEqual({ kind: 'supported', changed: true })
	expect(await supportProposal(db, proposalId, person.userId)).toEqual({ kind: 'supported', changed: false })
	expect((await proposalRow(db, proposalId)).support_count).toBe(1)
	expect(await withdrawSupport(db, proposalId, person.userId)).toEqual({ changed: true })
	expect(await withdrawSupport(db, proposalId, person.userId)).toEqual({ changed: false })
	expect((await proposalRow(db, proposalId)).support_count).toBe(0)

	await db.updateTable('proposal').set({ status: 'submitted' }).where('id', '=', proposalId).execute()
	expect(await supportProposal(db, proposalId, person.userId)).toEqual({ kind: 'closed' })
})
