import { describe, expect, test, vi } from 'vitest'
import { isLocalUrl } from './config.server.ts'

describe('isLocalUrl', () => {
	test('this machine counts as local', () => {
		for (const url of [
			'http://localhost:3000',
			'http://klimatpakt.localhost',
			'http://127.0.0.1:8080',
			'http://[::1]:3000',
		])
			expect(isLocalUrl(url), url).toBe(true)
	})
	test('any address others can reach does not, whatever its scheme', () => {
		for (const url of [
			'http://klimatavtal.example',
			'https://klimatavtal.example',
			'http://192.168.1.10:3000',
			'http://localhost.evil.example',
			'not a url',
		])
			expect(isLocalUrl(url), url).toBe(false)
	})
})

describe('SESSION_SECRET', () => {
	test('a deployment others can reach refuses to start with the public default secret', async () => {
		const saved = { APP_URL: process.env.APP_URL, SESSION_SECRET: process.env.SESSION_SECRET }
		try {
			process.env.APP_URL = 'https://klimatavtal.example'
			delete process.env.SESSION_SECRET
			vi.resetModules()
			await expect(import('./config.server.ts')).rejects.toThrow(/SESSION_SECRET/)
			process.env.SESSION_SECRET = 'x'.repeat(40)
			vi.resetModules()
			await expect(import('./config.server.ts')).resolves.toHaveProperty('config.appUrlIsLocal', false)
		} finally {
			for (const [key, value] of Object.entries(saved)) {
				if (value === undefined) delete process.env[key]
				else process.env[key] = value
			}
			vi.resetModules()
		}
	})
})
