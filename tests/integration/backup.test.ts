import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { describe, expect, inject, test } from 'vitest'
import { listTables } from '#db/catalog.ts'
import { getDb, migrateToLatest, openDatabase, type DB } from '#db/index.ts'
import { onPostgres, unmigratedDatabase } from '#tests/setup/databases.ts'

/**
 * `npm run backup -- <file>` (scripts/backup.mjs) while the app writes (issue 12; on PostgreSQL
 * through pg_dump, issue 13): the backup is a consistent snapshot (every transaction wholly in or
 * wholly out), passes its check, and a database restored from it as the README says opens,
 * migrates (nothing to do) and holds the same rows.
 */
const db = getDb()
const dir = path.join(inject('runDir'), `backup-${process.pid}-${Math.random().toString(36).slice(2, 8)}`)
fs.mkdirSync(dir, { recursive: true })
const script = path.resolve('scripts/backup.mjs')

function runBackup(target: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [script, target], { env: process.env })
		let stdout = ''
		let stderr = ''
		child.stdout.on('data', (chunk) => (stdout += chunk))
		child.stderr.on('data', (chunk) => (stderr += chunk))
		child.on('close', (code) => resolve({ code, stdout, stderr }))
	})
}

/** Every table's row count, by name. */
async function rowCounts(database: DB): Promise<Record<string, number>> {
	const counts: Record<string, number> = {}
	for (const name of await listTables(database)) {
		const row = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(database)
		counts[name] = Number(row.rows[0]!.n)
	}
	return counts
}

/** People written during the backup, each with their role in the same transaction. */
async function markers(database: DB) {
	const users = await database
		.selectFrom('user')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('email', 'like', 'under-backup-%')
		.executeTakeFirstOrThrow()
	const roles = await database
		.selectFrom('user_role')
		.innerJoin('user', 'user.id', 'user_role.user_id')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user.email', 'like', 'under-backup-%')
		.executeTakeFirstOrThrow()
	return { users: Number(users.n), roles: Number(roles.n) }
}

describe('npm run backup', () => {
	test('takes a consistent copy while the app writes; the restored database checks out and has the same rows', async () => {
		// Enough data that the copy takes a while: 20,000 people with a long name each.
		const padding = 'x'.repeat(300)
		for (let start = 0; start < 20_000; start += 1000) {
			await db
				.insertInto('user')
				.values(
					Array.from({ length: 1000 }, (_, i) => ({
						email: `before-backup-${start + i}@example.org`,
						name: `Person ${start + i} ${padding}`,
						language: 'sv' as const,
					})),
				)
				.execute()
		}

		const target = path.join(dir, 'nested', onPostgres ? 'klimatpakt.dump' : 'klimatpakt.db')
		const backup = runBackup(target)
		let running = true
		void backup.then(() => (running = false))
		// The app goes on writing: a person and their role per transaction, until the backup is done.
		let written = 0
		while (running) {
			await db.transaction().execute(async (trx) => {
				const user = await trx
					.insertInto('user')
					.values({ email: `under-backup-${written}@example.org`, name: `Under ${written}`, language: 'sv' })
					.returning('id')
					.executeTakeFirstOrThrow()
				await trx
					.insertInto('user_role')
					.values({ user_id: user.id, role: 'resident', granted_at: new Date().toISOString() })
					.execute()
			})
			written += 1
			await new Promise((resolve) => setTimeout(resolve, 1))
		}
		const result = await backup
		expect(result.stderr).toBe('')
		expect(result.code).toBe(0)
		expect(result.stdout).toMatch(onPostgres ? /readable by pg_restore/ : /integrity ok/)
		expect(written).toBeGreaterThan(0)
		expect(fs.existsSync(`${target}.partial`)).toBe(false)

		// Restoring as the README says: the SQLite file put where DATABASE_URL points, or the dump
		// given to pg_restore in a new database; then the app opens and migrates it.
		const restoredAt = await unmigratedDatabase()
		if (onPostgres) {
			const restore = spawnSync('pg_restore', ['--no-owner', `--dbname=${restoredAt}`, target], { encoding: 'utf8' })
			expect(restore.stderr).toBe('')
			expect(restore.status).toBe(0)
		} else {
			fs.copyFileSync(target, restoredAt)
		}
		const restored = openDatabase(restoredAt)
		try {
			expect((await migrateToLatest(restored)).results).toEqual([])
			if (!onPostgres) {
				// PostgreSQL checked every foreign key as pg_restore added it back.
				const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(restored)
				expect(check.rows).toEqual([{ integrity_check: 'ok' }])
				expect((await sql`PRAGMA foreign_key_check`.execute(restored)).rows).toEqual([])
			}

			// Every transaction wholly in or wholly out, and none of those written after it finished.
			const copied = await markers(restored)
			expect(copied.users).toBe(copied.roles)
			expect(copied.users).toBeLessThanOrEqual(written)
			// Every other row as it is in the live database.
			const [live, back] = [await rowCounts(db), await rowCounts(restored)]
			const liveMarkers = await markers(db)
			expect(liveMarkers.users).toBe(written)
			expect(Object.keys(back)).toEqual(Object.keys(live))
			expect({ ...back, user: back.user! - copied.users, user_role: back.user_role! - copied.roles }).toEqual({
				...live,
				user: live.user! - written,
				user_role: live.user_role! - written,
			})
			console.log(
				`backup: ${fs.statSync(target).size} bytes, ${Object.keys(back).length} tables, ${live.user} people; ` +
					`${written} transactions written during the backup, ${copied.users} of them in the copy`,
			)
		} finally {
			await restored.destroy()
		}
	})

	test('never overwrites a file, and says how to use it', async () => {
		const existing = path.join(dir, 'existing.db')
		fs.writeFileSync(existing, 'keep me')
		const refused = await runBackup(existing)
		expect(refused.code).toBe(1)
		expect(refused.stderr).toContain('exists already')
		expect(fs.readFileSync(existing, 'utf8')).toBe('keep me')

		const usage = await runBackup('')
		expect(usage.code).toBe(2)
		expect(usage.stderr).toContain('npm run backup -- <file>')
	})
})
