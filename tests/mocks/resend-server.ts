import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Resend's batch and single-email endpoints as a real HTTP server on 127.0.0.1, for a worker in
 * another process (MSW only reaches the process it runs in) and for the benchmark. It keeps
 * Resend's idempotency rules: a repeated Idempotency-Key with the same body gets the first answer
 * and sends nothing; with another body, 409. It counts every message it accepted by the
 * message's own key (X-Entity-Ref-ID), so a test can see who got what how many times.
 */
export interface ResendServerOptions {
	latencyMs?: number
	/** Answer 429 (with Retry-After: retryAfterSeconds) to every request until this time. */
	rateLimitedUntil?: number
	retryAfterSeconds?: number
	/** Keep no sample of messages, only counts (the benchmark's 100,000 messages). */
	lean?: boolean
	/** Called when a request's messages are accepted, before the answer goes back (a crash test kills the worker here). */
	onAccepted?: () => void
}

export interface ResendServer {
	url: string
	/** How many times each message key was accepted: exactly-once means every value is 1. */
	deliveries: Map<string, number>
	/** Every request: when it arrived, and the status answered. */
	requests: Array<{ at: number; path: string; status: number; size: number }>
	/** Requests answered from an earlier one with the same key: retries that sent nothing. */
	replays: number
	/** A sample of accepted messages (the first 50), for checking content. */
	sample: Array<Record<string, unknown>>
	options: ResendServerOptions
	close(): Promise<void>
}

export async function startResendServer(options: ResendServerOptions = {}): Promise<ResendServer> {
	const deliveries = new Map<string, number>()
	const requests: ResendServer['requests'] = []
	const sample: ResendServer['sample'] = []
	const answered = new Map<string, { body: string; answer: string }>()
	let nextId = 1

	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = []
		request.on('data', (chunk: Buffer) => chunks.push(chunk))
		request.on('end', () => {
			const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
				requests.push({ at: Date.now(), path: request.url ?? '', status, size: Array.isArray(parsed) ? parsed.length : 1 })
				const send = () => {
					response.writeHead(status, { 'content-type': 'application/json', ...headers })
					response.end(typeof body === 'string' ? body : JSON.stringify(body))
				}
				if (options.latencyMs) setTimeout(send, options.latencyMs)
				else send()
			}
			const raw = Buffer.concat(chunks).toString('utf8')
			let parsed: unknown
			try {
				parsed = JSON.parse(raw)
			} catch {
				return reply(400, { statusCode: 400, name: 'validation_error', message: 'Invalid JSON' })
			}
			if (!/^Bearer re_\S+$/.test(request.headers.authorization ?? '')) return reply(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' })
			if (options.rateLimitedUntil && Date.now() < options.rateLimitedUntil) {
				return reply(429, { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' }, { 'retry-after': String(options.retryAfterSeconds ?? 1) })
			}
			const key = request.headers['idempotency-key']
			const keyed = typeof key === 'string' ? `${request.url} ${key}` : null
			const earlier = keyed ? answered.get(keyed) : undefined
			const fingerprint = crypto.createHash('sha256').update(raw).digest('hex')
			if (earlier) {
				if (earlier.body !== fingerprint) return reply(409, { statusCode: 409, name: 'invalid_idempotent_request', message: 'Same key, different body' })
				result.replays++
				return reply(200, earlier.answer)
			}
			const emails = (request.url === '/emails/batch' ? parsed : [parsed]) as Array<Record<string, unknown>>
			if (!Array.isArray(emails) || emails.length === 0 || emails.length > 100) return reply(422, { statusCode: 422, name: 'validation_error', message: 'A batch holds 1 to 100 emails' })
			const ids = emails.map((email) => {
				const headers = (email.headers ?? {}) as Record<string, string>
				const messageKey = headers['X-Entity-Ref-ID'] ?? (typeof key === 'string' ? key : `no-key-${nextId}`)
				deliveries.set(messageKey, (deliveries.get(messageKey) ?? 0) + 1)
				if (!options.lean && sample.length < 50) sample.push(email)
				return { id: `mock-${nextId++}` }
			})
			const answer = JSON.stringify(request.url === '/emails/batch' ? { data: ids } : ids[0])
			if (keyed) answered.set(keyed, { body: fingerprint, answer })
			options.onAccepted?.()
			reply(200, answer)
		})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	const result: ResendServer = {
		url: `http://127.0.0.1:${port}`,
		deliveries,
		requests,
		replays: 0,
		sample,
		options,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	}
	return result
}
