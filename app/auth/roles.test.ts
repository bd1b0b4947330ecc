import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { getDb, openDatabase } from '#db/index.ts'
import { copyOfTemplate } from '#tests/setup/databases.ts'
import { grantRole } from './roles.server.ts'
import { userHasPermission, userRoles } from './session.server.ts'

async function createUser(email: string): Promise<number> {
	const { id } = await getDb()
		.insertInto('user')
		.values({ email, name: 'Test', language: 'sv' })
		.returning('id')
		.executeTakeFirstOrThrow()
	return id
}

describe('grantRole (npm run user:role)', () => {
	test('gives a person a role and its permissions', async () => {
		const userId = await createUser('coord@example.se')
		expect(await userHasPermission(getDb(), userId, 'catalogue:manage')).toBe(false)
		expect(await grantRole(getDb(), 'coord@example.se', 'coordinator')).toEqual({ ok: true, userId, alreadyHad: false })
		expect(await userRoles(getDb(), userId)).toEqual(['coordinator'])
		expect(await userHasPermission(getDb(), userId, 'catalogue:manage')).toBe(true)
	})

	test('finds the person whatever the case of the address', async () => {
		const userId = await createUser('organiser@example.se')
		expect(await grantRole(getDb(), ' Organiser@Example.SE', 'organiser')).toEqual({
			ok: true,
			userId,
			alreadyHad: false,
		})
		expect(await userHasPermission(getDb(), userId, 'events:organise')).toBe(true)
	})

	test('granting a role twice changes nothing', async () => {
		const userId = await createUser('twice@example.se')
		await grantRole(getDb(), 'twice@example.se', 'organiser')
		expect(await grantRole(getDb(), 'twice@example.se', 'organiser')).toEqual({ ok: true, userId, alreadyHad: true })
		expect(await userRoles(getDb(), userId)).toEqual(['organiser'])
	})

	test('refuses an unknown address', async () => {
		expect(await grantRole(getDb(), 'nobody@example.se', 'coordinator')).toEqual({ ok: false, reason: 'unknown-user' })
	})

	test('refuses an unknown role and grants nothing', async () => {
		const userId = await createUser('admin@example.se')
		expect(await grantRole(getDb(), 'admin@example.se', 'admin')).toEqual({ ok: false, reason: 'unknown-role' })
		expect(await userRoles(getDb(), userId)).toEqual([])
	})
})

describe('the user:role command', () => {
	const run = promisify(execFile)
	async function command(
		location: string,
		...args: string[]
	): Promise<{ code: number; stdout: string; stderr: string }> {
		try {
			const { stdout, stderr } = await run(
				process.execPath,
				['--import', 'tsx', 'scripts/cli.mjs', 'user:role', ...args],
				{
					env: { ...process.env, DATABASE_URL: location, KLIMATPAKT_FROM_SOURCE: '1' },
				},
			)
			return { code: 0, stdout, stderr }
		} catch (error) {
			const failed = error as { code: number; stdout: string; stderr: string }
			return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
		}
	}

	test('grants a role, and exits with 1 and a message on an unknown address or role', async () => {
		// A database of its own (a SQLite file or a PostgreSQL URL), as the command would be given.
		const location = await copyOfTemplate()
		const db = openDatabase(location)
		try {
			const { id } = await db
				.insertInto('user')
				.values({ email: 'cli@example.se', name: 'Cli', language: 'sv' })
				.returning('id')
				.executeTakeFirstOrThrow()

			const granted = await command(location, 'cli@example.se', 'coordinator')
			expect(granted.code).toBe(0)
			expect(granted.stdout).toContain('cli@example.se is now coordinator')
			expect(await userRoles(db, id)).toEqual(['coordinator'])

			const unknownUser = await command(location, 'ghost@example.se', 'coordinator')
			expect(unknownUser.code).toBe(1)
			expect(unknownUser.stderr).toContain('No account with the address ghost@example.se')

			const unknownRole = await command(location, 'cli@example.se', 'king')
			expect(unknownRole.code).toBe(1)
			expect(unknownRole.stderr).toContain('Unknown role "king"')

			expect((await command(location)).code).toBe(1)
		} finally {
			await db.destroy()
		}
	})
})
