import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// A partnership day (Hjørring's "partnerskabsdag"): an event of the events area (0003) where
	// partners meet in speed-dating rounds and make action pledges. One per event.
	await db.schema
		.createTable('partnership_day')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('event_id', 'integer', (c) => c.notNull().unique().references('event.id').onDelete('cascade'))
		// The rounds as last generated: their length and the first one's start (UTC); null before.
		.addColumn('round_minutes', 'integer')
		.addColumn('first_round_at', 'text')
		.addColumn('rounds_generated_at', 'text')
		.addColumn('rounds_generated_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.execute()

	// A partner coming to the day, signed up by someone who acts for it (the partners area, 0011).
	await db.schema
		.createTable('partnership_day_registration')
		.addColumn('day_id', 'integer', (c) => c.notNull().references('partnership_day.id').onDelete('cascade'))
		.addColumn('partner_id', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		.addColumn('registered_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('partnership_day_registration_pk', ['day_id', 'partner_id'])
		.execute()

	// What a registered partner offers and seeks: free tags, trimmed and lower-cased, each once.
	await db.schema
		.createTable('partnership_day_tag')
		.addColumn('day_id', 'integer', (c) => c.notNull())
		.addColumn('partner_id', 'integer', (c) => c.notNull())
		// 'offer' | 'seek'
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('tag', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('partnership_day_tag_pk', ['day_id', 'partner_id', 'kind', 'tag'])
		.addForeignKeyConstraint(
			'partnership_day_tag_registration_fk',
			['day_id', 'partner_id'],
			'partnership_day_registration',
			['day_id', 'partner_id'],
			(fk) => fk.onDelete('cascade'),
		)
		.execute()
	// The forms suggest tags already in use.
	await db.schema.createIndex('partnership_day_tag_tag_idx').on('partnership_day_tag').column('tag').execute()

	// The rounds, stored so that printed schedules stay true until a coordinator generates again.
	await db.schema
		.createTable('partnership_day_meeting')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('day_id', 'integer', (c) => c.notNull().references('partnership_day.id').onDelete('cascade'))
		.addColumn('round', 'integer', (c) => c.notNull())
		.addColumn('table_number', 'integer', (c) => c.notNull())
		// partner_a has the lower id of the two.
		.addColumn('partner_a', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		.addColumn('partner_b', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		.addColumn('score', 'integer', (c) => c.notNull())
		// JSON arrays: the tags a offers that b seeks, and b offers that a seeks.
		.addColumn('a_offers_b_seeks', 'text', (c) => c.notNull())
		.addColumn('b_offers_a_seeks', 'text', (c) => c.notNull())
		.addUniqueConstraint('partnership_day_meeting_table', ['day_id', 'round', 'table_number'])
		.execute()
	await db.schema
		.createIndex('partnership_day_meeting_a_idx')
		.on('partnership_day_meeting')
		.columns(['partner_a', 'day_id'])
		.execute()
	await db.schema
		.createIndex('partnership_day_meeting_b_idx')
		.on('partnership_day_meeting')
		.columns(['partner_b', 'day_id'])
		.execute()

	// With an odd number of partners, the one without a table in a round.
	await db.schema
		.createTable('partnership_day_sit_out')
		.addColumn('day_id', 'integer', (c) => c.notNull().references('partnership_day.id').onDelete('cascade'))
		.addColumn('round', 'integer', (c) => c.notNull())
		.addColumn('partner_id', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('partnership_day_sit_out_pk', ['day_id', 'round'])
		.execute()

	// An action pledge ("handlingsløfte") a partner makes on the day, and its follow-up months later.
	await db.schema
		.createTable('action_pledge')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('day_id', 'integer', (c) => c.notNull().references('partnership_day.id').onDelete('cascade'))
		.addColumn('partner_id', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('recorded_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		// When the follow-up email is due, and when it went (written with the queued emails).
		.addColumn('follow_up_due_at', 'text', (c) => c.notNull())
		.addColumn('follow_up_sent_at', 'text')
		// 'done' | 'in-progress' | 'dropped'; null until someone who acts for the partner answers.
		.addColumn('answer', 'text')
		.addColumn('answer_comment', 'text')
		.addColumn('answered_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('answered_at', 'text')
		.execute()
	await db.schema
		.createIndex('action_pledge_day_partner_idx')
		.on('action_pledge')
		.columns(['day_id', 'partner_id'])
		.execute()
	// The worker's question: which follow-ups are due and not sent yet.
	await db.schema
		.createIndex('action_pledge_follow_up_idx')
		.on('action_pledge')
		.columns(['follow_up_sent_at', 'follow_up_due_at'])
		.execute()
}
