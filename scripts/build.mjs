// Builds the app when the build is missing or older than the source, for `npm start`, the
// operators' commands and the benchmark. An installation without dev dependencies cannot build:
// it uses the build it was given (`npm run build` before pruning), stale or not.
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

// Missing in a production install (no dev dependencies).
const reactRouterCli = 'node_modules/@react-router/dev/bin.js'

/** With `quiet`, the build's output is shown only if it fails (the Lighthouse report prints after it). */
export function buildIfStale({ quiet = false } = {}) {
	if (!fs.existsSync(reactRouterCli)) {
		if (fs.existsSync('build/server/index.js')) return
		throw new Error(
			'There is no build, and the dev dependencies that make one are not installed: run `npm run build` where they are.',
		)
	}
	const sourceChanged = Math.max(
		...['app', 'db', 'emails', 'public'].filter((d) => fs.existsSync(d)).map(newestChange),
		...['package.json', 'vite.config.ts', 'react-router.config.ts'].map((f) => fs.statSync(f).mtimeMs),
	)
	if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= sourceChanged) return
	console.log('Building the app…')
	fs.rmSync(stamp, { force: true })
	try {
		execFileSync(
			process.execPath,
			[reactRouterCli, 'build'],
			quiet ? { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 } : { stdio: ['ignore', 2, 2] },
		)
	} catch (error) {
		if (!quiet) throw error
		process.stderr.write(error.stdout ?? '')
		process.stderr.write(error.stderr ?? '')
		throw new Error('the build failed')
	}
	fs.writeFileSync(stamp, new Date().toISOString())
}
