import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely'

/**
 * Kysely's SQLite driver opens every transaction with a plain BEGIN, which takes the write lock
 * only at the first write: a second process (the worker) that writes in between makes SQLite
 * answer SQLITE_BUSY at once instead of waiting. Every transaction here begins IMMEDIATE, so a
 * read-then-write (the last seat, a counter) is serialised across processes and waits on
 * busy_timeout instead of failing. See docs/decisions/0003-sqlite-immediate-transactions.md.
 */
class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'))
	}
}

export class ImmediateSqliteDialect extends SqliteDialect {
	readonly #config: ConstructorParameters<typeof SqliteDialect>[0]
	constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
		super(config)
		this.#config = config
	}
	override createDriver(): Driver {
		return new ImmediateSqliteDriver(this.#config)
	}
}
