import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import net from 'node:net'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { cookieFor } from '#tests/support/routes.ts'
import { databasePath, getDb } from '#db/index.ts'
import { onPostgres, sqliteOnly } from '#tests/setup/databases.ts'

const sqliteOnlyBecause = "forces the race by holding SQLite's write lock with a second handle"

/**
 * The rule that matters most, tested the way it happens: 200 people press "Sign me up" for a
 * 30-place event at the same moment, over HTTP, against the production build running as its own
 * processes (two web processes, as on a two-core server) on this test's database. The moment is
 * forced, not hoped for: the test holds SQLite's write lock until every request has been sent, so
 * all 200 meet the same state (nobody going yet), and none is answered before the lock is let go.
 */

const db = getDb()
const root = process.cwd()

/** Builds the app when there is no build or the source is newer (CI runs tests before any build), as `npm start` does. */
function ensureBuild() {
	execFileSync(
		process.execPath,
		['--input-type=module', '-e', "import { buildIfStale } from './scripts/build.mjs'; buildIfStale()"],
		{ cwd: root, stdio: 'pipe', timeout: 170_000 },
	)
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.unref()
		server.on('error', reject)
		server.listen(0, () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

// One connection per request, as 200 browsers would have.
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity })

let server: ChildProcess | undefined
let baseUrl = ''
let serverOutput = ''

beforeAll(async () => {
	if (onPostgres) return // the one test is SQLite only: no server to start
	ensureBuild()
	const port = await freePort()
	baseUrl = `http://localhost:${port}`
	server = spawn(process.execPath, ['server.mjs'], {
		cwd: root,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			APP_URL: baseUrl,
			RUN_WORKER: 'false',
			RESEND_API_KEY: '',
			WEB_CONCURRENCY: '2',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	server.stdout!.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()))
	server.stderr!.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()))
	const deadline = Date.now() + 60_000
	for (;;) {
		if (server.exitCode !== null) throw new Error(`the server stopped:\n${serverOutput}`)
		try {
			if ((await fetch(`${baseUrl}/healthz`)).ok) break
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`the server did not start:\n${serverOutput}`)
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
}, 240_000)

afterAll(async () => {
	agent.destroy()
	if (!server || server.exitCode !== null) return
	const exited = new Promise((resolve) => server!.once('exit', resolve))
	server.kill('SIGTERM')
	await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
	if (server.exitCode === null) server.kill('SIGKILL')
})

interface Answer {
	status: number
	location: string | null
	/** performance.now() when the answer's headers arrived. */
	at: number
}

/** A form POST; `sent` settles once the whole request has been handed to the network. */
function post(path: string, cookie: string, intent: string): { sent: Promise<void>; answer: Promise<Answer> } {
	const body = new URLSearchParams({ intent }).toString()
	const request = http.request(`${baseUrl}${path}`, {
		method: 'POST',
		agent,
		headers: {
			Cookie: cookie,
			'Content-Type': 'application/x-www-form-urlencoded',
			'Content-Length': Buffer.byteLength(body),
		},
	})
	const answer = new Promise<Answer>((resolve, reject) => {
		request.on('error', reject)
		request.on('response', (response) => {
			const at = performance.now()
			response.resume()
			resolve({ status: response.statusCode!, location: response.headers.location ?? null, at })
		})
	})
	const sent = new Promise<void>((resolve) => request.on('finish', resolve))
	request.end(body)
	return { sent, answer }
}

/** Requests sent all at once; answered once they are all in. */
async function allAtOnce(requests: Array<() => ReturnType<typeof post>>): Promise<Answer[]> {
	const started = requests.map((send) => send())
	await Promise.all(started.map((r) => r.sent))
	return Promise.all(started.map((r) => r.answer))
}

describe('200 RSVPs at once for 30 places, over HTTP', () => {
	test('exactly 30 are going and 170 wait, in the order they arrived, with no errors', async (context) => {
		sqliteOnly(context, sqliteOnlyBecause)
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(
			db,
			organiser.id,
			new Date(Date.now() + 7 * 86_400_000),
			{ capacity: 30, title: 'Populär matlagningskurs' },
			{ now: new Date() },
		)
		const people = await Promise.all(Array.from({ length: 200 }, (_, i) => makeUser(db, { name: `Rusning ${i + 1}` })))
		const cookies = await Promise.all(people.map((p) => cookieFor(p.id, db)))
		const path = `/events/${event.slug}`

		// No RSVP can be written until every one of them has been sent.
		const lock = new SQLite(databasePath())
		lock.exec('begin immediate')
		let releasedAt: number
		let pending: Array<Promise<Answer>>
		try {
			const started = cookies.map((cookie) => post(path, cookie, 'rsvp'))
			await Promise.all(started.map((r) => r.sent))
			pending = started.map((r) => r.answer)
			releasedAt = performance.now()
		} finally {
			lock.exec('rollback')
			lock.close()
		}
		const responses = await Promise.all(pending)
		// The evidence: all 200 were waiting at once; not one was answered while the lock was held.
		expect(responses.filter((r) => r.at < releasedAt)).toEqual([])
		const answers = responses.map((r) => ({
			status: r.status,
			done: new URL(r.location ?? '/', baseUrl).searchParams.get('done'),
		}))
		expect(answers.filter((a) => a.status !== 303)).toEqual([])
		expect(answers.filter((a) => a.done === 'going')).toHaveLength(30)
		const queued = answers
			.filter((a) => a.done?.startsWith('waiting-'))
			.map((a) => Number(a.done!.slice('waiting-'.length)))
		expect(queued.sort((a, b) => a - b)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1))

		const rows = await db
			.selectFrom('event_rsvp')
			.select(['id', 'user_id', 'status', 'position'])
			.where('event_id', '=', event.id)
			.orderBy('id')
			.execute()
		expect(rows).toHaveLength(200)
		expect(rows.filter((r) => r.status === 'going')).toHaveLength(30)
		expect(rows.filter((r) => r.status === 'waiting')).toHaveLength(170)
		// Arrival order: the first 30 rows written hold the places; the waitlist follows the order of arrival.
		expect(rows.slice(0, 30).every((r) => r.status === 'going')).toBe(true)
		const positions = rows.map((r) => r.position)
		expect(positions).toEqual([...positions].sort((a, b) => a - b))
		expect(new Set(positions).size).toBe(200)
		// What each person was told is what was stored.
		for (const [i, person] of people.entries()) {
			const row = rows.find((r) => r.user_id === person.id)!
			expect(answers[i]!.done === 'going' ? 'going' : 'waiting').toBe(row.status)
		}
		// Every one of them got exactly one email: a confirmation or a waitlist notice.
		const mail = await db
			.selectFrom('outbox')
			.select(['to_address', 'subject'])
			.where(
				'to_address',
				'in',
				people.map((p) => p.email),
			)
			.execute()
		expect(mail).toHaveLength(200)
		expect(mail.filter((m) => m.subject.startsWith('Du är anmäld'))).toHaveLength(30)

		// Pressing the button again, all at once: nothing changes, still no errors.
		const again = await allAtOnce(cookies.slice(0, 50).map((cookie) => () => post(path, cookie, 'rsvp')))
		expect(again.map((r) => r.status).filter((s) => s !== 303)).toEqual([])
		expect(await db.selectFrom('event_rsvp').select('id').where('event_id', '=', event.id).execute()).toHaveLength(200)

		// Ten people going cancel at once: the first ten waiting move up, in order.
		const goingRows = rows.filter((r) => r.status === 'going').slice(0, 10)
		const cancels = await allAtOnce(
			goingRows.map((r) => () => post(path, cookies[people.findIndex((p) => p.id === r.user_id)]!, 'cancel')),
		)
		expect(cancels.map((r) => r.status).filter((s) => s !== 303)).toEqual([])
		const after = await db
			.selectFrom('event_rsvp')
			.select(['user_id', 'status'])
			.where('event_id', '=', event.id)
			.orderBy('position')
			.execute()
		expect(after.filter((r) => r.status === 'going')).toHaveLength(30)
		const firstTenWaiting = rows
			.filter((r) => r.status === 'waiting')
			.slice(0, 10)
			.map((r) => r.user_id)
		expect(after.filter((r) => firstTenWaiting.includes(r.user_id)).every((r) => r.status === 'going')).toBe(true)
		expect(serverOutput).not.toMatch(/error/i)
	}, 120_000)
})
