import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// Events belong to their organisers (issue 12): an organiser manages their own events and those
	// they are made co-organiser of; coordinators, who have this permission, manage every event.
	await db.insertInto('permission').values({ name: 'events:manage-all' }).execute()
	await db.insertInto('role_permission').values({ role: 'coordinator', permission: 'events:manage-all' }).execute()

	// The organisers an event's organiser has added, who manage it as fully as they do.
	await db.schema
		.createTable('event_co_organiser')
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('added_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('added_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('event_co_organiser_pk', ['event_id', 'user_id'])
		.execute()
	await db.schema.createIndex('event_co_organiser_user').on('event_co_organiser').column('user_id').execute()
}
