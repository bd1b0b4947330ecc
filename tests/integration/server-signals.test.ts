import http from 'node:http'
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeAll, expect, test } from 'vitest'
import { openDatabase } from '#db/index.ts'
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
import { sqliteOnly } from '#tests/setup/databases.ts'

const sqliteOnlyBecause = 'the server runs on a SQLite file of its own, which the test opens and checks'

/**
 * What the real server (server.mjs on the production build) does when it is stopped (issue 12):
 * SIGKILL in the middle of concurrent signing loses nothing that was answered with success and
 * leaves no half-written signature; SIGTERM lets every request in flight finish, refuses new
 * connections, lets the worker finish its batch, and exits 0.
 */

beforeAll(buildIfStale, 180_000)
afterEach(stopServers)

const openDb = (server: ServerProcess) => openDatabase(path.join(server.dir, 'app.db'))

/** The sign form as a browser on the app's own origin posts it, from an address of its own. */
function signRequest(server: ServerProcess, email: string, commitmentIds: number[], n: number) {
	const body = new URLSearchParams({ name: 'Alva Lind', email, livesInMunicipality: 'yes', district: 'Tågaborg' })
	for (const id of commitmentIds) body.append('commitmentIds', String(id))
	body.append('ownWords', 'Cykla till jobbet')
	body.append('consent', 'on')
	const headers = {
		'content-type': 'application/x-www-form-urlencoded',
		// The app's own origin, on the host it names (React Router compares the two).
		origin: `http://localhost:${server.port}`,
		host: `localhost:${server.port}`,
		// One address per submission (TRUST_PROXY): the per-network limit is not what is tested.
		'x-forwarded-for': `10.9.${(n >> 8) & 255}.${n & 255}`,
	}
	return { headers, body: body.toString() }
}

/** Signing's success: the redirect to "check your email". */
const signedAnswer = (answer: Reached) =>
	answer.status === 302 && String(answer.headers?.location).startsWith('/sign/check-email')

/** Two commitments of the demo catalogue, to sign with. */
async function twoCommitments(server: ServerProcess) {
	const db = openDb(server)
	try {
		const rows = await db.selectFrom('commitment').select('id').orderBy('id').limit(2).execute()
		return rows.map((row) => row.id)
	} finally {
		await db.destroy()
	}
}

test('SIGKILL during concurrent signing loses no answered signature and leaves no half-written one', async (context) => {
	sqliteOnly(context, sqliteOnlyBecause)
	const dir = serverDir()
	const answered = new Set<string>()
	let sent = 0
	let commitmentIds: number[] = []
	for (let round = 0; round < 3; round++) {
		const server = await startServer({ TRUST_PROXY: 'true' }, dir)
		if (round === 0) commitmentIds = await twoCommitments(server)
		let stopped = false
		// Eight at a time, for as long as the process lives; it is killed once 12 (17, 22) are answered.
		const successes: string[] = []
		const sender = async () => {
			while (!stopped) {
				const n = (sent += 1)
				const email = `kill-${n}@example.org`
				const { headers, body } = signRequest(server, email, commitmentIds, n)
				const answer = await reach(`${server.base}/sign`, headers, body, 'POST', 10_000)
				if (signedAnswer(answer)) {
					answered.add(email)
					successes.push(email)
				} else if (answer.status !== undefined)
					throw new Error(`signing answered ${answer.status}: ${answer.text?.slice(0, 300)}`)
			}
		}
		let failure: unknown
		const senders = Array.from({ length: 8 }, () => sender().catch((error: unknown) => (failure = error)))
		while (successes.length < 12 + round * 5) {
			if (failure) throw failure
			if (server.child.exitCode !== null) throw new Error(`the server ended:\n${server.output()}`)
			await new Promise((resolve) => setTimeout(resolve, 5))
		}
		stopped = true
		server.child.kill('SIGKILL')
		expect(await server.exited).toBe('SIGKILL')
		await Promise.all(senders)
	}

	// Restarted once more, as after a crash: it must open, migrate and serve on what was left.
	const after = await startServer({ TRUST_PROXY: 'true' }, dir)
	expect((await reach(`${after.base}/healthz`)).status).toBe(200)
	const db = openDb(after)
	try {
		const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db)
		expect(integrity.rows).toEqual([{ integrity_check: 'ok' }])
		const signatures = await db
			.selectFrom('signature')
			.innerJoin('user', 'user.id', 'signature.user_id')
			.select((eb) => [
				'user.email',
				'signature.status',
				eb
					.selectFrom('pledge_commitment')
					.whereRef('pledge_commitment.signature_id', '=', 'signature.id')
					.select(eb.fn.countAll<number>().as('n'))
					.as('commitments'),
				eb
					.selectFrom('outbox')
					.whereRef('outbox.to_address', '=', 'user.email')
					.select(eb.fn.countAll<number>().as('n'))
					.as('emails'),
				eb
					.selectFrom('verification')
					.whereRef('verification.target', '=', 'user.email')
					.where('verification.purpose', '=', 'confirm-signature')
					.select(eb.fn.countAll<number>().as('n'))
					.as('codes'),
			])
			.where('user.email', 'like', 'kill-%')
			.execute()
		const stored = new Map(signatures.map((row) => [row.email, row]))
		// Every answered submission has its signature; every signature, answered or not, is whole:
		// its two chosen commitments and its own words, its code and its confirmation email.
		expect([...answered].filter((email) => !stored.has(email))).toEqual([])
		const whole = { status: 'pending', commitments: 3, emails: 1, codes: 1 }
		expect(signatures.filter(({ email: _, ...row }) => JSON.stringify(row) !== JSON.stringify(whole))).toEqual([])
		// Killed mid-way: some submissions were in flight and were never answered.
		expect(sent).toBeGreaterThan(answered.size)
		console.info(
			`SIGKILL ×3 during signing: ${sent} submissions, ${answered.size} answered with success, ${signatures.length} signatures stored, integrity ok`,
		)
	} finally {
		await db.destroy()
	}
}, 120_000)

/** A POST /sign whose body arrives in two parts: the request is in flight until `finish` sends the rest. */
function slowSigning(server: ServerProcess, commitmentIds: number[]) {
	const { headers, body } = signRequest(server, 'slow@example.org', commitmentIds, 60_000)
	const req = http.request(`${server.base}/sign`, {
		method: 'POST',
		agent: false,
		headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
	})
	const answered = new Promise<Reached>((resolve) => {
		req.on('response', (res) => res.resume().on('end', () => resolve({ status: res.statusCode, headers: res.headers })))
		req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
	})
	req.write(body.slice(0, 40))
	return { answered, finish: () => req.end(body.slice(40)) }
}

/** A GET whose reader pauses after the first chunk and resumes a second later. */
function slowReader(url: string, cookie: string) {
	return new Promise<{ status?: number; size: number; complete: boolean; error?: string }>((resolve) => {
		const req = http.get(url, { agent: false, headers: { cookie } }, (res) => {
			let size = 0
			res.once('data', () => {
				res.pause()
				setTimeout(() => res.resume(), 1000)
			})
			res.on('data', (c: Buffer) => (size += c.length))
			res.on('end', () => resolve({ status: res.statusCode, size, complete: res.complete }))
			res.on('error', (error: NodeJS.ErrnoException) => resolve({ size, complete: false, error: error.code }))
		})
		req.on('error', (error: NodeJS.ErrnoException) => resolve({ size: 0, complete: false, error: error.code }))
	})
}

test('SIGTERM finishes the requests in flight and the worker batch, refuses new connections, and exits 0', async (context) => {
	sqliteOnly(context, sqliteOnlyBecause)
	const server = await startServer({ RUN_WORKER: 'true', TRUST_PROXY: 'true' })
	const commitmentIds = await twoCommitments(server)
	const db = openDb(server)
	try {
		const coordinator = await db
			.selectFrom('user')
			.select('id')
			.where('email', '=', 'koordinator@klimatpakt.example')
			.executeTakeFirstOrThrow()
		const cookie = await cookieFor(coordinator.id, db)

		// Emails for the worker to deliver while the server stops.
		for (let n = 0; n < 10; n++) {
			const { headers, body } = signRequest(server, `term-${n}@example.org`, commitmentIds, 61_000 + n)
			expect(signedAnswer(await reach(`${server.base}/sign`, headers, body))).toBe(true)
		}
		// Five thousand confirmed members, for a CSV of some 4 MB: more than the sockets' buffers
		// hold while its reader pauses, so the server is still writing it when SIGTERM comes.
		const now = new Date().toISOString()
		await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
			INSERT INTO "user" (email, name, language, created_at)
			SELECT 'many-' || i || '@example.org', 'Medlem ' || i || ' ' || hex(randomblob(400)), 'sv', ${now} FROM n`.execute(db)
		await sql`INSERT INTO signature (user_id, status, lives_in_municipality, district, show_first_name,
				newsletter_consent, consent_version, consent_at, confirmed_at, created_at, updated_at)
			SELECT id, 'confirmed', 1, 'Tågaborg', 0, 0, '2026-11-01', ${now}, ${now}, ${now}, ${now}
			FROM "user" WHERE email LIKE 'many-%'`.execute(db)
		const pages = ['/', '/sign', '/events', '/healthz'].map((page) =>
			reach(`${server.base}${page}`, {}, undefined, 'GET', 10_000),
		)
		// The pages are taken up first: a connection still waiting in the kernel's queue when the
		// server stops listening is reset unanswered (while the CSV is built, nothing is accepted).
		await new Promise((resolve) => setTimeout(resolve, 150))
		const upload = slowSigning(server, commitmentIds)
		await new Promise((resolve) => setTimeout(resolve, 100))
		const download = slowReader(`${server.base}/admin/ladder.csv`, cookie)
		// Both have reached the server before it is told to stop.
		await new Promise((resolve) => setTimeout(resolve, 300))
		server.child.kill('SIGTERM')
		await new Promise((resolve) => setTimeout(resolve, 200))
		// Refused, or (when it reached the listening socket's queue just before it closed) reset unanswered.
		expect(['ECONNREFUSED', 'ECONNRESET']).toContain((await reach(`${server.base}/healthz`)).error)
		upload.finish()

		expect(signedAnswer(await upload.answered)).toBe(true)
		const csv = await download
		expect(csv).toMatchObject({ status: 200, complete: true })
		expect(csv.size).toBeGreaterThan(4_000_000)
		expect((await Promise.all(pages)).map((answer) => answer.status)).toEqual([200, 200, 200, 200])
		expect(await server.exited).toBe(0)

		const signed = await db
			.selectFrom('signature')
			.innerJoin('user', 'user.id', 'signature.user_id')
			.select('signature.id')
			.where('user.email', '=', 'slow@example.org')
			.executeTakeFirst()
		expect(signed).toBeDefined()
		// The worker's batch ended: no email is left half-sent.
		const sending = await db.selectFrom('outbox').select('id').where('status', '=', 'sending').execute()
		expect(sending).toEqual([])
		console.info(
			`SIGTERM: the slow upload, a ${csv.size}-byte CSV read slowly and 4 pages all answered in full; exit 0`,
		)
	} finally {
		await db.destroy()
	}
}, 90_000)
