import { describe, expect, test } from 'vitest'
import { loader } from '#app/routes/healthz.ts'

describe('GET /healthz', () => {
	test('answers 200 with JSON while the database is up', async () => {
		const response = await loader()
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual({ status: 'ok', database: 'ok' })
	})
})
