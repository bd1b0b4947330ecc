import fs from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

/**
 * Browser tests against the production build with a database and mailbox of their own.
 * On machines without Playwright's own browsers (like CI here) Debian's Chromium is used;
 * a developer with `npx playwright install` done gets Playwright's Chromium instead.
 */
const port = Number(process.env.E2E_PORT ?? 3210)
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p))
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? systemChromium

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		locale: 'sv-SE',
		timezoneId: 'Europe/Stockholm',
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: executablePath
					? {
							executablePath,
							args: [
								'--headless',
								'--no-sandbox',
								'--disable-gpu',
								'--disable-background-networking',
								'--disable-component-update',
								'--no-first-run',
							],
						}
					: {},
			},
		},
	],
	webServer: {
		command: 'node tests/e2e/server.mjs',
		url: `http://localhost:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		env: { PORT: String(port) },
	},
})
