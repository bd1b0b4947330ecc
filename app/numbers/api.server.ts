import { createHash } from 'node:crypto'
import type { PactNumbers } from './figures.server.ts'

/**
 * /api/numbers: the pact's figures as JSON for anyone to read, from any site. CORS for reading
 * only, and caching that lets a browser or proxy keep the answer a minute and then ask again
 * cheaply (a 304 when nothing has changed).
 */

/** As long as the figures themselves are kept (pactNumbers). */
const maxAgeSeconds = 60

const readOnlyCors = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Allow-Methods': 'GET, OPTIONS',
	'Access-Control-Allow-Headers': 'If-None-Match',
	'Access-Control-Expose-Headers': 'ETag',
}

interface Serialised {
	body: string
	etag: string
}

// The same figures are served until they are recomputed; serialise and hash them once.
const serialised = new WeakMap<PactNumbers, Serialised>()

function serialise(numbers: PactNumbers): Serialised {
	let hit = serialised.get(numbers)
	if (!hit) {
		// The ETag leaves out when the figures were computed: unchanged figures keep their tag.
		const { generatedAt: _generatedAt, ...figures } = numbers
		const hash = createHash('sha256').update(JSON.stringify(figures)).digest('base64url').slice(0, 27)
		// Weak: the server may compress the body, and the figures, not the bytes, are what it names.
		hit = { body: JSON.stringify(numbers), etag: `W/"${hash}"` }
		serialised.set(numbers, hit)
	}
	return hit
}

/** Whether an If-None-Match header names this tag (weak comparison, as RFC 9110 asks for it). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false
	const bare = (tag: string) => tag.trim().replace(/^W\//, '')
	return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag))
}

export function numbersResponse(request: Request, numbers: PactNumbers): Response {
	const { body, etag } = serialise(numbers)
	const headers = new Headers({
		...readOnlyCors,
		'Cache-Control': `public, max-age=${maxAgeSeconds}`,
		ETag: etag,
		'Last-Modified': new Date(numbers.generatedAt).toUTCString(),
		'X-Content-Type-Options': 'nosniff',
	})
	if (matches(request.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers })
	headers.set('Content-Type', 'application/json; charset=utf-8')
	return new Response(request.method === 'HEAD' ? null : body, { headers })
}

/** A CORS preflight is answered; anything else that would change something is refused. */
export function numbersPreflightOrRefusal(request: Request): Response {
	if (request.method === 'OPTIONS')
		return new Response(null, {
			status: 204,
			headers: { ...readOnlyCors, 'Access-Control-Max-Age': '86400', Allow: 'GET, HEAD, OPTIONS' },
		})
	return new Response('Method not allowed', {
		status: 405,
		headers: { ...readOnlyCors, Allow: 'GET, HEAD, OPTIONS' },
	})
}
