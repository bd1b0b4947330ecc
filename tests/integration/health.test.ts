import { describe, expect, test } from 'vitest'
import * as healthRoute from '#app/routes/healthz.ts'
import { callLoader } from '#tests/support/routes.ts'

describe('GET /healthz', () => {
	test('answers 200 with JSON while the database is up', async () => {
		const answer = await callLoader(healthRoute, '/healthz')
		expect(answer.status).toBe(200)
		expect(await answer.response!.json()).toEqual({ status: 'ok', database: 'ok' })
	})
})
