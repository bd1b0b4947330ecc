// Request bodies as the HTTP layer lets them through to the app (issue 12): every form route takes
// a form and nothing else, no body is larger than the settings allow, and a broken multipart body
// is refused with 400 rather than failing inside an action with 500. Read as it arrives, never
// buffered whole: see docs/decisions/0019-http-hardening.md.
import { provesItself } from './security.mjs'

const formTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

export class BodyRefused extends Error {
	constructor(status) {
		super(`request body refused (${status})`)
		this.status = status
	}
}

/** Whether the request has a body at all: a declared length above 0 or a chunked one. */
function hasBody(req) {
	const length = req.headers['content-length']
	if (length !== undefined) return Number(length) > 0
	return req.headers['transfer-encoding'] !== undefined
}

/**
 * What the app may read of a state-changing request's body, decided from its headers alone:
 * `{ refuse: status }` for a body of the wrong type (415), a multipart one without its boundary
 * (400) or one that says it is too large (413); else the limit to hold it to while it streams, and
 * the boundary of a multipart body, which is checked as it passes.
 */
export function bodyRules(req, path, { bodyMaxBytes, multipartMaxBytes }) {
	if (req.method === 'GET' || req.method === 'HEAD' || !hasBody(req)) return { limit: bodyMaxBytes }
	const [type = '', ...params] = (req.headers['content-type'] ?? '').split(';').map((p) => p.trim())
	const mediaType = type.toLowerCase()
	const multipart = mediaType === 'multipart/form-data'
	const limit = multipart ? multipartMaxBytes : bodyMaxBytes
	if (Number(req.headers['content-length']) > limit) return { refuse: 413 }
	// The provider's webhook posts JSON; the one-click unsubscribe may come from any mail system.
	if (provesItself(path)) return { limit }
	if (!formTypes.has(mediaType)) return { refuse: 415 }
	if (!multipart) return { limit }
	const boundaryParam = params.find((p) => /^boundary=/i.test(p))
	const boundary = boundaryParam?.slice('boundary='.length).replace(/^"(.*)"$/, '$1')
	if (!boundary || boundary.length > 70) return { refuse: 400 }
	return { limit, boundary }
}

/**
 * A part's headers as Node's form parser (undici) takes them, which is as browsers write them:
 * every line a "Name: value" header, and a Content-Disposition of exactly
 * `form-data; name="…"` with at most a `; filename="…"` after it.
 */
function partHeadersAreSound(head) {
	const lines = head.split('\r\n')
	return (
		lines.every((line) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:/.test(line)) &&
		lines.some((line) => /^content-disposition:\s*form-data; name="[^"]*"(; filename="[^"]*")?\s*$/i.test(line))
	)
}

/**
 * A checker of a multipart/form-data body's framing, fed chunk by chunk and keeping only a few
 * bytes between them: it starts with the boundary, every part has headers naming a form-data
 * field, and the closing boundary comes. What the form parsers reject with an exception (and the
 * app would answer with 500) it finds before they do. `push` returns false once the body is broken.
 */
export function multipartChecker(boundary) {
	const delimiter = Buffer.from(`\r\n--${boundary}`)
	let pending = Buffer.alloc(0)
	// 'start' → 'delimiter' → 'after-delimiter' → 'headers' → 'content' → 'delimiter'… → 'done', or 'broken'
	let state = 'start'
	const maxHeaders = 16 * 1024

	function step() {
		for (;;) {
			if (state === 'broken') return
			if (state === 'done') {
				// After the closing boundary, line breaks at most.
				if (/[^\r\n]/.test(pending.toString('latin1'))) state = 'broken'
				pending = Buffer.alloc(0)
				return
			}
			if (state === 'start') {
				// Line breaks before the first boundary are skipped; the first has none before it.
				if (pending.length < 2) return
				if (pending[0] === 13 && pending[1] === 10) pending = pending.subarray(2)
				else {
					pending = Buffer.concat([Buffer.from('\r\n'), pending])
					state = 'delimiter'
				}
			} else if (state === 'delimiter') {
				if (pending.length < delimiter.length) return
				state = pending.subarray(0, delimiter.length).equals(delimiter) ? 'after-delimiter' : 'broken'
				pending = pending.subarray(delimiter.length)
			} else if (state === 'after-delimiter') {
				if (pending.length < 2) return
				const next = pending.subarray(0, 2).toString('latin1')
				state = next === '--' ? 'done' : next === '\r\n' ? 'headers' : 'broken'
				pending = pending.subarray(2)
			} else if (state === 'headers') {
				if (pending.length < 2) return
				// A part without headers names no field.
				if (pending[0] === 13 && pending[1] === 10) state = 'broken'
				const end = pending.indexOf('\r\n\r\n')
				if (state === 'broken') return
				if (end === -1) {
					if (pending.length > maxHeaders) state = 'broken'
					return
				}
				state = partHeadersAreSound(pending.subarray(0, end).toString('utf8')) ? 'content' : 'broken'
				// The content's end is the next "\r\n--boundary": keep the line break for that search.
				pending = pending.subarray(end + 2)
			} else {
				const at = pending.indexOf(delimiter)
				if (at === -1) {
					// Keep only what could be the start of a boundary split between two chunks.
					pending = pending.subarray(Math.max(0, pending.length - delimiter.length + 1))
					return
				}
				pending = pending.subarray(at)
				state = 'delimiter'
			}
		}
	}

	return {
		push(chunk) {
			if (state !== 'broken') {
				pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
				step()
			}
			return state !== 'broken'
		},
		/** At the end of the body: was it whole? */
		complete: () => state === 'done',
	}
}

/**
 * The request's body as a web stream, read only as fast as the app takes it (a large upload is
 * never queued whole in memory), held to `limit` bytes and, for multipart, checked as it passes.
 * A body over the limit or broken errors the stream with BodyRefused (413 or 400) and calls
 * `refuse` so the listener can answer in the app's place.
 */
export function bodyStream(req, { limit, boundary }, refuse) {
	const checker = boundary ? multipartChecker(boundary) : null
	let received = 0
	let failed = false
	return new ReadableStream({
		start(stream) {
			const fail = (status) => {
				if (failed) return
				failed = true
				req.pause()
				stream.error(new BodyRefused(status))
				refuse(status)
			}
			req.on('data', (chunk) => {
				if (failed) return
				received += chunk.length
				if (received > limit) return fail(413)
				if (checker && !checker.push(chunk)) return fail(400)
				stream.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
				if (stream.desiredSize !== null && stream.desiredSize <= 0) req.pause()
			})
			req.on('end', () => {
				if (failed) return
				if (checker && !checker.complete()) return fail(400)
				stream.close()
			})
			req.on('error', (error) => {
				if (!failed) stream.error(error)
				failed = true
			})
		},
		pull() {
			if (!failed) req.resume()
		},
	})
}
