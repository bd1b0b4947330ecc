import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Resend's batch and single-email endpoints, keeping Resend's idempotency rules: a repeated
 * Idempotency-Key with the same body gets the first answer and sends nothing; with another body,
 * 409. It counts every message it accepted by the message's own key (X-Entity-Ref-ID), so a test
 * can see who got what how many times. Two ways in: a real HTTP server on 127.0.0.1 (for another
 * process, which MSW cannot reach, and the benchmark), or a fetch for this process
 * (resendFetch), with no socket and no timer, so a test can run it on a fake clock.
 */
export interface ResendServerOptions {
	/** Milliseconds before each answer (the HTTP server only). */
	latencyMs?: number
	/** Answer 429 (with Retry-After: retryAfterSeconds) to every request until this time. */
	rateLimitedUntil?: number
	retryAfterSeconds?: number
	/** Keep no sample of messages, only counts (the benchmark's 100,000 messages). */
	lean?: boolean
	/** Called when a request's messages are accepted, before the answer goes back (a crash test crashes the sender here). */
	onAccepted?: () => void
}

export interface ResendApi {
	/** How many times each message key was accepted: exactly-once means every value is 1. */
	deliveries: Map<string, number>
	/** Every request: when it arrived (Date.now()), and the status answered. */
	requests: Array<{ at: number; path: string; status: number; size: number }>
	/** Requests answered from an earlier one with the same key: retries that sent nothing. */
	replays: number
	/** A sample of accepted messages (the first 50), for checking content. */
	sample: Array<Record<string, unknown>>
	options: ResendServerOptions
	/** One request in, its answer out. */
	handle(request: {
		path: string
		authorization: string | null
		idempotencyKey: string | null
		body: string
	}): ResendAnswer
}

export interface ResendAnswer {
	status: number
	body: string
	headers: Record<string, string>
}

export interface ResendServer extends ResendApi {
	url: string
	close(): Promise<void>
}

export function resendApi(options: ResendServerOptions = {}): ResendApi {
	const answered = new Map<string, { body: string; answer: string }>()
	let nextId = 1
	const api: ResendApi = {
		deliveries: new Map(),
		requests: [],
		replays: 0,
		sample: [],
		options,
		handle({ path, authorization, idempotencyKey: key, body: raw }) {
			let parsed: unknown
			const reply = (status: number, body: unknown, headers: Record<string, string> = {}): ResendAnswer => {
				api.requests.push({ at: Date.now(), path, status, size: Array.isArray(parsed) ? parsed.length : 1 })
				return {
					status,
					body: typeof body === 'string' ? body : JSON.stringify(body),
					headers: { 'content-type': 'application/json', ...headers },
				}
			}
			try {
				parsed = JSON.parse(raw)
			} catch {
				return reply(400, { statusCode: 400, name: 'validation_error', message: 'Invalid JSON' })
			}
			if (!/^Bearer re_\S+$/.test(authorization ?? ''))
				return reply(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' })
			if (options.rateLimitedUntil && Date.now() < options.rateLimitedUntil) {
				return reply(
					429,
					{ statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' },
					{ 'retry-after': String(options.retryAfterSeconds ?? 1) },
				)
			}
			const keyed = key ? `${path} ${key}` : null
			const earlier = keyed ? answered.get(keyed) : undefined
			const fingerprint = crypto.createHash('sha256').update(raw).digest('hex')
			if (earlier) {
				if (earlier.body !== fingerprint)
					return reply(409, {
						statusCode: 409,
						name: 'invalid_idempotent_request',
						message: 'Same key, different body',
					})
				api.replays++
				return reply(200, earlier.answer)
			}
			const emails = (path === '/emails/batch' ? parsed : [parsed]) as Array<Record<string, unknown>>
			if (!Array.isArray(emails) || emails.length === 0 || emails.length > 100)
				return reply(422, { statusCode: 422, name: 'validation_error', message: 'A batch holds 1 to 100 emails' })
			const ids = emails.map((email) => {
				const headers = (email.headers ?? {}) as Record<string, string>
				const messageKey = headers['X-Entity-Ref-ID'] ?? key ?? `no-key-${nextId}`
				api.deliveries.set(messageKey, (api.deliveries.get(messageKey) ?? 0) + 1)
				if (!options.lean && api.sample.length < 50) api.sample.push(email)
				return { id: `mock-${nextId++}` }
			})
			const answer = JSON.stringify(path === '/emails/batch' ? { data: ids } : ids[0])
			if (keyed) answered.set(keyed, { body: fingerprint, answer })
			options.onAccepted?.()
			return reply(200, answer)
		},
	}
	return api
}

export async function startResendServer(options: ResendServerOptions = {}): Promise<ResendServer> {
	const api = resendApi(options)
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = []
		request.on('data', (chunk: Buffer) => chunks.push(chunk))
		request.on('end', () => {
			const key = request.headers['idempotency-key']
			const answer = api.handle({
				path: request.url ?? '',
				authorization: request.headers.authorization ?? null,
				idempotencyKey: typeof key === 'string' ? key : null,
				body: Buffer.concat(chunks).toString('utf8'),
			})
			const send = () => {
				response.writeHead(answer.status, answer.headers)
				response.end(answer.body)
			}
			if (options.latencyMs) setTimeout(send, options.latencyMs)
			else send()
		})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	// The same object, so counters such as `replays` stay live.
	return Object.assign(api, {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	})
}

/** A fetch that answers Resend's requests from `api` in this process (for vi.stubGlobal('fetch', …)). */
export function resendFetch(api: ResendApi): typeof fetch {
	return async (input, init) => {
		const request = new Request(input, init)
		const answer = api.handle({
			path: new URL(request.url).pathname,
			authorization: request.headers.get('Authorization'),
			idempotencyKey: request.headers.get('Idempotency-Key'),
			body: await request.text(),
		})
		return new Response(answer.body, { status: answer.status, headers: answer.headers })
	}
}
