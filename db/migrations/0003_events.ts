import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// Reference data: the kinds of event a pact runs. Labels live in the events catalogues.
	await db.schema
		.createTable('event_type')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('sort_order', 'integer', (c) => c.notNull())
		.execute()
	const types = [
		'clothing-swap',
		'climate-fika',
		'after-work',
		'politician-qa',
		'course',
		'excursion',
		'cooking-class',
		'film-screening',
		'theme-kick-off',
		'market-stall',
		'other',
	]
	await db
		.insertInto('event_type')
		.values(types.map((name, i) => ({ name, sort_order: i + 1 })))
		.execute()

	await db.schema
		.createTable('event')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('type', 'text', (c) => c.notNull().references('event_type.name'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('place', 'text')
		.addColumn('online_url', 'text')
		.addColumn('capacity', 'integer')
		.addColumn('rsvp_closes_at', 'text')
		.addColumn('reminder_hours', 'integer', (c) => c.notNull().defaultTo(24))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('organiser_id', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('series_id', 'text')
		.addColumn('published_at', 'text')
		.addColumn('cancelled_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('event_status_starts_idx').on('event').columns(['status', 'starts_at']).execute()

	await db.schema
		.createTable('event_rsvp')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('promoted_at', 'text')
		.addColumn('cancelled_at', 'text')
		.execute()
	await db.schema
		.createIndex('event_rsvp_person_idx')
		.on('event_rsvp')
		.columns(['event_id', 'user_id'])
		.unique()
		.execute()
	await db.schema
		.createIndex('event_rsvp_queue_idx')
		.on('event_rsvp')
		.columns(['event_id', 'status', 'position'])
		.execute()
	await db.schema.createIndex('event_rsvp_user_idx').on('event_rsvp').column('user_id').execute()

	await db.schema
		.createTable('event_helper_shift')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('needed', 'integer', (c) => c.notNull())
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.execute()
	await db.schema.createIndex('event_helper_shift_event_idx').on('event_helper_shift').column('event_id').execute()

	await db.schema
		.createTable('event_helper')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('shift_id', 'integer', (c) => c.notNull().references('event_helper_shift.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema
		.createIndex('event_helper_person_idx')
		.on('event_helper')
		.columns(['shift_id', 'user_id'])
		.unique()
		.execute()
	await db.schema.createIndex('event_helper_user_idx').on('event_helper').column('user_id').execute()

	// Who came: read by the engagement ladder. A walk-in without an account keeps only a name.
	await db.schema
		.createTable('event_attendance')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('walk_in', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('checked_in_at', 'text', (c) => c.notNull())
		.addColumn('checked_in_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.execute()
	await db.schema.createIndex('event_attendance_event_idx').on('event_attendance').column('event_id').execute()
	// A person is checked in once per event (walk-ins without an account are exempt: user_id is null).
	await db.schema
		.createIndex('event_attendance_person_idx')
		.on('event_attendance')
		.columns(['event_id', 'user_id'])
		.unique()
		.execute()
	await db.schema.createIndex('event_attendance_user_idx').on('event_attendance').column('user_id').execute()

	// One reminder per person, event and start time: a moved event earns a new reminder.
	await db.schema
		.createTable('event_reminder')
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('event_reminder_pk', ['event_id', 'user_id', 'starts_at'])
		.execute()

	// The secret in a personal calendar feed's address; resetting it replaces the row.
	await db.schema
		.createTable('calendar_feed')
		.addColumn('user_id', 'integer', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
		.addColumn('token', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
}
