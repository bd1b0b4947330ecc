import path from 'node:path'

/** All test runs keep their files under here, each run in a folder of its own. */
export const tmpRoot = path.resolve('tests/.tmp')

declare module 'vitest' {
	export interface ProvidedContext {
		runDir: string
		/** The migrated template: a SQLite file, or a PostgreSQL URL (TEST_DATABASE_URL). */
		templateDatabase: string
		/** What the names of this run's PostgreSQL databases start with. */
		databasePrefix: string
	}
}
