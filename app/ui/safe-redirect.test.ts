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
})
