// `npm start`: build when the build is missing or older than the source, then serve the
// production build with the worker. Migrating and seeding an empty database happen in server.mjs.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const built = 'build/server/index.js'

function newestChange(dir) {
	let newest = 0
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name)
		newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs)
	}
	return newest
}

const sourceChanged = Math.max(
	...['app', 'db', 'emails'].map(newestChange),
	...['package.json', 'vite.config.ts', 'react-router.config.ts'].map((f) => fs.statSync(f).mtimeMs),
)
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sourceChanged) {
	console.log('Building the app…')
	execFileSync(process.execPath, ['node_modules/@react-router/dev/bin.js', 'build'], { stdio: 'inherit' })
}

process.env.NODE_ENV ??= 'production'
await import('../server.mjs')
