import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

// The page's size is fixed at build time (no loader, no data): the benchmark builds the floor
// after it has fetched our home page, with FLOOR_PAGE_BYTES set to that page's size.
export default defineConfig({
	plugins: [reactRouter()],
	define: { __FLOOR_PAGE_BYTES__: JSON.stringify(Number(process.env.FLOOR_PAGE_BYTES ?? 30_000)) },
	cacheDir: '../../../node_modules/.cache/klimatpakt-bench/floor-vite',
	build: { target: 'es2022' },
	logLevel: 'warn',
})
