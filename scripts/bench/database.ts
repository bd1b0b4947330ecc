// The benchmark's database (issue 13): SQLite by default, or PostgreSQL when DATABASE_URL is a
// postgres:// URL. Either way the run gets a database of its own and never touches a real pact: a
// file in the run's temporary directory, or a new database on that PostgreSQL server (the URL's
// database is used only to connect and create it), dropped at the end with its copy.
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { describeDatabase, isPostgresUrl } from '#db/index.ts'

export interface BenchDatabase {
	engine: 'sqlite' | 'postgres'
	/** The engine line above the table. */
	description: string
	/** The DATABASE_URL the seed, the server and the checks use. */
	url: string
	/** A copy of the database as it is now (nobody may be connected): the newsletter benchmark's. */
	copy(): Promise<string>
	/** Removes what this run created on a PostgreSQL server (the temporary directory goes with the run). */
	drop(): Promise<void>
}

/** The bench's database, chosen by `requested` (DATABASE_URL): a postgres:// URL, else SQLite. */
export async function benchDatabase(tmp: string, requested: string | undefined): Promise<BenchDatabase> {
	if (requested && isPostgresUrl(requested)) return postgresDatabase(requested)
	const file = path.join(tmp, 'pact.db')
	return {
		engine: 'sqlite',
		description: `SQLite (a new file for the run; WAL, synchronous=NORMAL)`,
		url: `file:${file}`,
		copy: async () => {
			// Closing the seeding handle checkpointed the WAL into the file, so a plain copy is complete.
			const copy = path.join(tmp, 'newsletter.db')
			fs.copyFileSync(file, copy)
			return `file:${copy}`
		},
		drop: async () => {},
	}
}

async function postgresDatabase(serverUrl: string): Promise<BenchDatabase> {
	const name = `klimatpakt_bench_${Date.now().toString(36)}_${process.pid}`
	const urlOf = (database: string) => {
		const url = new URL(serverUrl)
		url.pathname = `/${database}`
		return url.toString()
	}
	const created: string[] = []
	const { version, durability } = await onServer(serverUrl, async (client) => {
		await client.query(`create database ${pg.escapeIdentifier(name)}`)
		created.push(name)
		const show = async (setting: string) =>
			(await client.query<Record<string, string>>(`show ${setting}`)).rows[0]![setting]!
		// fsync and synchronous_commit change write figures several times over: the table says which it had.
		return {
			version: await show('server_version'),
			durability: `fsync=${await show('fsync')}, synchronous_commit=${await show('synchronous_commit')}`,
		}
	})
	const server = new URL(serverUrl)
	return {
		engine: 'postgres',
		description: `PostgreSQL ${version.split(' ')[0]} at ${server.host} (${durability}; database ${name}, created for the run and dropped after it; ${process.env.DATABASE_POOL_SIZE ?? 10} connections per process)`,
		url: urlOf(name),
		copy: async () => {
			const copy = `${name}_newsletter`
			await onServer(serverUrl, (client) =>
				// A pool's end() returns before the server has seen its connections go: wait for them.
				untilFree(() =>
					client.query(`create database ${pg.escapeIdentifier(copy)} template ${pg.escapeIdentifier(name)}`),
				),
			)
			created.push(copy)
			return urlOf(copy)
		},
		drop: async () => {
			await onServer(serverUrl, async (client) => {
				for (const database of created.splice(0))
					await client.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`)
			})
		},
	}
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url })
	try {
		await client.connect()
	} catch (error) {
		throw new Error(`bench: cannot connect to ${describeDatabase(url)}: ${String(error)}`)
	}
	try {
		return await work(client)
	} finally {
		await client.end()
	}
}

/** Repeats `work` for up to five seconds while PostgreSQL says the source database is in use (55006). */
async function untilFree(work: () => Promise<unknown>): Promise<void> {
	const until = performance.now() + 5_000
	for (;;) {
		try {
			await work()
			return
		} catch (error) {
			if ((error as { code?: string }).code !== '55006' || performance.now() > until) throw error
			await new Promise((resolve) => setTimeout(resolve, 100))
		}
	}
}
