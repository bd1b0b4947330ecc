import { describe, expect, test } from 'vitest'
import { resendErrorResult } from './transports/resend.server.ts'

describe("classifying Resend's errors", () => {
	test('no status (a network failure), 429 and 5xx are retried', () => {
		expect(
			resendErrorResult({ statusCode: null, name: 'application_error', message: 'Unable to fetch data.' }, null)
				.outcome,
		).toBe('retry')
		expect(resendErrorResult({ statusCode: 500, name: 'internal_server_error', message: '' }, {}).outcome).toBe('retry')
		expect(resendErrorResult({ statusCode: 502, name: 'application_error', message: '' }, {}).outcome).toBe('retry')
		expect(
			resendErrorResult({ statusCode: 429, name: 'rate_limit_exceeded', message: '' }, { 'retry-after': '3' }),
		).toMatchObject({
			outcome: 'retry',
			rateLimited: true,
			retryAfterMs: 3000,
		})
	})

	test('a problem with the key or a request in flight is retried: the message itself is fine', () => {
		expect(resendErrorResult({ statusCode: 403, name: 'invalid_api_key', message: '' }, {}).outcome).toBe('retry')
		expect(
			resendErrorResult({ statusCode: 409, name: 'concurrent_idempotent_requests', message: '' }, {}).outcome,
		).toBe('retry')
	})

	test('a rejected message fails for good', () => {
		expect(
			resendErrorResult({ statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' }, {}),
		).toEqual({
			outcome: 'failed',
			error: 'resend 422 validation_error: Invalid `to` field.',
		})
		expect(resendErrorResult({ statusCode: 409, name: 'invalid_idempotent_request', message: '' }, {}).outcome).toBe(
			'failed',
		)
	})
})
