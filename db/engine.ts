import { PostgresAdapter, type Kysely } from 'kysely'

/**
 * Which database engine a handle talks to: SQLite (the embedded default) or PostgreSQL (issue 13).
 * The few places that must differ ask this, and only code under db/ does: the rest of the app
 * writes one query for both.
 */
export function isPostgres(db: Pick<Kysely<unknown>, 'getExecutor'>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter
}
