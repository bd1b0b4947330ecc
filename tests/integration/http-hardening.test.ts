import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test, vi } from 'vitest'
// @ts-expect-error -- plain JavaScript, run by node without a build step
import { createListener, sendResponse, withGuards } from '../../server/http.mjs'

// The HTTP layer's own rules (issue 12, docs/decisions/0019-http-hardening.md), tested over real
// sockets against server/http.mjs with a stand-in app where the app's part does not matter.

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>
interface Answer {
	status: number
	headers: http.IncomingHttpHeaders
	body: string
}

const servers: http.Server[] = []
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

async function listen(handler: Handler): Promise<number> {
	const server = http.createServer((req, res) => void handler(req, res))
	servers.push(server)
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	return (server.address() as AddressInfo).port
}

function ask(
	port: number,
	{
		method = 'GET',
		path = '/',
		headers = {},
		body,
	}: {
		method?: string
		path?: string
		headers?: Record<string, string>
		body?: string | Buffer | (() => AsyncIterable<Buffer>)
	},
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = http.request({ port, host: '127.0.0.1', method, path, headers, agent: false }, (res) => {
			const chunks: Buffer[] = []
			res.on('data', (c: Buffer) => chunks.push(c))
			res.on('end', () =>
				resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
			)
		})
		// A server that answers before the whole body is sent may close the connection under it.
		req.on('error', (error: NodeJS.ErrnoException) =>
			error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
		)
		if (typeof body === 'function') {
			void (async () => {
				for await (const chunk of body()) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r))
				req.end()
			})().catch(() => {})
		} else req.end(body)
	})
}

/** A stand-in for React Router: reads the form the way an action does and answers with what it found. */
function formApp(seen: { calls: number; fields?: [string, string][] }) {
	return async (
		req: http.IncomingMessage,
		res: http.ServerResponse,
		context: { headers: Record<string, string>; body?: ReadableStream },
	) => {
		seen.calls++
		let fields: [string, string][] = []
		if (context.body && /form/.test(req.headers['content-type'] ?? '')) {
			const request = new Request('http://app.test/', {
				method: req.method,
				headers: { 'content-type': req.headers['content-type'] ?? '' },
				body: context.body,
				duplex: 'half',
			} as RequestInit)
			const form = await request.formData()
			fields = [...form].map(([k, v]) => [k, typeof v === 'string' ? v : `file:${v.size}`])
		}
		seen.fields = fields
		await sendResponse(
			req,
			res,
			new Response(JSON.stringify(fields), { headers: { 'content-type': 'application/json' } }),
			context.headers,
		)
	}
}

const appUrl = 'https://klimatpakt.example'

describe('security headers', () => {
	test('every answer carries them, static files and error pages included, with a fresh nonce each time', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-static-'))
		fs.mkdirSync(path.join(dir, 'assets'))
		fs.writeFileSync(path.join(dir, 'assets', 'entry-abc.js'), 'console.log(1)')
		const listener = createListener({
			// The app itself fails here: its 500 page must carry the headers too.
			build: () => Promise.reject(new Error('no app in this test')),
			mode: 'production',
			clientDir: dir,
			settings: { appUrl, hsts: true },
		})
		vi.spyOn(console, 'error').mockImplementation(() => {})
		const port = await listen(listener)
		const file = await ask(port, { path: '/assets/entry-abc.js' })
		const failed = await ask(port, { path: '/events' })
		expect([file.status, failed.status]).toEqual([200, 500])
		for (const answer of [file, failed]) {
			expect(answer.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/)
			expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'")
			expect(answer.headers['content-security-policy']).toContain("object-src 'none'")
			expect(answer.headers['x-content-type-options']).toBe('nosniff')
			expect(answer.headers['referrer-policy']).toBe('same-origin')
			expect(answer.headers['x-frame-options']).toBe('DENY')
			expect(answer.headers['strict-transport-security']).toContain('max-age=31536000')
			expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
		}
		expect(failed.body).not.toContain('no app in this test')
		const nonce = (a: Answer) => /'nonce-([^']+)'/.exec(String(a.headers['content-security-policy']))?.[1]
		expect(nonce(file)).not.toBe(nonce(failed))
		expect(file.headers['x-request-id']).not.toBe(failed.headers['x-request-id'])
	})

	test('the counter can be framed by any site; HSTS only where the settings say the app is public over https', async () => {
		const answer = (res: http.ServerResponse, req: http.IncomingMessage, headers: Record<string, string>) =>
			sendResponse(req, res, new Response('<p>1 234</p>', { headers: { 'content-type': 'text/html' } }), headers)
		const port = await listen(
			withGuards(
				(req: http.IncomingMessage, res: http.ServerResponse, c: { headers: Record<string, string> }) =>
					answer(res, req, c.headers),
				{ settings: { appUrl: 'http://localhost:3000' } },
			),
		)
		const counter = await ask(port, { path: '/embed/counter?lang=sv' })
		expect(counter.headers['content-security-policy']).toContain('frame-ancestors *')
		expect(counter.headers['x-frame-options']).toBeUndefined()
		const page = await ask(port, { path: '/embed/counter/else' })
		expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
		expect(page.headers['strict-transport-security']).toBeUndefined()
	})
})

describe('cross-site state changes', () => {
	const form = { 'content-type': 'application/x-www-form-urlencoded' }

	test('are refused with 403 before the app sees them, /logout and /language included', async () => {
		const seen = { calls: 0 }
		const port = await listen(withGuards(formApp(seen), { settings: { appUrl }, behindProxy: true }))
		for (const path of ['/logout', '/language', '/sign', '/admin/newsletters']) {
			const fromElsewhere = await ask(port, {
				method: 'POST',
				path,
				headers: { ...form, origin: 'https://evil.example' },
				body: 'language=en',
			})
			expect(fromElsewhere.status, path).toBe(403)
			const noOrigin = await ask(port, {
				method: 'POST',
				path,
				headers: { ...form, 'sec-fetch-site': 'cross-site' },
				body: 'language=en',
			})
			expect(noOrigin.status, path).toBe(403)
		}
		for (const method of ['PUT', 'PATCH', 'DELETE'])
			expect((await ask(port, { method, path: '/sign', headers: { origin: 'null' } })).status, method).toBe(403)
		// A sibling subdomain is another origin too.
		expect(
			(await ask(port, { method: 'POST', path: '/logout', headers: { 'sec-fetch-site': 'same-site' } })).status,
		).toBe(403)
		expect(seen.calls).toBe(0)
		const refusal = await ask(port, {
			method: 'POST',
			path: '/logout',
			headers: { origin: 'https://evil.example', 'accept-language': 'sv' },
		})
		expect(refusal.headers['content-type']).toContain('text/html')
		expect(refusal.body).toContain('<h1>')
	})

	test('pass from the app itself, from tools without a browser, and to the addresses that prove themselves', async () => {
		const seen = { calls: 0 }
		const port = await listen(withGuards(formApp(seen), { settings: { appUrl }, behindProxy: true }))
		const post = (path: string, headers: Record<string, string>) =>
			ask(port, { method: 'POST', path, headers: { ...form, ...headers }, body: 'a=1' })
		expect((await post('/logout', { origin: appUrl })).status).toBe(200)
		expect((await post('/logout', { 'sec-fetch-site': 'same-origin' })).status).toBe(200)
		expect((await post('/logout', {})).status).toBe(200)
		expect((await post('/unsubscribe/some-signed-token', { origin: 'https://mail.example' })).status).toBe(200)
		expect((await post('/webhooks/resend', { 'sec-fetch-site': 'cross-site' })).status).toBe(200)
		expect((await ask(port, { path: '/', headers: { origin: 'https://evil.example' } })).status).toBe(200)
		expect(seen.calls).toBe(6)
	})

	test('without a proxy, the address the browser asked for is the app’s own too', async () => {
		const seen = { calls: 0 }
		const port = await listen(withGuards(formApp(seen), { settings: { appUrl: 'http://localhost:3000' } }))
		const own = await ask(port, {
			method: 'POST',
			path: '/logout',
			headers: { ...form, origin: `http://127.0.0.1:${port}` },
			body: 'a=1',
		})
		expect(own.status).toBe(200)
		const other = await ask(port, {
			method: 'POST',
			path: '/logout',
			headers: { ...form, origin: 'http://127.0.0.1:1' },
			body: 'a=1',
		})
		expect(other.status).toBe(403)
	})
})

describe('request bodies', () => {
	const limits = { appUrl, bodyMaxBytes: 64 * 1024, multipartMaxBytes: 256 * 1024 }

	test('a body that is not a form gets 415, a broken multipart one 400, and neither reaches the app as a 500', async () => {
		const seen = { calls: 0 }
		const port = await listen(withGuards(formApp(seen), { settings: limits }))
		for (const path of [
			'/sign',
			'/login',
			'/verify',
			'/my-pledge',
			'/organise/events/new',
			'/admin/newsletters',
			'/events/some-event',
			'/language',
		]) {
			const json = await ask(port, {
				method: 'POST',
				path,
				headers: { 'content-type': 'application/json' },
				body: '{"email":"a@b.se"}',
			})
			const text = await ask(port, {
				method: 'POST',
				path,
				headers: { 'content-type': 'text/plain' },
				body: 'email=a@b.se',
			})
			const none = await ask(port, { method: 'POST', path, body: 'email=a@b.se' })
			expect([json.status, text.status, none.status], path).toEqual([415, 415, 415])
		}
		expect(seen.calls).toBe(0)
		const noBoundary = await ask(port, {
			method: 'POST',
			path: '/sign',
			headers: { 'content-type': 'multipart/form-data' },
			body: 'x',
		})
		expect(noBoundary.status).toBe(400)
		expect(seen.calls).toBe(0)

		const multipart = (body: string) =>
			ask(port, {
				method: 'POST',
				path: '/organise/events/new',
				headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
				body,
			})
		const broken = [
			'garbage',
			'--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nPicknick', // never closed
			'--XyZ\r\nContent-Type: text/plain\r\n\r\nno name\r\n--XyZ--\r\n',
			'--XyZ\r\nContent-Disposition: form-data; name="title"\r\nPicknick\r\n--XyZ--', // no blank line after the headers
			'--XyZ--XyZ', // something after the end
			'--XyZ\r\nContent-Disposition: form-data; name=title\r\n\r\nPicknick\r\n--XyZ--', // name not quoted
			'--XyZ\r\n\r\nPicknick\r\n--XyZ--', // a part without headers
			'--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--XyZ\r\n--XyZ--', // an empty part
		]
		for (const body of broken) expect((await multipart(body)).status, JSON.stringify(body)).toBe(400)
		// The app started to read each, and its parser failing was answered 400, not 500.
		expect(seen.calls).toBe(broken.length)
	})

	test('forms as browsers send them pass untouched, a file included, however the chunks fall', async () => {
		const seen: { calls: number; fields?: [string, string][] } = { calls: 0 }
		const port = await listen(withGuards(formApp(seen), { settings: limits }))
		const form = new FormData()
		form.append('title', 'Picknick i parken – "alla" välkomna\r\n--')
		form.append('image', new File([new Uint8Array(100_000).fill(7)], 'bild.png', { type: 'image/png' }))
		form.append('imageAlt', 'En filt på gräset')
		const encoded = new Request('http://x/', { method: 'POST', body: form })
		const body = Buffer.from(await encoded.arrayBuffer())
		const type = encoded.headers.get('content-type')!
		// Chunks of 7 bytes split the boundary in every possible place.
		const inSmallPieces = async function* () {
			for (let i = 0; i < body.length; i += 7) yield body.subarray(i, i + 7)
		}
		for (const sent of [body, inSmallPieces]) {
			const answer = await ask(port, {
				method: 'POST',
				path: '/organise/events/new',
				headers: { 'content-type': type },
				body: sent,
			})
			expect(answer.status).toBe(200)
			expect(JSON.parse(answer.body)).toEqual([
				['title', 'Picknick i parken – "alla" välkomna\r\n--'],
				['image', 'file:100000'],
				['imageAlt', 'En filt på gräset'],
			])
		}
		const urlencoded = await ask(port, {
			method: 'POST',
			path: '/sign',
			headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
			body: 'name=%C3%85sa&district=%%%',
		})
		expect(JSON.parse(urlencoded.body)).toEqual([
			['name', 'Åsa'],
			['district', '%%%'],
		])
		// An empty POST (a sign-out button without fields) is no body of a wrong type.
		expect((await ask(port, { method: 'POST', path: '/logout', headers: { 'content-length': '0' } })).status).toBe(200)
		// The provider's webhook posts JSON.
		const webhook = await ask(port, {
			method: 'POST',
			path: '/webhooks/resend',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		})
		expect(webhook.status).not.toBe(415)
	})

	test('a body over the limit gets 413 and a short page, without being read whole', async () => {
		const seen = { calls: 0 }
		const port = await listen(withGuards(formApp(seen), { settings: limits }))
		const tenMegabytes = 'name=' + 'x'.repeat(10 * 1024 * 1024)
		const declared = await ask(port, {
			method: 'POST',
			path: '/sign',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: tenMegabytes,
		})
		expect(declared.status).toBe(413)
		expect(declared.body.length).toBeLessThan(2000)
		expect(seen.calls).toBe(0)

		// Sent in chunks without a declared length: refused once the limit is passed, the rest unread.
		let sentBytes = 0
		const endless = async function* () {
			for (let i = 0; i < 1000; i++) {
				sentBytes += 64 * 1024
				yield Buffer.alloc(64 * 1024, 'x')
			}
		}
		const chunked = await ask(port, {
			method: 'POST',
			path: '/sign',
			headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
			body: endless,
		})
		expect(chunked.status).toBe(413)
		expect(chunked.body.length).toBeLessThan(2000)
		expect(sentBytes).toBeLessThan(64 * 1024 * 1000)

		// Multipart may be larger: an image and the form around it.
		const upload = await ask(port, {
			method: 'POST',
			path: '/organise/events/new',
			headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
			body: `--XyZ\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\n\r\n${'x'.repeat(128 * 1024)}\r\n--XyZ--\r\n`,
		})
		expect(upload.status).toBe(200)
	})
})

describe('the request log', () => {
	test('one JSON line per request, without query strings or tokens, and none when turned off', async () => {
		const lines: string[] = []
		const write = process.stdout.write.bind(process.stdout)
		vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
			if (typeof chunk === 'string' && chunk.startsWith('{"time"')) return lines.push(chunk) > 0
			return write(chunk, ...(rest as []))
		})
		const seen = { calls: 0 }
		const port = await listen(withGuards(formApp(seen), { settings: { appUrl, logRequests: true } }))
		const quiet = await listen(withGuards(formApp(seen), { settings: { appUrl, logRequests: false } }))
		const asked = [
			'/verify?token=secret-sign-in-token&email=anna%40example.se',
			'/unsubscribe/secret-unsubscribe-token',
			'/events/feed/secret-feed-token',
			'/events?month=2026-12',
		]
		const answers = []
		for (const path of asked) answers.push(await ask(port, { path }))
		await ask(quiet, { path: '/' })
		await new Promise((resolve) => setTimeout(resolve, 50))
		vi.restoreAllMocks()
		expect(lines).toHaveLength(4)
		const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
		expect(logged.map((l) => l.path)).toEqual(['/verify', '/unsubscribe/:token', '/events/feed/:token', '/events'])
		expect(lines.join('')).not.toMatch(/secret|anna|example\.se|month/)
		for (const [i, line] of logged.entries()) {
			expect(Object.keys(line)).toEqual(['time', 'id', 'method', 'path', 'status', 'ms', 'bytes'])
			expect(line).toMatchObject({ method: 'GET', status: 200, bytes: Buffer.byteLength(answers[i]!.body) })
			expect(line.id).toBe(answers[i]!.headers['x-request-id'])
		}
	})
})

describe('SIGTERM', () => {
	test('a response streaming when the signal comes is finished, and so is the worker’s batch, before the process exits', async () => {
		// A web process as server.mjs makes one: its listener streams 30 pieces 20 ms apart.
		const script = `
			import http from 'node:http'
			import { gracefulShutdown } from ${JSON.stringify(path.resolve('server/shutdown.mjs'))}
			const server = http.createServer(async (req, res) => {
				res.writeHead(200, { 'content-type': 'text/plain' })
				for (let i = 0; i < 30; i++) {
					res.write('piece ' + i + '\\n')
					await new Promise((r) => setTimeout(r, 20))
				}
				res.end('the end\\n')
			})
			const stopWorker = async () => {
				await new Promise((r) => setTimeout(r, 300))
				console.log('batch done')
			}
			server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port))
			process.on('SIGTERM', gracefulShutdown([server], { stopWorker, timeoutMs: 10_000 }))
		`
		const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
			stdio: ['ignore', 'pipe', 'inherit'],
		})
		let output = ''
		child.stdout.on('data', (c: Buffer) => (output += c.toString()))
		const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
		while (!/port (\d+)/.test(output)) await new Promise((r) => setTimeout(r, 20))
		const port = Number(/port (\d+)/.exec(output)![1])
		const body = await new Promise<string>((resolve, reject) => {
			http
				.get({ port, host: '127.0.0.1', path: '/' }, (res) => {
					let text = ''
					res.on('data', (c: Buffer) => {
						// The signal comes while the response is streaming.
						if (!text) child.kill('SIGTERM')
						text += c.toString()
					})
					res.on('end', () => resolve(text))
					res.on('error', reject)
				})
				.on('error', reject)
		})
		expect(await exited).toBe(0)
		expect(body.split('\n').filter(Boolean)).toHaveLength(31)
		expect(body).toMatch(/the end\n$/)
		expect(output).toContain('batch done')
	})
})
