// `node scripts/cli.mjs <command> [args]`: the operators' commands (app/commands.server.ts) from
// the server build, so they run where only production dependencies are installed. Tests run them
// from the source instead: `node --import tsx scripts/cli.mjs …` with KLIMATPAKT_FROM_SOURCE=1.
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const [name, ...args] = process.argv.slice(2)

async function loadCommands() {
	if (process.env.KLIMATPAKT_FROM_SOURCE === '1') return (await import('../app/commands.server.ts')).commands
	const { buildIfStale } = await import('./build.mjs')
	buildIfStale()
	process.env.NODE_ENV ??= 'production'
	const build = await import(pathToFileURL(path.resolve('build/server/index.js')).href)
	return build.entry.module.commands
}

const commands = await loadCommands()
const command = commands[name]
if (!command) {
	console.error(`Unknown command "${name ?? ''}". Commands: ${Object.keys(commands).join(', ')}`)
	process.exit(1)
}
process.exitCode = await command(args)
