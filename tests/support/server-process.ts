import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { copyOfTemplate, onPostgres } from '#tests/setup/databases.ts'

/**
 * The production build served by server.mjs as `npm start` serves it, for the tests that need the
 * real process: its HTTP layer, its signals, a crash in the middle of a write.
 */

const root = process.cwd()

// Test files run side by side: only one of them builds, the others wait for it and find the build current.
const buildLock = path.join(os.tmpdir(), `klimatpakt-build-${Buffer.from(root).toString('hex').slice(-32)}.lock`)

/** As `npm start` does: build when there is no build or the source is newer. */
export async function buildIfStale() {
	for (;;) {
		try {
			fs.mkdirSync(buildLock)
			break
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
			// A lock left by a run that was killed while building.
			if (Date.now() - (fs.statSync(buildLock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 200_000)
				fs.rmSync(buildLock, { recursive: true, force: true })
			await new Promise((resolve) => setTimeout(resolve, 250))
		}
	}
	try {
		execFileSync(
			process.execPath,
			['--input-type=module', '-e', "await (await import('./scripts/build.mjs')).buildIfStale()"],
			{ cwd: root, stdio: 'pipe', timeout: 170_000 },
		)
	} finally {
		fs.rmSync(buildLock, { recursive: true, force: true })
	}
}

/** A folder for a server's database, mailbox and uploads; a restarted server is given the same one. */
export const serverDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-serving-'))

export interface ServerProcess {
	port: number
	base: string
	child: ChildProcess
	dir: string
	output: () => string
	/** Resolves with the exit code (or the signal) once the process has ended. */
	exited: Promise<number | NodeJS.Signals | null>
}

const running: ServerProcess[] = []
// Away from the ports of `npm run dev` and the browser tests; each server its own.
let nextPort = 3631 + Math.floor(Math.random() * 1200)

const postgresDatabases = new Map<string, string>()

/**
 * The database of the server in `dir`: a SQLite file in it, or with TEST_DATABASE_URL a PostgreSQL
 * database of its own, made on first use, so a restarted server finds what it left.
 */
async function databaseOf(dir: string): Promise<string> {
	if (!onPostgres) return `file:${path.join(dir, 'app.db')}`
	const made = postgresDatabases.get(dir) ?? (await copyOfTemplate())
	postgresDatabases.set(dir, made)
	return made
}

/**
 * Starts `node server.mjs` with one web process on a database of its own (or `dir`'s, or
 * `env.DATABASE_URL`, for several servers on one database), and waits until it listens.
 */
export async function startServer(env: Record<string, string> = {}, dir = serverDir()): Promise<ServerProcess> {
	const port = nextPort++
	const databaseUrl = env.DATABASE_URL ?? (await databaseOf(dir))
	const child = spawn(process.execPath, ['server.mjs'], {
		cwd: root,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			APP_URL: `http://localhost:${port}`,
			DATABASE_URL: databaseUrl,
			MAIL_DIR: path.join(dir, 'mail'),
			UPLOAD_DIR: path.join(dir, 'uploads'),
			RUN_WORKER: 'false',
			RESEND_API_KEY: '',
			WEB_CONCURRENCY: '1',
			HOST: '',
			...env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
		child.once('exit', (code, signal) => resolve(code ?? signal)),
	)
	let output = ''
	child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
	child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
	const server = { port, base: `http://127.0.0.1:${port}`, child, dir, output: () => output, exited }
	running.push(server)
	for (let waited = 0; !/is listening/.test(output); waited += 100) {
		if (child.exitCode !== null || waited > 60_000) throw new Error(`the server did not start:\n${output}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	return server
}

/** Stops every server a test started and left running (SIGTERM, then SIGKILL after five seconds), and removes their folders. */
export async function stopServers() {
	const stopped = running.splice(0)
	for (const { child, exited } of stopped) {
		if (child.exitCode !== null || child.signalCode !== null) continue
		child.kill('SIGTERM')
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
		if (child.exitCode === null) {
			child.kill('SIGKILL')
			await exited
		}
	}
	for (const dir of new Set(stopped.map((server) => server.dir))) fs.rmSync(dir, { recursive: true, force: true })
}

export interface Reached {
	status?: number
	/** The connection's error code when there was no complete answer (ECONNREFUSED, ECONNRESET, …). */
	error?: string
	headers?: http.IncomingHttpHeaders
	text?: string
}

/** A request with node:http on a connection of its own; resolves to the answer, or to the connection's error code. */
export function reach(
	url: string,
	headers: Record<string, string> = {},
	body?: string,
	method = body ? 'POST' : 'GET',
	timeout = 3000,
) {
	return new Promise<Reached>((resolve) => {
		const req = http.request(url, { method, headers, agent: false, timeout }, (res) => {
			let text = ''
			res.on('data', (c: Buffer) => (text += c.toString()))
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }))
			res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
		})
		req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })))
		req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
		req.end(body)
	})
}
