import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSession, sessionCookie } from '#app/auth/session.server.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { getDb } from '#db/index.ts'

/**
 * The rule that matters most, tested the way it happens: 200 people press "Sign me up" for a
 * 30-place event at the same moment, over HTTP, against the production build running as its own
 * process on this test's database.
 */

const db = getDb()
const root = process.cwd()
const built = path.join(root, 'build/server/index.js')

function newestChange(target: string): number {
	const stat = fs.statSync(target)
	if (!stat.isDirectory()) return stat.mtimeMs
	let newest = 0
	for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestChange(path.join(target, entry)))
	return newest
}

/** Builds the app when there is no build or the source is newer (CI runs tests before any build). */
function ensureBuild() {
	const source = Math.max(...['app', 'db', 'emails', 'package.json', 'vite.config.ts', 'react-router.config.ts'].map((p) => newestChange(path.join(root, p))))
	if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= source) return
	execFileSync(process.execPath, ['node_modules/@react-router/dev/bin.js', 'build'], { cwd: root, stdio: 'pipe', timeout: 170_000 })
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

let server: ChildProcess | undefined
let baseUrl = ''
let serverOutput = ''

beforeAll(async () => {
	ensureBuild()
	const port = await freePort()
	baseUrl = `http://localhost:${port}`
	server = spawn(process.execPath, ['server.mjs'], {
		cwd: root,
		env: { ...process.env, NODE_ENV: 'production', PORT: String(port), APP_URL: baseUrl, RUN_WORKER: 'false', RESEND_API_KEY: '' },
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
	if (!server || server.exitCode !== null) return
	const exited = new Promise((resolve) => server!.once('exit', resolve))
	server.kill('SIGTERM')
	await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
	if (server.exitCode === null) server.kill('SIGKILL')
})

async function cookieFor(userId: number): Promise<string> {
	return (await sessionCookie.serialize(await createSession(db, userId))).split(';')[0]!
}

function post(path: string, cookie: string, intent: string) {
	return fetch(`${baseUrl}${path}`, {
		method: 'POST',
		headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ intent }),
		redirect: 'manual',
	})
}

describe('200 RSVPs at once for 30 places, over HTTP', () => {
	test('exactly 30 are going and 170 wait, in the order they arrived, with no errors', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(db, organiser.id, new Date(Date.now() + 7 * 86_400_000), { capacity: 30, title: 'Populär matlagningskurs' }, { now: new Date() })
		const people = await Promise.all(Array.from({ length: 200 }, (_, i) => makeUser(db, { name: `Rusning ${i + 1}` })))
		const cookies = await Promise.all(people.map((p) => cookieFor(p.id)))
		const path = `/events/${event.slug}`

		const responses = await Promise.all(cookies.map((cookie) => post(path, cookie, 'rsvp')))
		const answers = responses.map((r) => ({ status: r.status, done: new URL(r.headers.get('Location') ?? '/', baseUrl).searchParams.get('done') }))
		expect(answers.filter((a) => a.status !== 303)).toEqual([])
		expect(answers.filter((a) => a.done === 'going')).toHaveLength(30)
		const queued = answers.filter((a) => a.done?.startsWith('waiting-')).map((a) => Number(a.done!.slice('waiting-'.length)))
		expect(queued.sort((a, b) => a - b)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1))

		const rows = await db.selectFrom('event_rsvp').select(['id', 'user_id', 'status', 'position']).where('event_id', '=', event.id).orderBy('id').execute()
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
		const mail = await db.selectFrom('outbox').select(['to_address', 'subject']).where('to_address', 'in', people.map((p) => p.email)).execute()
		expect(mail).toHaveLength(200)
		expect(mail.filter((m) => m.subject.startsWith('Du är anmäld'))).toHaveLength(30)

		// Pressing the button again, all at once: nothing changes, still no errors.
		const again = await Promise.all(cookies.slice(0, 50).map((cookie) => post(path, cookie, 'rsvp')))
		expect(again.map((r) => r.status).filter((s) => s !== 303)).toEqual([])
		expect(await db.selectFrom('event_rsvp').select('id').where('event_id', '=', event.id).execute()).toHaveLength(200)

		// Ten people going cancel at once: the first ten waiting move up, in order.
		const goingRows = rows.filter((r) => r.status === 'going').slice(0, 10)
		const cancels = await Promise.all(goingRows.map((r) => post(path, cookies[people.findIndex((p) => p.id === r.user_id)]!, 'cancel')))
		expect(cancels.map((r) => r.status).filter((s) => s !== 303)).toEqual([])
		const after = await db.selectFrom('event_rsvp').select(['user_id', 'status']).where('event_id', '=', event.id).orderBy('position').execute()
		expect(after.filter((r) => r.status === 'going')).toHaveLength(30)
		const firstTenWaiting = rows.filter((r) => r.status === 'waiting').slice(0, 10).map((r) => r.user_id)
		expect(after.filter((r) => firstTenWaiting.includes(r.user_id)).every((r) => r.status === 'going')).toBe(true)
		expect(serverOutput).not.toMatch(/error/i)
	}, 120_000)
})
