import pg from 'pg'
import { isPostgresUrl } from '#db/index.ts'

/**
 * TEST_DATABASE_URL=postgres://… runs the suite on PostgreSQL (issue 13): a server where the tests
 * may create and drop databases, e.g. `postgres://postgres@127.0.0.1:5432/postgres`. Unset, or a
 * SQLite URL, the suite runs on SQLite files as it always has.
 */
export const testServerUrl = process.env.TEST_DATABASE_URL?.trim() || undefined
export const onPostgres = testServerUrl !== undefined && isPostgresUrl(testServerUrl)

/** The URL of another database on the test server. */
export function postgresDatabaseUrl(database: string): string {
	const url = new URL(testServerUrl!)
	url.pathname = `/${database}`
	return url.toString()
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: testServerUrl })
	await client.connect()
	try {
		return await work(client)
	} finally {
		await client.end()
	}
}

/**
 * Creates a database, as a copy of `template` when given. Two forks copying the template at the
 * same moment can make PostgreSQL refuse one ("source database is being accessed by other
 * users"): that one tries again.
 */
export async function createPostgresDatabase(name: string, template?: string): Promise<string> {
	const ident = (value: string) => pg.escapeIdentifier(value)
	await onServer((client) =>
		retryWhileInUse(
			() => client.query(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ''}`),
			100,
		),
	)
	return postgresDatabaseUrl(name)
}

/**
 * Drops every database whose name starts with `prefix`. A pool's end() returns before the server
 * has seen its connections close, and cutting one off then is an uncaught error in the process
 * that owned it; so this waits for them to go (about a second at most) before forcing the drop.
 */
export async function dropPostgresDatabases(prefix: string): Promise<void> {
	await onServer(async (client) => {
		const { rows } = await client.query<{ datname: string }>(
			`select datname from pg_database where starts_with(datname, $1)`,
			[prefix],
		)
		for (const { datname } of rows) {
			const drop = (force: boolean) =>
				client.query(`drop database if exists ${pg.escapeIdentifier(datname)}${force ? ' with (force)' : ''}`)
			await retryWhileInUse(() => drop(false), 30).catch(() => drop(true))
		}
	})
}

/** Runs `work` again while PostgreSQL answers "object in use" (55006), at most `attempts` times. */
async function retryWhileInUse(work: () => Promise<unknown>, attempts: number): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await work()
			return
		} catch (error) {
			if ((error as { code?: string }).code !== '55006' || attempt >= attempts) throw error
			await new Promise((resolve) => setTimeout(resolve, 50))
		}
	}
}
