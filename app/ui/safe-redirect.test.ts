import { describe, expect, test } from 'vitest'
import { safeRedirectPath } from './safe-redirect.ts'

describe('safeRedirectPath', () => {
	test('keeps same-site paths with their query and fragment', () => {
		expect(safeRedirectPath('/events/klimatfika?join=1#rsvp')).toBe('/events/klimatfika?join=1#rsvp')
		expect(safeRedirectPath('/my-pledge')).toBe('/my-pledge')
	})

	test('refuses everything that could leave the site', () => {
		for (const value of [
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r\n/evil.example',
			'https://evil.example',
			'evil.example',
			'',
			null,
			undefined,
		]) {
			expect(safeRedirectPath(value), JSON.stringify(value)).toBe('/')
		}
	})

	test('refuses dot-segments that normalise into another host', () => {
		for (const value of [
			'/.//evil.example',
			'/..//evil.example',
			'/a/..//evil.example',
			'/a/b/../..//evil.example',
			'/%2e//evil.example',
			'/%2E%2E//evil.example',
			'/.%2e//evil.example',
			'/././/evil.example/path?x=1',
		]) {
			expect(safeRedirectPath(value), value).toBe('/')
		}
		// Dot-segments that stay on the site are still resolved and kept.
		expect(safeRedirectPath('/a/../my-pledge')).toBe('/my-pledge')
		expect(safeRedirectPath('/./events')).toBe('/events')
	})
})
