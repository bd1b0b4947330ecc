import { reactRouter } from '@react-router/dev/vite'
import { defineConfig, type Plugin } from 'vite'
import { compression } from 'vite-plugin-compression2'

// Static files are compressed once, at build time, at the highest settings; server/http.mjs
// serves the .br or .gz twin the browser accepts (docs/decisions/0012).
const precompress: Plugin = {
	...(compression({
		algorithms: ['brotliCompress', 'gzip'],
		include: /\.(js|css|json|svg|txt|ico|webmanifest)$/,
		threshold: 512,
	}) as Plugin),
	apply: (_config, { command, isSsrBuild }) => command === 'build' && !isSsrBuild,
}

export default defineConfig({
	plugins: [reactRouter(), precompress],
	// better-sqlite3 is a native addon: never bundle it.
	ssr: { external: ['better-sqlite3'] },
	build: { target: 'es2022' },
})
