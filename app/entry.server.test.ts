import { UNSAFE_ErrorResponseImpl as ErrorResponse } from 'react-router'
import { beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest'
import { handleError } from './entry.server.tsx'

describe('what reaches the log', () => {
	let logged: MockInstance<typeof console.error>
	beforeEach(() => {
		// The test set-up fails any test that logs an error; here the log is what is tested.
		logged = vi.spyOn(console, 'error').mockImplementation(() => {})
	})
	const context = (request = new Request('http://localhost/favicon.png')) =>
		({ request, params: {}, context: {} }) as Parameters<typeof handleError>[1]

	test('a page or file that does not exist is not an error', () => {
		handleError(new ErrorResponse(404, 'Not Found', null, true), context())
		expect(logged).not.toHaveBeenCalled()
	})

	test('a request the browser gave up on is not an error', () => {
		const controller = new AbortController()
		controller.abort()
		handleError(new Error('aborted'), context(new Request('http://localhost/', { signal: controller.signal })))
		expect(logged).not.toHaveBeenCalled()
	})

	test('a real error is logged', () => {
		const error = new Error('the database is gone')
		handleError(error, context())
		expect(logged).toHaveBeenCalledWith(error)
	})
})
