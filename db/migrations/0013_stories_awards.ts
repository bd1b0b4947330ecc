import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// A partner's story (the communication track of an agreement): written by one of its members,
	// shown publicly only once a coordinator has approved it.
	await db.schema
		.createTable('story')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		// The partners area's table (migration 0011); a story outlives a partner that leaves.
		.addColumn('partner_id', 'integer', (c) => c.references('partner.id').onDelete('set null'))
		.addColumn('author_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		// Markdown, rendered with the web profile of app/common/markdown.server.ts.
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('image_id', 'integer', (c) => c.references('image.id').onDelete('set null'))
		// 'submitted' | 'approved' | 'rejected'
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('submitted'))
		.addColumn('review_comment', 'text')
		.addColumn('reviewed_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('approved_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	// The public lists and the home page read approved stories newest first, one partner's or all.
	await db.schema.createIndex('story_status_idx').on('story').columns(['status', 'approved_at']).execute()
	await db.schema.createIndex('story_partner_idx').on('story').columns(['partner_id', 'status']).execute()
	await db.schema.createIndex('story_author_idx').on('story').column('author_id').execute()

	// Nominations for the award of the month (månadens tårta): a climate action by a resident or a
	// partner. One per person, nominee and month, so a campaign of repeats counts as one.
	await db.schema
		.createTable('award_nomination')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		// 'YYYY-MM' in the pact's time zone.
		.addColumn('month', 'text', (c) => c.notNull())
		// 'resident' | 'partner'
		.addColumn('nominee_kind', 'text', (c) => c.notNull())
		.addColumn('nominee_name', 'text', (c) => c.notNull())
		// Lower-cased, spaces collapsed: what makes "Anna Berg" and "anna  berg" the same nominee.
		.addColumn('nominee_key', 'text', (c) => c.notNull())
		.addColumn('partner_id', 'integer', (c) => c.references('partner.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('nominated_by', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('award_nomination_once', ['month', 'nominated_by', 'nominee_kind', 'nominee_key'])
		.execute()
	await db.schema.createIndex('award_nomination_month_idx').on('award_nomination').column('month').execute()

	// The month's winner: the month is the key, so there is never a second award for it.
	await db.schema
		.createTable('award')
		.addColumn('month', 'text', (c) => c.primaryKey().notNull())
		.addColumn('nomination_id', 'integer', (c) => c.notNull().references('award_nomination.id'))
		.addColumn('citation', 'text', (c) => c.notNull())
		.addColumn('decided_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('decided_at', 'text', (c) => c.notNull())
		.execute()

	// Reference data: coordinators review stories and decide the award.
	await db.insertInto('permission').values({ name: 'stories:manage' }).execute()
	await db.insertInto('role_permission').values({ role: 'coordinator', permission: 'stories:manage' }).execute()
}
