import type { SelectQueryBuilder } from 'kysely'
import { isPostgres } from './engine.ts'
import type { DbHandle } from './index.ts'

/**
 * The lookup inside a claim (an `update … where id = (select …)`), made to pass over rows that
 * another worker is claiming at this moment. On PostgreSQL two claims run at once: without this
 * both pick the same oldest row, the loser waits for the winner, finds the row no longer due and
 * claims nothing, which reads as "nothing due" (docs/decisions/0008). `FOR UPDATE SKIP LOCKED`
 * makes the loser take the next row instead. SQLite has one writer at a time, so there is never a
 * row to skip, and it has no such clause: the lookup stays exactly as it is.
 */
export function skippingClaimed<DB, TB extends keyof DB, O>(
	db: DbHandle,
	lookup: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
	return isPostgres(db) ? lookup.forUpdate().skipLocked() : lookup
}
