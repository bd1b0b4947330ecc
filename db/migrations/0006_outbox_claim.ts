import { sql, type Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// What the worker claims next, one status at a time, oldest first: singles and batches apart.
	// 0005's partial indexes on `status IN ('queued', 'sending')` were never used: SQLite can use a
	// partial index only when the query repeats its condition with the same literal values, and
	// queries pass statuses as parameters. So with 100,000 newsletter rows due, every claim sorted
	// them all. These indexes carry status as a column and have a condition without values.
	await db.schema.dropIndex('outbox_single_due_idx').execute()
	await db.schema.dropIndex('outbox_batch_due_idx').execute()
	await db.schema
		.createIndex('outbox_single_claim_idx')
		.on('outbox')
		.columns(['status', 'next_attempt_at', 'id'])
		.where(sql.ref('batch_key'), 'is', null)
		.execute()
	await db.schema
		.createIndex('outbox_batch_claim_idx')
		.on('outbox')
		.columns(['status', 'next_attempt_at', 'id'])
		.where(sql.ref('batch_key'), 'is not', null)
		.execute()
	// Claiming a batch's rows: by its key first, or SQLite walks every due row to find its 100.
	await db.schema.dropIndex('outbox_batch_idx').execute()
	await db.schema
		.createIndex('outbox_batch_key_idx')
		.on('outbox')
		.columns(['batch_key', 'status', 'next_attempt_at'])
		.execute()
}
