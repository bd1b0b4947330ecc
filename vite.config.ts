import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({
	plugins: [reactRouter()],
	// better-sqlite3 is a native addon: never bundle it.
	ssr: { external: ['better-sqlite3'] },
	build: { target: 'es2022' },
})
