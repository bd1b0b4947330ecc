import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// Citizen proposals (medborgarförslag): drafted by a signatory, supported by others, moved by
	// coordinators through the city's process. `support_count` is kept current (decision 0007).
	await db.schema
		.createTable('proposal')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('author_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		// The themes area's table (migration 0008); a proposal outlives its theme.
		.addColumn('theme_id', 'integer', (c) => c.references('theme.id').onDelete('set null'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		// 'draft' | 'open' | 'submitted' | 'answered'
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('support_count', 'integer', (c) => c.notNull().defaultTo(0))
		// Submitted to the city: the day (YYYY-MM-DD), the city's reference number, a link to its register.
		.addColumn('submitted_on', 'text')
		.addColumn('city_reference', 'text')
		.addColumn('city_url', 'text')
		// Answered: 'accepted' | 'partly-accepted' | 'rejected', the city's answer and its day.
		.addColumn('outcome', 'text')
		.addColumn('answer', 'text')
		.addColumn('answered_on', 'text')
		// Moderation: hidden from everyone but the author and coordinators, with the reason the author sees.
		.addColumn('hidden_at', 'text')
		.addColumn('hidden_reason', 'text')
		.addColumn('hidden_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('published_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('proposal_status_idx').on('proposal').columns(['status', 'published_at']).execute()
	await db.schema.createIndex('proposal_theme_idx').on('proposal').column('theme_id').execute()
	await db.schema.createIndex('proposal_author_idx').on('proposal').column('author_id').execute()

	// One support per person and proposal: the primary key makes a second one impossible.
	await db.schema
		.createTable('proposal_support')
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposal.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('proposal_support_pk', ['proposal_id', 'user_id'])
		.execute()
	await db.schema.createIndex('proposal_support_user_idx').on('proposal_support').column('user_id').execute()

	// The timeline: one row per status change. Its id is part of each email's idempotency key.
	await db.schema
		.createTable('proposal_change')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposal.id').onDelete('cascade'))
		.addColumn('from_status', 'text', (c) => c.notNull())
		.addColumn('to_status', 'text', (c) => c.notNull())
		.addColumn('changed_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('changed_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema
		.createIndex('proposal_change_proposal_idx')
		.on('proposal_change')
		.columns(['proposal_id', 'changed_at'])
		.execute()

	// Reports from people signed in; one per person and proposal, closed when a coordinator acts.
	await db.schema
		.createTable('proposal_report')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposal.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('resolved_at', 'text')
		.addUniqueConstraint('proposal_report_once', ['proposal_id', 'user_id'])
		.execute()
	await db.schema.createIndex('proposal_report_open_idx').on('proposal_report').column('resolved_at').execute()

	// Questions to politicians before a Q&A event, voted on; `vote_count` kept current.
	await db.schema
		.createTable('question')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		.addColumn('author_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('vote_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('asked_at', 'text')
		.addColumn('answer', 'text')
		.addColumn('answered_at', 'text')
		.addColumn('follow_up_on', 'text')
		.addColumn('answered_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('question_event_idx').on('question').columns(['event_id', 'vote_count']).execute()

	await db.schema
		.createTable('question_vote')
		.addColumn('question_id', 'integer', (c) => c.notNull().references('question.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('question_vote_pk', ['question_id', 'user_id'])
		.execute()

	// Reference data: coordinators move proposals and moderate them.
	await db.insertInto('permission').values({ name: 'proposals:manage' }).execute()
	await db.insertInto('role_permission').values({ role: 'coordinator', permission: 'proposals:manage' }).execute()
}
