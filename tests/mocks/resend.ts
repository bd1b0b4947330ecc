import { delay, http, HttpResponse, type JsonBodyType } from 'msw'

/**
 * A stand-in for Resend's HTTP API (POST /emails and /emails/batch), for tests and for local
 * development without an account. It answers like Resend: a Bearer key is required, a message
 * needs from, to, subject and a body (else 422), and a repeated Idempotency-Key gets the first
 * answer again without sending anything (or 409 when the payload differs). Tests read what was
 * sent from `resendMock` and can make the next requests fail.
 */

export const resendApiUrl = 'https://api.resend.com'

/** What the mock can be told to answer instead: a status code, or no answer at all. */
export type ResendFailure = 'network' | number

export interface ResendRequest {
	path: '/emails' | '/emails/batch'
	idempotencyKey: string | null
	body: unknown
	/** The status answered, or 'network' when the connection was dropped. */
	answer: number | 'network'
}

export interface SentEmail {
	id: string
	idempotencyKey: string | null
	from: string
	to: string[]
	subject: string
	html?: string
	text?: string
	headers?: Record<string, string>
	attachments?: Array<{ filename?: string; content?: string; content_type?: string }>
}

class ResendMock {
	/** Every request that reached the mock, in order, failed ones included. */
	requests: ResendRequest[] = []
	/** Every email the mock accepted: what a recipient would get. */
	sent: SentEmail[] = []
	/** Milliseconds before each answer, for tests that need requests to overlap. */
	latencyMs = 0
	#failures: ResendFailure[] = []
	#answered = new Map<string, { payload: string; body: JsonBodyType }>()
	#nextId = 1

	/** The next requests get these answers, one each, e.g. failNext(500, 'network', 429). */
	failNext(...failures: ResendFailure[]): void {
		this.#failures.push(...failures)
	}

	sentTo(address: string): SentEmail[] {
		return this.sent.filter((email) => email.to.some((to) => to.toLowerCase() === address.toLowerCase()))
	}

	reset(): void {
		this.requests = []
		this.sent = []
		this.latencyMs = 0
		this.#failures = []
		this.#answered.clear()
	}

	async handle(path: ResendRequest['path'], request: Request): Promise<Response> {
		if (this.latencyMs) await delay(this.latencyMs)
		const idempotencyKey = request.headers.get('Idempotency-Key')
		const body: unknown = await request.json().catch(() => null)
		const record = (answer: ResendRequest['answer']) => this.requests.push({ path, idempotencyKey, body, answer })

		const failure = this.#failures.shift()
		if (failure === 'network') {
			record('network')
			return HttpResponse.error()
		}
		if (failure !== undefined) {
			record(failure)
			return errorResponse(
				failure,
				failure === 429 ? 'rate_limit_exceeded' : failure >= 500 ? 'internal_server_error' : 'validation_error',
				'Failure requested by the test',
				failure === 429 ? { 'retry-after': '1' } : {},
			)
		}

		if (!/^Bearer re_\S+$/.test(request.headers.get('Authorization') ?? '')) {
			record(401)
			return errorResponse(401, 'missing_api_key', 'Missing API key in the authorization header')
		}

		// Resend keeps an answer per key: the same request again gets it back and sends nothing.
		const payload = JSON.stringify(body)
		const earlier = idempotencyKey ? this.#answered.get(`${path} ${idempotencyKey}`) : undefined
		if (earlier) {
			if (earlier.payload !== payload) {
				record(409)
				return errorResponse(
					409,
					'invalid_idempotent_request',
					'Same idempotency key used with a different request body',
				)
			}
			record(200)
			return HttpResponse.json(earlier.body)
		}

		const emails = path === '/emails/batch' ? body : [body]
		if (!Array.isArray(emails) || emails.length === 0 || emails.length > 100) {
			record(422)
			return errorResponse(422, 'validation_error', 'A batch holds 1 to 100 emails')
		}
		const problem = emails.map(validationProblem).find(Boolean)
		if (problem) {
			record(422)
			return errorResponse(422, 'validation_error', problem)
		}

		const accepted = (emails as Array<Omit<SentEmail, 'id' | 'idempotencyKey' | 'to'> & { to: string | string[] }>).map(
			(email) => {
				const sent: SentEmail = { ...email, id: `mock-${this.#nextId++}`, idempotencyKey, to: [email.to].flat() }
				this.sent.push(sent)
				if (!process.env.VITEST) console.info(`Resend mock: "${sent.subject}" to ${sent.to.join(', ')}`)
				return { id: sent.id }
			},
		)
		const answer = path === '/emails/batch' ? { data: accepted } : accepted[0]
		if (idempotencyKey) this.#answered.set(`${path} ${idempotencyKey}`, { payload, body: answer })
		record(200)
		return HttpResponse.json(answer)
	}
}

export const resendMock = new ResendMock()

function validationProblem(email: unknown): string | undefined {
	if (!email || typeof email !== 'object') return 'Each email must be an object'
	const { from, to, subject, html, text } = email as Record<string, unknown>
	if (typeof from !== 'string' || !from) return 'The `from` field is missing.'
	if (!(typeof to === 'string' ? to : Array.isArray(to) ? to.length : '')) return 'The `to` field is missing.'
	if (typeof subject !== 'string' || !subject) return 'The `subject` field is missing.'
	if (!html && !text) return 'Either `html` or `text` must be provided.'
	return undefined
}

/** Resend's error body: { statusCode, name, message }. */
function errorResponse(status: number, name: string, message: string, headers: Record<string, string> = {}) {
	return HttpResponse.json({ statusCode: status, name, message }, { status, headers })
}

export const resendHandlers = [
	http.post(`${resendApiUrl}/emails`, ({ request }) => resendMock.handle('/emails', request)),
	http.post(`${resendApiUrl}/emails/batch`, ({ request }) => resendMock.handle('/emails/batch', request)),
]
