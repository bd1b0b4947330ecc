import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { describe, expect, test } from 'vitest'
// @ts-expect-error -- plain JavaScript, run by node without a build step
import { chooseEncoding, compileTrust, sendResponse } from '../../server/http.mjs'

/** Serves one answer through sendResponse and returns what a client receives, undecoded. */
async function served(answer: () => Response, headers: Record<string, string>) {
	const server = http.createServer((req, res) => void sendResponse(req, res, answer()))
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	try {
		const { port } = server.address() as AddressInfo
		return await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
			http
				.get({ port, host: '127.0.0.1', path: '/', headers }, (res) => {
					const chunks: Buffer[] = []
					res.on('data', (c: Buffer) => chunks.push(c))
					res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
				})
				.on('error', reject)
		})
	} finally {
		server.close()
	}
}

describe('the HTTP server', () => {
	test('prefers Brotli, then gzip, and honours q=0', () => {
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
		expect(chooseEncoding('gzip, deflate')).toBe('gzip')
		expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip')
		expect(chooseEncoding('identity')).toBeNull()
		expect(chooseEncoding(undefined)).toBeNull()
	})

	test("trusts proxies the way Express's `trust proxy` did", () => {
		expect(compileTrust(undefined)('10.0.0.1', 0)).toBe(false)
		expect(compileTrust('true')('203.0.113.9', 5)).toBe(true)
		const oneHop = compileTrust('1')
		expect([oneHop('127.0.0.1', 0), oneHop('10.0.0.1', 1)]).toEqual([true, false])
		const loopback = compileTrust('loopback')
		expect([loopback('127.0.0.1', 0), loopback('203.0.113.9', 0)]).toEqual([true, false])
		const subnet = compileTrust('10.0.0.0/8, 192.168.1.1')
		expect([subnet('10.1.2.3', 0), subnet('192.168.1.1', 0), subnet('192.168.1.2', 0)]).toEqual([true, true, false])
	})

	test('compresses a page whole, or as a stream when it keeps coming, and keeps every cookie', async () => {
		const html = '<!DOCTYPE html><html><body>' + 'Klimatpakt '.repeat(500) + '</body></html>'
		const page = () =>
			new Response(html, {
				headers: [
					['content-type', 'text/html; charset=utf-8'],
					['set-cookie', 'a=1'],
					['set-cookie', 'b=2'],
				],
			})
		const br = await served(page, { 'accept-encoding': 'br' })
		expect(br.headers['content-encoding']).toBe('br')
		expect(br.headers['set-cookie']).toEqual(['a=1', 'b=2'])
		expect(zlib.brotliDecompressSync(br.body).toString()).toBe(html)

		// A body whose second half comes later than the server waits for a whole answer.
		const slow = () =>
			new Response(
				new ReadableStream({
					async start(controller) {
						controller.enqueue(new TextEncoder().encode(html.slice(0, 100)))
						await new Promise((resolve) => setTimeout(resolve, 120))
						controller.enqueue(new TextEncoder().encode(html.slice(100)))
						controller.close()
					},
				}),
				{ headers: { 'content-type': 'text/html' } },
			)
		const gzip = await served(slow, { 'accept-encoding': 'gzip' })
		expect(gzip.headers['content-encoding']).toBe('gzip')
		expect(gzip.headers['transfer-encoding']).toBe('chunked')
		expect(zlib.gunzipSync(gzip.body).toString()).toBe(html)

		const plain = await served(page, {})
		expect(plain.headers['content-encoding']).toBeUndefined()
		expect(plain.body.toString()).toBe(html)
	})
})
