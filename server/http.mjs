// How the app answers HTTP, shared by `npm start` and the benchmark's framework floor: static files
// from memory with their build-time Brotli/gzip twins, everything else through React Router, with
// pages and data compressed on the way out. Plain node:http, no framework: see
// docs/decisions/0012-node-http-cluster-compression.md.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import proxyAddr from 'proxy-addr'
import { createRequestHandler } from 'react-router'

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

function serveStatic(req, res, file) {
	const encoding = chooseEncoding(req.headers['accept-encoding'])
	const body = (encoding === 'br' && file.br) || (encoding === 'gzip' && file.gzip) || file.body
	const headers = {
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

/** Writes a fetch Response to Node's response, compressed when the client and the type allow. */
export async function sendResponse(req, res, response) {
	const headers = new Headers(response.headers)
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

/** A fetch Request for a Node request; the body streams as it arrives. */
function createRequest(req, res) {
	const controller = new AbortController()
	res.on('close', () => controller.abort())
	const headers = new Headers()
	for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1])
	const url = new URL(req.url, `http://${headers.get('host') ?? 'localhost'}`)
	const init = { method: req.method, headers, signal: controller.signal }
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		init.body = new ReadableStream({
			start(stream) {
				req.on('data', (chunk) => stream.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)))
				req.on('end', () => stream.close())
				req.on('error', (error) => stream.error(error))
			},
		})
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

/**
 * The request listener: a static file when the path names one, else the app.
 * `build` is the server build or, in development, a function that loads it.
 */
export function createListener({ build, mode, clientDir, trustProxy }) {
	const handle = createRequestHandler(build, mode)
	const files = clientDir ? loadStaticFiles(clientDir) : new Map()
	const trust = compileTrust(trustProxy)
	return async (req, res) => {
		if (req.method === 'GET' || req.method === 'HEAD') {
			const file = files.get(decodePath(req.url))
			if (file) return serveStatic(req, res, file)
		}
		try {
			const request = createRequest(req, res)
			const response = await handle(request, { clientIp: proxyAddr(req, trust) ?? 'unknown' })
			await sendResponse(req, res, response)
		} catch (error) {
			console.error(error)
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
			res.end('Internal Server Error')
		}
	}
}
