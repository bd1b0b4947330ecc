// Load for the benchmark: autocannon for pages, a small pool of keep-alive clients for forms
// (each submission needs its own address and its own X-Forwarded-For, and we must read each
// answer to tell a stored signature from a refusal).
import http from 'node:http'
import zlib from 'node:zlib'
import autocannon from 'autocannon'

/** What a browser sends with a page request (a desktop Chrome asking for Swedish). */
export const BROWSER_HEADERS: Record<string, string> = {
	accept: 'text/html',
	'accept-encoding': 'br, gzip',
	'accept-language': 'sv',
	'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
}

export interface PageFigures {
	reqPerSec: number
	p50: number
	p99: number
	errors: number
	non2xx: number
	/** Responses received: 0 means every request took longer than the run. */
	answered: number
}

/** One target under autocannon: a short warm-up (thrown away), then the measured run. */
export async function loadPage(
	url: string,
	{ connections, seconds, warmupSeconds }: { connections: number; seconds: number; warmupSeconds: number },
): Promise<PageFigures> {
	if (warmupSeconds > 0) await autocannon({ url, connections, duration: warmupSeconds, headers: BROWSER_HEADERS })
	const result = await autocannon({ url, connections, duration: seconds, headers: BROWSER_HEADERS })
	return {
		reqPerSec: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		// Timeouts are counted among autocannon's errors already.
		errors: result.errors,
		non2xx: result.non2xx,
		answered: result.requests.total,
	}
}

export interface RawResponse {
	status: number
	headers: http.IncomingHttpHeaders
	/** The bytes as sent (still compressed when the server compressed them). */
	body: Buffer
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

/** A request with node:http: no automatic decompression, redirects not followed. */
export function request(
	url: string,
	{ method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers, agent }, (res) => {
			const chunks: Buffer[] = []
			res.on('data', (chunk: Buffer) => chunks.push(chunk))
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
			res.on('error', reject)
		})
		req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)))
		req.on('error', reject)
		req.end(body)
	})
}

/** The body as text, whatever the encoding it came in. */
export function decodedBody(response: RawResponse): string {
	const encoding = response.headers['content-encoding']
	const body =
		encoding === 'br'
			? zlib.brotliDecompressSync(response.body)
			: encoding === 'gzip'
				? zlib.gunzipSync(response.body)
				: response.body
	return body.toString('utf8')
}

export interface ClientFigures {
	ok: number
	failed: number
	seconds: number
	perSecond: number
	p50: number
	p99: number
	/** The first few failures, "status: start of the body". */
	failures: string[]
	failuresByStatus: Record<string, number>
}

function percentile(sorted: number[], p: number): number {
	return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/**
 * `concurrency` clients, each sending one request after another: until `seconds` have passed,
 * or until `next()` has no more work. `send(n)` makes the n-th request and says whether it did
 * what it should.
 */
export async function runClients({
	concurrency,
	seconds,
	next,
	send,
}: {
	concurrency: number
	seconds: number
	next: () => number | null
	send: (n: number) => Promise<{ ok: boolean; response: RawResponse }>
}): Promise<ClientFigures> {
	const figures: ClientFigures = {
		ok: 0,
		failed: 0,
		seconds: 0,
		perSecond: 0,
		p50: 0,
		p99: 0,
		failures: [],
		failuresByStatus: {},
	}
	const latencies: number[] = []
	const started = performance.now()
	const end = started + seconds * 1000
	const client = async () => {
		for (let n = next(); n !== null && performance.now() < end; n = next()) {
			const t = performance.now()
			try {
				const { ok, response } = await send(n)
				latencies.push(performance.now() - t)
				if (ok) figures.ok++
				else {
					figures.failed++
					figures.failuresByStatus[response.status] = (figures.failuresByStatus[response.status] ?? 0) + 1
					if (figures.failures.length < 3)
						figures.failures.push(
							`${response.status} ${response.headers.location ?? ''}: ${decodedBody(response).replace(/\s+/g, ' ').slice(0, 200)}`,
						)
				}
			} catch (error) {
				figures.failed++
				figures.failuresByStatus.error = (figures.failuresByStatus.error ?? 0) + 1
				if (figures.failures.length < 3) figures.failures.push(String(error))
			}
		}
	}
	await Promise.all(Array.from({ length: concurrency }, client))
	figures.seconds = (performance.now() - started) / 1000
	figures.perSecond = figures.ok / figures.seconds
	latencies.sort((a, b) => a - b)
	figures.p50 = percentile(latencies, 50)
	figures.p99 = percentile(latencies, 99)
	return figures
}

/** A distinct client address for the n-th request (10.0.0.1, 10.0.0.2, …), sent as X-Forwarded-For. */
export function clientAddress(n: number): string {
	const k = n + 1
	return `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`
}
