import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// Reference data: events for partner organisations (issue 11). 'other' stays last.
	await db
		.insertInto('event_type')
		.values([
			{ name: 'network-meeting', sort_order: 12 },
			{ name: 'partnership-day', sort_order: 13 },
		])
		.execute()
	await db.updateTable('event_type').set({ sort_order: 14 }).where('name', '=', 'other').execute()

	// Who may take a place: 'everyone', or 'partners' (people who act for a partner with an approved
	// agreement, and organisers). The event is listed publicly either way.
	await db.schema
		.alterTable('event')
		.addColumn('audience', 'text', (c) => c.notNull().defaultTo('everyone'))
		.execute()

	// One renewal reminder per agreement: the key refuses a second, however often the job runs.
	// An agreement past its last day is not marked 'expired' here or later: its period says so
	// (app/partners/agreements.server.ts, shownStatus).
	await db.schema
		.createTable('agreement_renewal_reminder')
		.addColumn('agreement_id', 'integer', (c) =>
			c.primaryKey().notNull().references('agreement.id').onDelete('cascade'),
		)
		.addColumn('sent_at', 'text', (c) => c.notNull())
		.execute()
}
