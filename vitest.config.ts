import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: [
			'app/**/*.test.{ts,tsx}',
			'db/**/*.test.ts',
			'emails/**/*.test.{ts,tsx}',
			'tests/integration/**/*.test.{ts,tsx}',
		],
		globalSetup: ['tests/setup/global-setup.ts'],
		setupFiles: ['tests/setup/setup-test-env.ts'],
		pool: 'forks',
		testTimeout: 20_000,
	},
})
