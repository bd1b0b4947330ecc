import { spawn } from 'node:child_process'
import readline from 'node:readline'
import SQLite from 'better-sqlite3'
import { expect, test } from 'vitest'
import { evaluateLadder } from '#app/ladder/ladder.server.ts'
import { eventAt, historyRows, ladderRow, levelUpMails, organiser, signedPerson } from '#tests/support/ladder.ts'
import { databasePath, getDb } from '#db/index.ts'
import { sqliteOnly } from '#tests/setup/databases.ts'

const sqliteOnlyBecause = "forces the race by holding SQLite's write lock with a second handle"

/**
 * Two organisers check the same person in at two events at the same moment, from two processes
 * (as two server processes or a server and a script would): the person is promoted once, with one
 * history row and one congratulation. The race is forced, not hoped for: the test holds SQLite's
 * write lock while both processes start their check-ins, so both ask for it against the same
 * state, and only then lets go. The transactions begin IMMEDIATE, so the second waits for the
 * first and then sees its promotion.
 */
const db = getDb()

interface Step {
	step: 'ready' | 'asks-for-lock' | 'has-lock' | 'done'
	at: bigint
	changed?: boolean
}

/** A check-in in a process of its own (tests/support/ladder-race-child.ts), step by step. */
function checkInProcess(args: string[]) {
	const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/ladder-race-child.ts', ...args], {
		env: process.env,
		stdio: ['pipe', 'pipe', 'pipe'],
	})
	const seen: Step[] = []
	const waiting: Array<{ step: Step['step']; resolve: (step: Step) => void; reject: (error: Error) => void }> = []
	let errors = ''
	child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
	readline.createInterface({ input: child.stdout }).on('line', (line) => {
		const raw = JSON.parse(line) as Omit<Step, 'at'> & { at: string }
		const step = { ...raw, at: BigInt(raw.at) }
		seen.push(step)
		for (const wait of waiting.filter((w) => w.step === step.step)) wait.resolve(step)
	})
	child.on('exit', (code) => {
		for (const wait of waiting)
			if (!seen.some((s) => s.step === wait.step))
				wait.reject(new Error(`the check-in process ended (${code}) before "${wait.step}":\n${errors}`))
	})
	return {
		/** The first time the process reported this step. */
		step(name: Step['step']): Promise<Step> {
			const done = seen.find((s) => s.step === name)
			if (done) return Promise.resolve(done)
			return new Promise((resolve, reject) => waiting.push({ step: name, resolve, reject }))
		},
		go: () => child.stdin.write('go\n'),
	}
}

test('two check-ins in two processes, against the same state, promote once', async (context) => {
	sqliteOnly(context, sqliteOnlyBecause)
	const person = await signedPerson(db, new Date('2026-03-01T10:00:00Z'))
	await evaluateLadder(db, person.userId, new Date('2026-03-01T10:00:00Z'))
	const [a, b] = [
		await eventAt(db, new Date('2026-03-05T17:00:00Z')),
		await eventAt(db, new Date('2026-03-05T17:30:00Z')),
	]
	const org = await organiser(db)
	const moment = '2026-03-05T17:40:00.000Z'
	const file = databasePath()
	const processes = [a, b].map((event) =>
		checkInProcess([file, String(event.id), String(person.userId), String(org), moment]),
	)
	await Promise.all(processes.map((p) => p.step('ready')))

	// Nobody writes while the test holds the lock: both check-ins start from step 1 and no attendance.
	const lock = new SQLite(file)
	lock.exec('begin immediate')
	let releasedAt: bigint
	try {
		for (const p of processes) p.go()
		await Promise.all(processes.map((p) => p.step('asks-for-lock')))
		releasedAt = process.hrtime.bigint()
	} finally {
		lock.exec('rollback')
		lock.close()
	}
	const [asked, granted, done] = await Promise.all([
		Promise.all(processes.map((p) => p.step('asks-for-lock'))),
		Promise.all(processes.map((p) => p.step('has-lock'))),
		Promise.all(processes.map((p) => p.step('done'))),
	])
	// The evidence of the race: each asked for the lock while the test held it and got it only
	// after the test let go, so both were waiting at once.
	for (const [i, step] of granted.entries()) {
		expect(asked[i]!.at).toBeLessThan(releasedAt)
		expect(step.at).toBeGreaterThanOrEqual(releasedAt)
	}
	expect(done.map((d) => d.changed)).toEqual([true, true])

	const promotions = (await historyRows(db, person.userId)).filter((h) => h.to_step === 2)
	expect(promotions.map((h) => ({ userId: h.user_id, from: h.from_step, to: h.to_step }))).toEqual([
		{ userId: person.userId, from: 1, to: 2 },
	])
	expect(await levelUpMails(db, person.email)).toHaveLength(1)
	expect(await ladderRow(db, person.userId)).toMatchObject({ step: 2, attended_count: 2 })
}, 60_000)
