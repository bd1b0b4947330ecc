import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { evaluateLadder } from '#app/ladder/ladder.server.ts'
import { queueEmail } from '#app/mail/send-email.server.ts'
import { openDatabase, type DB } from '#db/index.ts'
import { copyOfTemplate } from '#tests/setup/databases.ts'
import { testServerUrl } from '#tests/setup/postgres.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { eventAt, historyRows, ladderRow, levelUpMails, organiser, signedPerson } from '#tests/support/ladder.ts'
import { childrenOf, connectedTo } from '#tests/support/processes.ts'
import { cookieFor } from '#tests/support/routes.ts'
import {
	buildIfStale,
	reach,
	serverDir,
	startServer,
	stopServers,
	type Reached,
	type ServerProcess,
} from '#tests/support/server-process.ts'

/**
 * Issue 13: several app processes on one PostgreSQL database, as several app machines behind a
 * load balancer run. Two production servers (server.mjs on the build), each with two web
 * processes, share one database; the requests are spread over both at once. Nothing here holds a
 * lock to force the race (db/locks.ts does the app's locking): the overlap comes from hundreds of
 * requests in flight in four processes, each with its own pool of connections. Only with
 * TEST_DATABASE_URL: on SQLite the one-writer rule is tested by events-concurrency.test.ts.
 */

let databaseUrl = ''
let shared: DB | undefined
const databasePort = () => Number(new URL(testServerUrl ?? 'postgres://localhost').port || 5432)

beforeAll(async () => {
	if (process.env.TEST_DATABASE_URL) await buildIfStale()
}, 180_000)
afterEach(async () => {
	await stopServers()
	await shared?.destroy()
	shared = undefined
})

/** A database of this test's own, migrated and empty, that the servers and the test share. */
async function sharedDatabase(): Promise<DB> {
	databaseUrl = await copyOfTemplate()
	shared = openDatabase(databaseUrl)
	return shared
}

/**
 * Two servers on the shared database, two web processes each; returns once all four have served
 * a request that reached the database, so every one of them takes part in what follows.
 */
async function twoServers(): Promise<ServerProcess[]> {
	const env = { DATABASE_URL: databaseUrl, WEB_CONCURRENCY: '2', TRUST_PROXY: 'true', RUN_WORKER: 'false' }
	const servers = await Promise.all([startServer(env), startServer(env)])
	for (const server of servers) {
		for (let tries = 0; ; tries++) {
			const processes = childrenOf(server.child.pid!)
			if (processes.length === 2 && connectedTo(databasePort(), processes).length === 2) break
			if (tries > 300) throw new Error(`server ${server.port}: not both web processes answer:\n${server.output()}`)
			// The supervisor hands connections to its processes in turn: a few reach each one.
			await Promise.all([1, 2, 3, 4].map(() => reach(`${server.base}/healthz`)))
			await new Promise((resolve) => setTimeout(resolve, 100))
		}
	}
	return servers
}

let addresses = 0

/** A form posted as a browser on the server's own origin does, each from a network of its own (TRUST_PROXY). */
function post(server: ServerProcess, pathname: string, cookie: string, fields: Record<string, string>) {
	addresses += 1
	const body = new URLSearchParams(fields).toString()
	const headers = {
		'content-type': 'application/x-www-form-urlencoded',
		origin: `http://localhost:${server.port}`,
		host: `localhost:${server.port}`,
		cookie,
		'x-forwarded-for': `10.13.${(addresses >> 8) & 255}.${addresses & 255}`,
	}
	return reach(`${server.base}${pathname}`, headers, body, 'POST', 60_000)
}

/** Every answer, by status; a connection error counts under its code. */
function statuses(answers: Reached[]): Record<string, number> {
	const counted: Record<string, number> = {}
	for (const answer of answers) {
		const key = String(answer.status ?? answer.error)
		counted[key] = (counted[key] ?? 0) + 1
	}
	return counted
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL, two servers with two processes each', () => {
	test('500 people take one of 30 places through both servers at once: 30 going, 470 waiting in order, one confirmation each', async () => {
		const db = await sharedDatabase()
		const host = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, host.id, new Date(Date.now() + 7 * 86_400_000), { capacity: 30 })
		const people = await db
			.insertInto('user')
			.values(
				Array.from({ length: 500 }, (_, i) => ({
					email: `rsvp-${i}@example.org`,
					name: `Deltagare ${i}`,
					language: 'sv' as const,
				})),
			)
			.returning(['id', 'email'])
			.execute()
		const cookies = await Promise.all(people.map((person) => cookieFor(person.id, db)))
		const servers = await twoServers()

		const answers = await Promise.all(
			people.map((_, i) =>
				post(servers[i % 2]!, `/events/${event.slug}`, cookies[i]!, { intent: 'rsvp', homepage: '' }),
			),
		)

		// Every request answered as a browser's RSVP is: the event page again, with what happened.
		expect(statuses(answers)).toEqual({ 303: 500 })
		for (const answer of answers) expect(answer.headers?.location).toMatch(new RegExp(`^/events/${event.slug}\\?done=`))
		// All four processes took part: each still holds its pool's connections to the database.
		const processes = servers.flatMap((server) => childrenOf(server.child.pid!))
		expect(connectedTo(databasePort(), processes)).toHaveLength(4)

		const rows = await db
			.selectFrom('event_rsvp')
			.select(['user_id', 'status', 'position'])
			.where('event_id', '=', event.id)
			.orderBy('position')
			.execute()
		expect(rows).toHaveLength(500)
		expect(new Set(rows.map((row) => row.user_id)).size).toBe(500)
		expect(rows.filter((row) => row.status === 'going')).toHaveLength(30)
		const waiting = rows.filter((row) => row.status === 'waiting')
		expect(waiting).toHaveLength(470)
		expect(new Set(waiting.map((row) => row.position)).size).toBe(470)
		// Nobody who came later took a place ahead of someone waiting: the first 30 arrivals are going.
		expect(rows.slice(0, 30).every((row) => row.status === 'going')).toBe(true)

		// One message each, the one that matches the row: a confirmation for a place, a waitlist notice otherwise.
		const mailed = async (kind: string) =>
			(
				await db
					.selectFrom('outbox')
					.select('to_address')
					.where('idempotency_key', 'like', `rsvp-${kind}:${event.id}:%`)
					.execute()
			)
				.map((row) => row.to_address)
				.sort()
		const addressesOf = (status: string) => {
			const ids = new Set(rows.filter((row) => row.status === status).map((row) => row.user_id))
			return people
				.filter((person) => ids.has(person.id))
				.map((person) => person.email)
				.sort()
		}
		expect(await mailed('going')).toEqual(addressesOf('going'))
		expect(await mailed('waiting')).toEqual(addressesOf('waiting'))
	}, 120_000)
})

describe.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL, two servers checking people in', () => {
	test('20 people checked in at two events, each through both servers at once: one attendance each, promoted once, one congratulation', async () => {
		const db = await sharedDatabase()
		const soon = Date.now() + 30 * 60_000
		const events = [await eventAt(db, new Date(soon)), await eventAt(db, new Date(soon + 10 * 60_000))]
		const people = await Promise.all(Array.from({ length: 20 }, () => signedPerson(db)))
		for (const person of people) await evaluateLadder(db, person.userId)
		const cookie = await cookieFor(await organiser(db), db)
		const servers = await twoServers()

		// Each person at each event, through each server: four check-ins of one person at once.
		const answers = await Promise.all(
			people.flatMap((person) =>
				events.flatMap((event) =>
					servers.map((server) =>
						post(server, `/organise/events/${event.id}/check-in`, cookie, {
							intent: 'check-in',
							userId: String(person.userId),
						}),
					),
				),
			),
		)

		expect(statuses(answers)).toEqual({ 200: 80 })
		for (const person of people) {
			const attendance = await db
				.selectFrom('event_attendance')
				.select('event_id')
				.where('user_id', '=', person.userId)
				.orderBy('event_id')
				.execute()
			expect(attendance.map((row) => row.event_id)).toEqual(events.map((event) => event.id))
			const promotions = (await historyRows(db, person.userId)).filter((row) => row.to_step === 2)
			expect(promotions).toHaveLength(1)
			expect(await levelUpMails(db, person.email)).toHaveLength(1)
			// The later check-in waited for the earlier one and counted it.
			expect(await ladderRow(db, person.userId)).toMatchObject({ step: 2, attended_count: 2 })
		}
	}, 120_000)
})

/** The workers a test started, stopped after it; and their mailbox folders, removed. */
const workers: Array<() => Promise<unknown>> = []
const mailDirs: string[] = []
afterEach(async () => {
	await Promise.all(workers.splice(0).map((stop) => stop()))
	for (const dir of mailDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** `npm run worker` on the build against the shared database, delivering into a mailbox folder of its own. */
function startWorker(mailDir: string) {
	const child = spawn(process.execPath, ['scripts/cli.mjs', 'worker'], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			DATABASE_URL: databaseUrl,
			MAIL_DIR: mailDir,
			RESEND_API_KEY: '',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
	const stop = async () => {
		if (child.exitCode === null) child.kill('SIGTERM')
		return exited
	}
	workers.push(stop)
	return { mailDir, output: () => output, stop, delivered: () => mailbox(mailDir) }
}

/** The messages in a mailbox folder: one file each, named by the message's key. */
function mailbox(dir: string): string[] {
	return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.eml')) : []
}

async function queueMessages(db: DB, wave: string, howMany: number) {
	for (let i = 0; i < howMany; i++)
		await queueEmail(db, {
			idempotencyKey: `${wave}-${i}`,
			to: `${wave}-${i}@example.org`,
			subject: 'Hej',
			html: '<p>Hej</p>',
			text: 'Hej',
		})
}

/** Returns once no message is left to deliver (none queued, none being sent). */
async function untilDrained(db: DB, workerOutput: () => string) {
	for (let waited = 0; ; waited += 100) {
		const left = await db.selectFrom('outbox').select('id').where('status', 'in', ['queued', 'sending']).execute()
		if (left.length === 0) return
		if (waited > 45_000) throw new Error(`${left.length} messages still undelivered:\n${workerOutput()}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL, two workers on one outbox', () => {
	test('two worker processes deliver 300 messages, then 100 more after one stops: each exactly once', async () => {
		const db = await sharedDatabase()
		const dir = serverDir()
		mailDirs.push(dir)
		await queueMessages(db, 'first', 300)
		const pair = [startWorker(path.join(dir, 'mail-a')), startWorker(path.join(dir, 'mail-b'))]
		const output = () => pair.map((worker) => worker.output()).join('\n')

		await untilDrained(db, output)
		const firstWave = pair.map((worker) => worker.delivered())
		expect(firstWave.flat()).toHaveLength(300)
		expect(new Set(firstWave.flat()).size).toBe(300)
		// Delivery is an every-tick job leased to one worker at a time (app/jobs.server.ts, decision
		// 0022): one worker delivered them all, the other never claimed a message.
		expect(firstWave.map((names) => names.length).sort((x, y) => x - y)).toEqual([0, 300])

		// The one that delivered stops and lets go of its lease; the other takes over the next messages.
		const [busy, idle] = firstWave[0]!.length > 0 ? [pair[0]!, pair[1]!] : [pair[1]!, pair[0]!]
		expect(await busy.stop()).toBe(0)
		await queueMessages(db, 'second', 100)
		await untilDrained(db, output)

		const delivered = pair.map((worker) => worker.delivered())
		expect(delivered.flat()).toHaveLength(400)
		expect(new Set(delivered.flat()).size).toBe(400)
		expect(idle.delivered().filter((name) => name.includes('-second-'))).toHaveLength(100)
		const rows = await db.selectFrom('outbox').select(['status', 'provider_id']).execute()
		expect(rows).toHaveLength(400)
		expect(rows.every((row) => row.status === 'sent')).toBe(true)
		expect(new Set(rows.map((row) => row.provider_id)).size).toBe(400)
	}, 120_000)
})
