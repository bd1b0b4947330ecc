import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// Where each person stands. `rule_step` and the two counts are what the rules saw at the last
	// evaluation: rules promote only on something new, so a coordinator's lowering stands until then.
	await db.schema
		.createTable('ladder_step')
		.addColumn('user_id', 'integer', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
		.addColumn('step', 'integer', (c) => c.notNull())
		.addColumn('rule_step', 'integer', (c) => c.notNull())
		.addColumn('attended_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('helped_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('reached_at', 'text', (c) => c.notNull())
		// The highest step the person has seen on their page: a new one is celebrated once.
		.addColumn('seen_step', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('evaluated_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('ladder_step_step_idx').on('ladder_step').column('step').execute()

	// Every change, with its reason and source; never updated except to note the email went out.
	await db.schema
		.createTable('ladder_history')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('from_step', 'integer', (c) => c.notNull())
		.addColumn('to_step', 'integer', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		// For source 'rule': which rule ('signature' | 'attendance' | 'helping' | 'thresholds').
		.addColumn('rule', 'text')
		// For source 'coordinator': the reason in the coordinator's words.
		.addColumn('reason', 'text')
		// The event whose check-in tipped the balance, when there was one.
		.addColumn('event_id', 'integer', (c) => c.references('event.id').onDelete('set null'))
		.addColumn('changed_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('changed_at', 'text', (c) => c.notNull())
		// 'pending' until the congratulation is queued; 'queued', or 'none' (not a promotion, or turned off).
		.addColumn('email', 'text', (c) => c.notNull().defaultTo('none'))
		.execute()
	await db.schema
		.createIndex('ladder_history_user_idx')
		.on('ladder_history')
		.columns(['user_id', 'changed_at'])
		.execute()
	await db.schema.createIndex('ladder_history_changed_idx').on('ladder_history').column('changed_at').execute()
	await db.schema.createIndex('ladder_history_email_idx').on('ladder_history').column('email').execute()

	await db.schema
		.createTable('volunteer_interest')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('interest', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('volunteer_interest_pk', ['user_id', 'interest'])
		.execute()
	await db.schema.createIndex('volunteer_interest_interest_idx').on('volunteer_interest').column('interest').execute()

	// The thresholds coordinators can change. Reference data: the defaults of the pact's model.
	await db.schema
		.createTable('ladder_setting')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'text')
		.addColumn('updated_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.execute()
	await db
		.insertInto('ladder_setting')
		.values([
			{ name: 'events_for_step_2', value: 1 },
			{ name: 'helper_events_for_step_3', value: 2 },
			{ name: 'helper_window_months', value: 12 },
		])
		.execute()

	await db.schema
		.alterTable('user')
		.addColumn('level_up_emails', 'integer', (c) => c.notNull().defaultTo(1))
		.execute()
}
