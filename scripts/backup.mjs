// `npm run backup -- <file>`: a consistent copy of the database while the app keeps serving (issue 12;
// PostgreSQL: issue 13).
//
// SQLite: the online backup API (better-sqlite3's db.backup) copies every page in one step, inside
// one read transaction: in WAL mode that is a snapshot of the last committed state, and writers
// carry on meanwhile. PostgreSQL: `pg_dump --format=custom`, which reads every table in one
// repeatable-read transaction, so it too is one snapshot while the app writes.
// Either way the copy is written beside the target as `<file>.partial`, checked (SQLite's
// PRAGMA integrity_check; for a dump, pg_restore reading its table of contents) and only then
// renamed, so a file with the target's name is always a whole, checked backup. An existing file is
// never overwritten. Restoring: see the README.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'

/** The same rule as db/index.ts: `file:./data/app.db` or a plain path. */
function databasePath(url = process.env.DATABASE_URL ?? 'file:./data/app.db') {
	return path.resolve(url.startsWith('file:') ? url.slice('file:'.length) : url)
}

function fail(message, code = 1) {
	console.error(message)
	process.exit(code)
}

const target = process.argv[2]
if (!target || target.startsWith('-')) fail('Usage: npm run backup -- <file>   (DATABASE_URL names the database)', 2)
const url = process.env.DATABASE_URL ?? 'file:./data/app.db'
const destination = path.resolve(target)
const partial = `${destination}.partial`
if (fs.existsSync(destination)) fail(`${destination} exists already; choose another name.`)
const started = Date.now()
if (/^postgres(ql)?:\/\//i.test(url)) backupPostgres(url)
else await backupSqlite(databasePath(url))

async function backupSqlite(source) {
	if (!fs.existsSync(source)) fail(`No database at ${source}.`)
	if (destination === source) fail('The backup cannot be the database itself.')
	fs.mkdirSync(path.dirname(destination), { recursive: true })
	fs.rmSync(partial, { force: true })
	const db = new SQLite(source, { fileMustExist: true })
	db.pragma('busy_timeout = 5000')
	try {
		// Every page in one step (the largest count the API takes): one snapshot, never restarted by
		// the app's writes as a page-by-page copy would be.
		const { totalPages } = await db.backup(partial, { progress: () => 0x7fffffff })
		const copy = new SQLite(partial, { readonly: true })
		const check = copy.pragma('integrity_check', { simple: true })
		const tables = copy
			.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
			.get().n
		copy.close()
		if (check !== 'ok') fail(`The copy failed its integrity check (${check}); ${partial} is kept for inspection.`)
		fs.renameSync(partial, destination)
		console.log(
			`Backed up ${source} to ${destination}: ${totalPages} pages, ${megabytes(destination)} MB, ` +
				`${tables} tables, integrity ok, in ${Date.now() - started} ms.`,
		)
	} catch (error) {
		fs.rmSync(partial, { force: true })
		fail(`The backup failed: ${error instanceof Error ? error.message : String(error)}`)
	} finally {
		db.close()
	}
}

/**
 * pg_dump from PATH (its major version must be the server's or newer). The password travels in
 * PGPASSWORD, not on the command line, where other users of the machine could read it.
 */
function backupPostgres(databaseUrl) {
	const server = new URL(databaseUrl)
	const env = { ...process.env }
	if (server.password) env.PGPASSWORD = decodeURIComponent(server.password)
	server.password = ''
	const shown = server.toString()
	fs.mkdirSync(path.dirname(destination), { recursive: true })
	fs.rmSync(partial, { force: true })
	const dump = run('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${shown}`], env)
	if (dump.status !== 0) {
		fs.rmSync(partial, { force: true })
		fail(`The backup failed: pg_dump ${dump.why}`)
	}
	// The dump's table of contents, read back: a truncated or damaged file fails here.
	const list = run('pg_restore', ['--list', partial], env)
	if (list.status !== 0) fail(`pg_restore cannot read the dump (${list.why}); ${partial} is kept for inspection.`)
	const tables = list.stdout.split('\n').filter((line) => / TABLE DATA /.test(line)).length
	fs.renameSync(partial, destination)
	console.log(
		`Backed up ${shown} to ${destination}: pg_dump custom format, ${megabytes(destination)} MB, ` +
			`${tables} tables with their data, readable by pg_restore, in ${Date.now() - started} ms.`,
	)
}

/** Runs a PostgreSQL client program; `why` says what went wrong, including its not being installed. */
function run(command, args, env) {
	const result = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
	if (result.error?.code === 'ENOENT')
		return { status: 1, why: `is not installed (Debian: postgresql-client, of the server's major version)` }
	const why = result.error ? result.error.message : result.stderr.trim() || `exited with ${result.status}`
	return { status: result.status ?? 1, stdout: result.stdout ?? '', why }
}

function megabytes(file) {
	return (fs.statSync(file).size / 1024 / 1024).toFixed(1)
}
