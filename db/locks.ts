import { sql, type Kysely } from 'kysely'
import { isPostgres } from './engine.ts'

/**
 * Locks for code that reads, decides, then writes (the last place at an event, a counter moved
 * once, a rate limit's count). On SQLite every transaction begins IMMEDIATE (db/dialect.ts,
 * decision 0003): one writer at a time across all processes, so these are no-ops there. On
 * PostgreSQL transactions run side by side under READ COMMITTED, and two of them would both read
 * "29 of 30 going" and both take the place; these make the second wait for the first to commit.
 * Both kinds of lock last until the end of the transaction, so they are safe behind a pooler in
 * transaction mode.
 */

/** A database handle or a transaction on it, of any schema. */
type Handle = Pick<Kysely<unknown>, 'getExecutor'>

/**
 * Serialises the transactions that name the same key, e.g. `email:<address>` or a rate limit's
 * bucket, when there is no row yet to lock. Keys are taken in sorted order so two transactions
 * asking for the same keys cannot deadlock. A 64-bit hash of the key names the advisory lock: a
 * collision only makes two unrelated transactions wait for each other, it never lets one through.
 */
export async function lockKeys(trx: Handle & Pick<Kysely<unknown>, 'isTransaction'>, ...keys: string[]): Promise<void> {
	if (!isPostgres(trx)) return
	// Outside a transaction the lock would end with its own statement and protect nothing.
	if (!trx.isTransaction) throw new Error('lockKeys: call it inside a transaction')
	for (const key of [...new Set(keys)].sort()) {
		await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx)
	}
}

/**
 * For `query.$call(forUpdate(trx))`: locks the rows a select reads until the transaction ends, and
 * makes a transaction that waited read them as the one before it left them. SQLite refuses
 * FOR UPDATE (and needs none), so the query stays as it is there.
 */
export function forUpdate(trx: Handle): <Q extends { forUpdate(): Q }>(query: Q) => Q {
	const postgres = isPostgres(trx)
	return (query) => (postgres ? query.forUpdate() : query)
}
