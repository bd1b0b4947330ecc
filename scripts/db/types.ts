// `npm run db:types`: writes db/introspected.ts, the tables and columns as a freshly migrated
// database has them (kysely-codegen). `npm run db:types -- --check` fails when that file is out of
// date, so CI notices a migration whose types were not regenerated. db/schema-check.ts then holds
// the hand-written db/schema.ts against it at type-check time.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrateToLatest, openDatabase } from '#db/index.ts'

const check = process.argv.includes('--check')
const target = path.resolve('db/introspected.ts')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-types-'))
const file = path.join(dir, 'app.db')

try {
	const db = openDatabase(file)
	await migrateToLatest(db)
	await db.destroy()
	const out = path.join(dir, 'introspected.ts')
	// kysely_migration* are Kysely's own bookkeeping, not the app's tables.
	execFileSync(
		path.resolve('node_modules/.bin/kysely-codegen'),
		['--dialect', 'sqlite', '--url', file, '--out-file', out, '--exclude-pattern', 'kysely_*', '--log-level', 'error'],
		{ stdio: 'inherit' },
	)
	const fresh = fs.readFileSync(out, 'utf8')
	if (check) {
		const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''
		if (current !== fresh) {
			console.error('db/introspected.ts does not match the migrations: run `npm run db:types` and commit it.')
			process.exitCode = 1
		} else {
			console.log('db/introspected.ts matches the migrations.')
		}
	} else {
		fs.writeFileSync(target, fresh)
		console.log('Wrote db/introspected.ts')
	}
} finally {
	fs.rmSync(dir, { recursive: true, force: true })
}
