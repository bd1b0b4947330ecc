// `npm run backup -- <file>`: a consistent copy of the database while the app keeps serving (issue 12).
//
// SQLite's online backup API (better-sqlite3's db.backup) copies every page in one step, inside one
// read transaction: in WAL mode that is a snapshot of the last committed state, and writers carry on
// meanwhile. The copy is written beside the target as `<file>.partial`, checked with
// PRAGMA integrity_check and only then renamed, so a file with the target's name is always a
// whole, checked backup. An existing file is never overwritten. Restoring: see the README.
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
const source = databasePath()
const destination = path.resolve(target)
const partial = `${destination}.partial`
if (!fs.existsSync(source)) fail(`No database at ${source}.`)
if (destination === source) fail('The backup cannot be the database itself.')
if (fs.existsSync(destination)) fail(`${destination} exists already; choose another name.`)
fs.mkdirSync(path.dirname(destination), { recursive: true })
fs.rmSync(partial, { force: true })

const started = Date.now()
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
	const size = fs.statSync(destination).size
	console.log(
		`Backed up ${source} to ${destination}: ${totalPages} pages, ${(size / 1024 / 1024).toFixed(1)} MB, ` +
			`${tables} tables, integrity ok, in ${Date.now() - started} ms.`,
	)
} catch (error) {
	fs.rmSync(partial, { force: true })
	fail(`The backup failed: ${error instanceof Error ? error.message : String(error)}`)
} finally {
	db.close()
}
