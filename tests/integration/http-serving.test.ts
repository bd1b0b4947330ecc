import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'

/**
 * The production build served by server.mjs as `npm start` serves it (issue 12): where it listens,
 * and the HTTP layer's rules in front of the real app. Each test starts its own server on a
 * database of its own.
 */

const root = process.cwd()
const running: ChildProcess[] = []
let nextPort = 3231 + 400 + Math.floor(Math.random() * 200)

beforeAll(() => {
	// As `npm start` does: build when there is no build or the source is newer.
	execFileSync(
		process.execPath,
		['--input-type=module', '-e', "await (await import('./scripts/build.mjs')).buildIfStale()"],
		{
			cwd: root,
			stdio: 'pipe',
			timeout: 170_000,
		},
	)
}, 180_000)

afterEach(async () => {
	for (const child of running.splice(0)) {
		if (child.exitCode !== null) continue
		const exited = new Promise((resolve) => child.once('exit', resolve))
		child.kill('SIGTERM')
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
		if (child.exitCode === null) child.kill('SIGKILL')
	}
})

/** GETs a URL with node:http; resolves to the status, or to the connection's error code. */
function reach(url: string, headers: Record<string, string> = {}, body?: string, method = body ? 'POST' : 'GET') {
	return new Promise<{ status?: number; error?: string; headers?: http.IncomingHttpHeaders; text?: string }>(
		(resolve) => {
			const req = http.request(url, { method, headers, agent: false, timeout: 3000 }, (res) => {
				let text = ''
				res.on('data', (c: Buffer) => (text += c.toString()))
				res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }))
			})
			req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
			req.end(body)
		},
	)
}

async function startServer(env: Record<string, string> = {}) {
	const port = nextPort++
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-serving-'))
	const child = spawn(process.execPath, ['server.mjs'], {
		cwd: root,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			APP_URL: `http://localhost:${port}`,
			DATABASE_URL: `file:${path.join(dir, 'app.db')}`,
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
	running.push(child)
	let output = ''
	child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
	child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
	for (let waited = 0; !/is listening/.test(output); waited += 100) {
		if (child.exitCode !== null || waited > 60_000) throw new Error(`the server did not start:\n${output}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	return { port, output: () => output }
}

const externalAddress = Object.values(os.networkInterfaces())
	.flat()
	.find((i) => i && !i.internal && i.family === 'IPv4')?.address

describe('where the server listens', () => {
	test.runIf(externalAddress)(
		'a local app answers on loopback only; HOST opens it to the network',
		async () => {
			const local = await startServer()
			expect((await reach(`http://127.0.0.1:${local.port}/healthz`)).status).toBe(200)
			expect((await reach(`http://localhost:${local.port}/healthz`)).status).toBe(200)
			expect(await reach(`http://${externalAddress}:${local.port}/dev/mail`)).toEqual({ error: 'ECONNREFUSED' })

			const open = await startServer({ HOST: '0.0.0.0' })
			expect((await reach(`http://${externalAddress}:${open.port}/healthz`)).status).toBe(200)
		},
		150_000,
	)
})

describe('the HTTP layer in front of the app', () => {
	test('pages name a fresh nonce for their scripts; forms refuse other sites, other types and broken bodies', async () => {
		const { port, output } = await startServer()
		const base = `http://127.0.0.1:${port}`
		const page = await reach(`${base}/sign`)
		const nonce = /'nonce-([^']+)'/.exec(String(page.headers!['content-security-policy']))?.[1]
		expect(nonce).toBeTruthy()
		const scripts = page.text!.match(/<script\b[^>]*>/g) ?? []
		expect(scripts.length).toBeGreaterThan(0)
		for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)
		const again = await reach(`${base}/sign`)
		expect(again.headers!['content-security-policy']).not.toContain(nonce)

		const form = { 'content-type': 'application/x-www-form-urlencoded' }
		expect((await reach(`${base}/logout`, { ...form, origin: 'https://evil.example' }, 'x=1')).status).toBe(403)
		const language = await reach(
			`${base}/language`,
			{ ...form, 'sec-fetch-site': 'cross-site' },
			'language=en&redirectTo=/',
		)
		expect(language.status).toBe(403)
		expect(language.headers!['set-cookie']).toBeUndefined()
		const json = await reach(`${base}/sign`, { 'content-type': 'application/json' }, '{"name":"Anna"}')
		expect(json.status).toBe(415)
		const broken = await reach(`${base}/sign`, { 'content-type': 'multipart/form-data; boundary=b' }, '--b\r\nbroken')
		expect(broken.status).toBe(400)
		expect(broken.text).toContain('<h1>')
		// The same page in the visitor's language.
		const swedish = await reach(`${base}/sign`, { 'content-type': 'text/plain', 'accept-language': 'sv' }, 'x')
		expect(swedish.text).toContain('Den här adressen tar bara emot formulär.')
		// The log has a line for each, and no stack trace of a 500.
		await new Promise((resolve) => setTimeout(resolve, 100))
		expect(output()).toMatch(/"path":"\/sign","status":415/)
		expect(output()).not.toMatch(/"status":500|TypeError/)
	}, 120_000)
})
