// The two builds the benchmark serves: ours (only when stale, as `npm start` does) and the
// framework floor (always: it is small, and its page size depends on ours).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** Runs node quietly; returns its output, or fails with it. */
function node(args: string[], env: NodeJS.ProcessEnv = process.env): string {
	try {
		return String(
			execFileSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env, maxBuffer: 64 * 1024 * 1024 }),
		)
	} catch (error) {
		const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer }
		throw new Error(
			`node ${args.join(' ')} failed:\n${String(stdout ?? '').slice(-4000)}\n${String(stderr ?? '').slice(-4000)}`,
		)
	}
}

/**
 * Builds the app when the build is missing or older than its sources, with scripts/build.mjs:
 * the rule `npm start` uses (run in its own node, being plain JavaScript without types). `force`
 * removes the stamp that says the build is complete, which makes it build.
 */
export function buildAppIfStale(log: (line: string) => void, force = false): void {
	if (force) fs.rmSync('build/.complete', { force: true })
	const output = node([
		'--input-type=module',
		'-e',
		"import { buildIfStale } from './scripts/build.mjs'; buildIfStale()",
	])
	log(output.includes('Building') ? 'build: built the app' : 'build: up to date')
}

export const floorRoot = 'scripts/bench/floor'
/** Under node_modules so the server build resolves react and react-router (see floor/react-router.config.ts). */
export const floorBuildDir = path.resolve(
	process.env.BENCH_FLOOR_BUILD_DIR ?? 'node_modules/.cache/klimatpakt-bench/floor-build',
)

/** Builds the framework floor with a page of about `pageBytes` of HTML. */
export function buildFloor(pageBytes: number): void {
	fs.rmSync(floorBuildDir, { recursive: true, force: true })
	node(['node_modules/@react-router/dev/bin.js', 'build', floorRoot], {
		...process.env,
		NODE_ENV: 'production',
		FLOOR_PAGE_BYTES: String(pageBytes),
		BENCH_FLOOR_BUILD_DIR: floorBuildDir,
	})
}
