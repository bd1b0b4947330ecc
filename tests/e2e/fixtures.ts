import { test as base, expect } from '@playwright/test'

/**
 * Every browser test fails when a page logs an error or throws in the browser: a hydration
 * mismatch (a namespace a route forgot to name, docs/decisions/0013) shows only there. A form
 * answered with 400 makes Chromium log "Failed to load resource", which is the test's intent.
 */
export const test = base.extend<{ browserErrors: string[] }>({
	browserErrors: [
		async ({ context }, use) => {
			const errors: string[] = []
			context.on('console', (message) => {
				if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`${message.page()?.url()}: ${message.text()}`)
			})
			context.on('weberror', (error) => errors.push(`${error.page()?.url()}: ${error.error().message}`))
			await use(errors)
			expect(errors, 'errors in the browser console').toEqual([])
		},
		{ auto: true },
	],
})

export { expect }
