import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import { evaluateLadder } from '#app/ladder/ladder.server.ts'
import { eventAt, historyRows, ladderRow, levelUpMails, organiser, signedPerson } from '#tests/support/ladder.ts'
import { databasePath, getDb } from '#db/index.ts'

/**
 * Two organisers check the same person in at two events at the same moment, from two processes
 * (as two server processes or a server and a script would): the person is promoted once, with one
 * history row and one congratulation. The transactions begin IMMEDIATE, so the second waits for
 * the first and then sees its promotion.
 */
const run = promisify(execFile)
const db = getDb()

test('two check-ins in two processes at the same moment promote once', async () => {
	const person = await signedPerson(db, new Date('2026-03-01T10:00:00Z'))
	await evaluateLadder(db, person.userId, new Date('2026-03-01T10:00:00Z'))
	const [a, b] = [await eventAt(db, new Date('2026-03-05T17:00:00Z')), await eventAt(db, new Date('2026-03-05T17:30:00Z'))]
	const org = await organiser(db)
	const file = databasePath()
	const start = String(Date.now() + 1500)
	const child = (eventId: number) =>
		run(process.execPath, ['--import', 'tsx', 'tests/support/ladder-race-child.ts', file, String(eventId), String(person.userId), String(org), start], { env: process.env, timeout: 30_000 })
	const outputs = await Promise.all([child(a.id), child(b.id)])
	const promotions = outputs.map((o) => JSON.parse(o.stdout).promotion)
	expect(promotions.filter(Boolean)).toEqual([{ userId: person.userId, from: 1, to: 2 }])
	expect((await historyRows(db, person.userId)).filter((h) => h.to_step === 2)).toHaveLength(1)
	expect(await levelUpMails(db, person.email)).toHaveLength(1)
	expect(await ladderRow(db, person.userId)).toMatchObject({ step: 2, attended_count: 2 })
}, 60_000)
