// How the app answers HTTP, shared by `npm start` and the benchmark's framework floor: static files
// from memory with their build-time Brotli/gzip twins, everything else through React Router, with
// pages and data compressed on the way out. Plain node:http, no framework: see
// docs/decisions/0012-node-http-cluster-compression.md.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import proxyAddr from 'proxy-addr'
import { createRequestHandler } from 'react-router'
import { bodyRules, bodyStream } from './bodies.mjs'
import { isCrossSite, newNonce, provesItself, securityHeaders } from './security.mjs'

const types = {
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2',
	'.map': 'application/json; charset=utf-8',
}

/**
 * Every file of the client build, read once: a page request never touches the disk. Files under
 * /assets/ carry a content hash in their name and are cached for a year.
 */
export function loadStaticFiles(clientDir) {
	const files = new Map()
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (entry.name.startsWith('.')) continue // .vite/manifest.json is the build's, not the public's
			const full = path.join(dir, entry.name)
			if (entry.isDirectory()) walk(full)
			else if (!/\.(br|gz)$/.test(entry.name)) {
				const urlPath = '/' + path.relative(clientDir, full).split(path.sep).join('/')
				const body = fs.readFileSync(full)
				const twin = (ext) => (fs.existsSync(full + ext) ? fs.readFileSync(full + ext) : undefined)
				files.set(urlPath, {
					body,
					br: twin('.br'),
					gzip: twin('.gz'),
					type: types[path.extname(entry.name).toLowerCase()] ?? 'application/octet-stream',
					etag: `"${body.length.toString(36)}-${fs.statSync(full).mtimeMs.toString(36)}"`,
					cacheControl: urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
				})
			}
		}
	}
	if (fs.existsSync(clientDir)) walk(clientDir)
	return files
}

/** The best encoding the client accepts: Brotli, then gzip, else none (q=0 means "not this"). */
export function chooseEncoding(acceptEncoding) {
	if (!acceptEncoding) return null
	const accepted = new Set()
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';')
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
		if (q && Number(q.slice(2)) === 0) continue
		accepted.add(name)
	}
	if (accepted.has('br')) return 'br'
	if (accepted.has('gzip')) return 'gzip'
	return null
}

function serveStatic(req, res, file, extraHeaders) {
	const encoding = chooseEncoding(req.headers['accept-encoding'])
	const body = (encoding === 'br' && file.br) || (encoding === 'gzip' && file.gzip) || file.body
	const headers = {
		...extraHeaders,
		'Content-Type': file.type,
		'Cache-Control': file.cacheControl,
		ETag: file.etag,
		Vary: 'Accept-Encoding',
	}
	if (body !== file.body) headers['Content-Encoding'] = encoding
	if (req.headers['if-none-match'] === file.etag) {
		res.writeHead(304, headers)
		res.end()
		return
	}
	headers['Content-Length'] = body.length
	res.writeHead(200, headers)
	res.end(req.method === 'HEAD' ? undefined : body)
}

// Pages, data requests (text/x-script), feeds and exports are worth compressing; images are not.
const compressible = /^(text\/|application\/(json|javascript|xml|manifest\+json))/

function compressor(encoding) {
	return encoding === 'br'
		? // Quality 4: about gzip's speed at a smaller size. Build-time files use the maximum.
			zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
		: zlib.createGzip({ level: 6 })
}

const compressSync = {
	br: (buffer) =>
		zlib.brotliCompressSync(buffer, {
			params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
		}),
	gzip: (buffer) => zlib.gzipSync(buffer, { level: 6 }),
}

// How long a response may take to arrive in full before it is sent as a stream instead.
const WHOLE_WITHIN_MS = 50

/**
 * Writes a fetch Response to Node's response, compressed when the client and the type allow.
 * `extraHeaders` (the security headers) are added where the app did not set the same header.
 */
export async function sendResponse(req, res, response, extraHeaders = {}) {
	const headers = new Headers(response.headers)
	for (const [name, value] of Object.entries(extraHeaders)) if (!headers.has(name)) headers.set(name, value)
	const type = headers.get('content-type') ?? ''
	const encoding =
		response.body && req.method !== 'HEAD' && !headers.has('content-encoding') && compressible.test(type)
			? chooseEncoding(req.headers['accept-encoding'])
			: null
	if (encoding) {
		headers.delete('content-length')
		headers.set('content-encoding', encoding)
		headers.append('vary', 'Accept-Encoding')
	}
	const head = (extra) => {
		const rawHeaders = []
		// Iterating Headers gives each Set-Cookie on its own, as they must be sent.
		for (const [key, value] of headers) rawHeaders.push(key, value)
		if (extra) rawHeaders.push(...extra)
		res.writeHead(response.status, rawHeaders)
	}
	if (!response.body || req.method === 'HEAD') {
		head()
		res.end()
		return
	}
	if (!encoding) {
		head()
		for await (const chunk of response.body) res.write(chunk)
		res.end()
		return
	}

	// Pages arrive from React in many small pieces within a millisecond or two. Compressing each
	// piece through a zlib stream took a tenth of a page's CPU, so a response that arrives whole in
	// time is compressed in one call; one that keeps coming (a stream that waits on
	// something) is sent as a compressed stream from then on, so nothing waits for the end.
	const reader = response.body.getReader()
	const chunks = []
	let timer
	const deadline = new Promise((resolve) => {
		timer = setTimeout(resolve, WHOLE_WITHIN_MS, 'late')
	})
	let pending = reader.read()
	for (;;) {
		const next = await Promise.race([pending, deadline])
		if (next === 'late') break
		if (next.done) {
			clearTimeout(timer)
			const body = compressSync[encoding](Buffer.concat(chunks))
			head(['content-length', String(body.length)])
			res.end(body)
			return
		}
		chunks.push(next.value)
		pending = reader.read()
	}
	head()
	const z = compressor(encoding)
	z.pipe(res)
	z.write(Buffer.concat(chunks))
	z.flush()
	for (let next = await pending; !next.done; next = await reader.read()) {
		z.write(next.value)
		z.flush()
	}
	z.end()
}

/** Express's `trust proxy` values: true, a number of hops, or a list of addresses and subnets. */
export function compileTrust(value) {
	if (!value || value === 'false') return () => false
	if (value === 'true') return () => true
	if (/^\d+$/.test(value)) {
		const hops = Number(value)
		return (_address, i) => i < hops
	}
	return proxyAddr.compile(value.split(',').map((v) => v.trim()))
}

/** A fetch Request for a Node request; the body streams as the app reads it (see bodies.mjs). */
function createRequest(req, res, body) {
	const controller = new AbortController()
	res.on('close', () => controller.abort())
	const headers = new Headers()
	for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1])
	const url = new URL(req.url, `http://${headers.get('host') ?? 'localhost'}`)
	const init = { method: req.method, headers, signal: controller.signal }
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		init.body = body
		init.duplex = 'half'
	}
	return new Request(url, init)
}

function decodePath(url) {
	try {
		return decodeURIComponent(url.split('?')[0])
	} catch {
		return url // malformed escapes: not a file of ours; the app answers 404
	}
}

/** The path of a request without its query, for matching and for the log. */
function pathOf(url) {
	const end = url.search(/[?#]/)
	return end === -1 ? url : url.slice(0, end)
}

/**
 * The path as the request log shows it: the tokens that open someone's account, subscription or
 * calendar replaced by a placeholder (the query, where /verify's token rides, is left out anyway).
 */
export function loggedPath(path) {
	return path
		.replace(/^\/unsubscribe\/[^/]+/, '/unsubscribe/:token')
		.replace(/^\/events\/feed\/[^/]+/, '/events/feed/:token')
		.replace(/^\/dev\/mail\/[^/]+/, '/dev/mail/:messageId')
}

/**
 * Writes one JSON line to stdout when the response is done: when, which request, what was asked
 * and answered, how long it took and how many bytes went out. Nothing personal: no query, no
 * address, no token, no IP.
 */
function logWhenDone(req, res, { id, path, started }) {
	let bytes = 0
	const { write, end } = res
	const count = (chunk, encoding) => {
		if (chunk && typeof chunk !== 'function')
			bytes += Buffer.byteLength(chunk, typeof encoding === 'string' ? encoding : undefined)
	}
	res.write = function (chunk, encoding, callback) {
		count(chunk, encoding)
		return write.call(this, chunk, encoding, callback)
	}
	res.end = function (chunk, encoding, callback) {
		count(chunk, encoding)
		return end.call(this, chunk, encoding, callback)
	}
	res.once('close', () => {
		const line = {
			time: new Date().toISOString(),
			id,
			method: req.method,
			path: loggedPath(path),
			status: res.statusCode,
			ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
			bytes,
		}
		if (!res.writableFinished) line.aborted = true
		process.stdout.write(JSON.stringify(line) + '\n')
	})
}

const englishPages = {
	400: ['Bad request', 'The form could not be read. Please go back and send it again.'],
	403: ['Not allowed', 'This form was sent from another site. Please use the form on this site.'],
	413: ['Too large', 'What you sent is larger than this site accepts.'],
	415: ['Not a form', 'This address only accepts forms.'],
	500: ['Something went wrong', 'Something went wrong on our side. Please try again in a while.'],
}

/**
 * The short page the HTTP layer answers with when it refuses a request itself: the app's words in
 * the visitor's language when the build offers them (httpErrorPage in app/entry.server.tsx),
 * else English. It never repeats anything the request sent.
 */
async function refusalPage(status, req, errorPage) {
	let text
	try {
		text = errorPage ? await errorPage(status, req.headers) : undefined
	} catch (error) {
		console.error(error)
	}
	const [title, message] = text ? [text.title, text.message] : (englishPages[status] ?? englishPages[500])
	const lang = text?.language ?? 'en'
	const escape = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
	return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">${escape(text?.backHome ?? 'Home')}</a></p></main></body></html>`
}

/**
 * The HTTP layer's own rules around an app `(req, res, context) => Promise`, in one place before
 * React Router (docs/decisions/0019-http-hardening.md): security headers with a fresh nonce on
 * every response, cross-site state changes refused (403), bodies of the wrong type (415), too
 * large (413) or broken (400) refused, a request id, and one JSON line per request in the log.
 * `settings` come from app/config.server.ts through the build's entry module (`httpSettings`).
 */
export function withGuards(app, { settings = {}, dev = false, behindProxy = false } = {}) {
	const appOrigin = settings.appUrl ? new URL(settings.appUrl).origin : undefined
	const limits = {
		bodyMaxBytes: settings.bodyMaxBytes ?? 1024 * 1024,
		multipartMaxBytes: settings.multipartMaxBytes ?? 10 * 1024 * 1024,
	}
	// The benchmark's floor app has no settings: the environment decides there.
	const logRequests = settings.logRequests ?? process.env.LOG_REQUESTS !== 'false'
	return async (req, res) => {
		const started = process.hrtime.bigint()
		const path = pathOf(req.url)
		const id = crypto.randomUUID()
		if (logRequests) logWhenDone(req, res, { id, path, started })
		const nonce = newNonce()
		const headers = { ...securityHeaders({ path, nonce, dev, hsts: settings.hsts === true }), 'X-Request-Id': id }
		let refused = false
		const refuse = async (status) => {
			if (refused || res.headersSent) return
			refused = true
			const page = await refusalPage(status, req, settings.errorPage)
			if (res.headersSent) return
			// What is left of a refused body is not read: the connection closes after the answer.
			res.writeHead(status, {
				...headers,
				'Content-Type': 'text/html; charset=utf-8',
				'Content-Length': Buffer.byteLength(page),
				'Cache-Control': 'no-store',
				Connection: 'close',
			})
			res.end(req.method === 'HEAD' ? undefined : page)
		}
		if (isCrossSite(req, { appOrigin, behindProxy }) && !provesItself(path)) return refuse(403)
		const rules = bodyRules(req, path, limits)
		if (rules.refuse) return refuse(rules.refuse)
		const body =
			req.method === 'GET' || req.method === 'HEAD'
				? undefined
				: bodyStream(req, rules, (status) => void refuse(status))
		try {
			await app(req, res, { nonce, headers, body, refused: () => refused })
		} catch (error) {
			if (refused) return
			if (res.headersSent) {
				// Headers gone, body half-sent: all that is left is to end it.
				if (!res.writableEnded) res.destroy(error)
				if (error?.name !== 'BodyRefused') console.error(error)
				return
			}
			if (error?.name === 'BodyRefused') return refuse(error.status)
			console.error(error)
			await refuse(500)
		}
	}
}

/**
 * The request listener: a static file when the path names one, else the app.
 * `build` is the server build or, in development, a function that loads it.
 */
export function createListener({ build, mode, clientDir, trustProxy, settings }) {
	const handle = createRequestHandler(build, mode)
	const files = clientDir ? loadStaticFiles(clientDir) : new Map()
	const trust = compileTrust(trustProxy)
	const app = async (req, res, { nonce, headers, body, refused }) => {
		if (req.method === 'GET' || req.method === 'HEAD') {
			const file = files.get(decodePath(req.url))
			if (file) return serveStatic(req, res, file, headers)
		}
		const request = createRequest(req, res, body)
		const response = await handle(request, { clientIp: proxyAddr(req, trust) ?? 'unknown', nonce })
		// The HTTP layer answered already (a body refused while the app read it).
		if (refused()) return void response.body?.cancel().catch(() => {})
		await sendResponse(req, res, response, headers)
	}
	return withGuards(app, {
		settings,
		dev: mode === 'development',
		behindProxy: Boolean(trustProxy) && trustProxy !== 'false',
	})
}
