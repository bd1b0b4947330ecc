// `npm start`: build when the build is missing or older than the source, then serve the
// production build with the worker. Migrating and seeding an empty database happen in server.mjs.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

// Written only after a build succeeds: a build that failed half-way (client done, server not)
// must not look current, or the server would link to assets that no longer exist.
const stamp = 'build/.complete'

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
if (!fs.existsSync(stamp) || fs.statSync(stamp).mtimeMs < sourceChanged) {
	console.log('Building the app…')
	fs.rmSync(stamp, { force: true })
	execFileSync(process.execPath, ['node_modules/@react-router/dev/bin.js', 'build'], { stdio: 'inherit' })
	fs.writeFileSync(stamp, new Date().toISOString())
}

process.env.NODE_ENV ??= 'production'
await import('../server.mjs')
