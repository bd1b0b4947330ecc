import os from 'node:os'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { buildIfStale, reach, startServer, stopServers } from '#tests/support/server-process.ts'

/**
 * The production build served by server.mjs as `npm start` serves it (issue 12): where it listens,
 * and the HTTP layer's rules in front of the real app. Each test starts its own server on a
 * database of its own.
 */

beforeAll(buildIfStale, 180_000)
afterEach(stopServers)

const externalAddress = Object.values(os.networkInterfaces())
	.flat()
	.find((i) => i && !i.internal && i.family === 'IPv4')?.address

describe('where the server listens', () => {
	test.runIf(externalAddress)(
		'a local app answers on loopback only; HOST opens it to the network',
		async () => {
			const local = await startServer()
			expect((await reach(`http://127.0.0.1:${local.port}/healthz`)).status).toBe(200)
			expect((await reach(`http://localhost:${local.port}/healthz`)).status).toBe(200)
			expect(await reach(`http://${externalAddress}:${local.port}/dev/mail`)).toEqual({ error: 'ECONNREFUSED' })

			const open = await startServer({ HOST: '0.0.0.0' })
			expect((await reach(`http://${externalAddress}:${open.port}/healthz`)).status).toBe(200)
		},
		150_000,
	)
})

describe('the HTTP layer in front of the app', () => {
	test('pages name a fresh nonce for their scripts; forms refuse other sites, other types and broken bodies', async () => {
		const { port, output } = await startServer()
		const base = `http://127.0.0.1:${port}`
		const page = await reach(`${base}/sign`)
		const nonce = /'nonce-([^']+)'/.exec(String(page.headers!['content-security-policy']))?.[1]
		expect(nonce).toBeTruthy()
		const scripts = page.text!.match(/<script\b[^>]*>/g) ?? []
		expect(scripts.length).toBeGreaterThan(0)
		for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)
		const again = await reach(`${base}/sign`)
		expect(again.headers!['content-security-policy']).not.toContain(nonce)

		const form = { 'content-type': 'application/x-www-form-urlencoded' }
		expect((await reach(`${base}/logout`, { ...form, origin: 'https://evil.example' }, 'x=1')).status).toBe(403)
		const language = await reach(
			`${base}/language`,
			{ ...form, 'sec-fetch-site': 'cross-site' },
			'language=en&redirectTo=/',
		)
		expect(language.status).toBe(403)
		expect(language.headers!['set-cookie']).toBeUndefined()
		const json = await reach(`${base}/sign`, { 'content-type': 'application/json' }, '{"name":"Anna"}')
		expect(json.status).toBe(415)
		const broken = await reach(`${base}/sign`, { 'content-type': 'multipart/form-data; boundary=b' }, '--b\r\nbroken')
		expect(broken.status).toBe(400)
		expect(broken.text).toContain('<h1>')
		// The same page in the visitor's language.
		const swedish = await reach(`${base}/sign`, { 'content-type': 'text/plain', 'accept-language': 'sv' }, 'x')
		expect(swedish.text).toContain('Den här adressen tar bara emot formulär.')
		// The log has a line for each, and no stack trace of a 500.
		await new Promise((resolve) => setTimeout(resolve, 100))
		expect(output()).toMatch(/"path":"\/sign","status":415/)
		expect(output()).not.toMatch(/"status":500|TypeError/)
	}, 120_000)
})
