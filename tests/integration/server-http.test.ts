import { describe, expect, test } from 'vitest'
// @ts-expect-error -- plain JavaScript, run by node without a build step
import { chooseEncoding, compileTrust } from '../../server/http.mjs'

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
})
