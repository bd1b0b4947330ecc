import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// A focus theme: two a year, each with its period, kick-off and commitment category.
	await db.schema
		.createTable('theme')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title_sv', 'text', (c) => c.notNull())
		.addColumn('title_en', 'text', (c) => c.notNull())
		// Markdown, sanitised when rendered.
		.addColumn('description_sv', 'text', (c) => c.notNull())
		.addColumn('description_en', 'text', (c) => c.notNull())
		// Local days (YYYY-MM-DD) in the pact's time zone, both included.
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text', (c) => c.notNull())
		// A name from the themes area's palette, never a free colour: each passes contrast checks.
		.addColumn('colour', 'text', (c) => c.notNull())
		.addColumn('icon', 'text')
		// The images area's image (0007); its alt text lives with the image.
		.addColumn('image_id', 'integer', (c) => c.references('image.id').onDelete('set null'))
		.addColumn('kick_off_event_id', 'integer', (c) => c.references('event.id').onDelete('set null'))
		.addColumn('commitment_category', 'text')
		// How many follow it: kept current when people follow and unfollow (decision 0007).
		.addColumn('follower_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('theme_period_idx').on('theme').columns(['starts_on', 'ends_on']).execute()

	await db.schema
		.createTable('theme_follow')
		.addColumn('theme_id', 'integer', (c) => c.notNull().references('theme.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('theme_follow_pk', ['theme_id', 'user_id'])
		.execute()
	// "Which themes do I follow" and the newsletter segment read it by person.
	await db.schema.createIndex('theme_follow_user_idx').on('theme_follow').columns(['user_id', 'theme_id']).execute()

	await db.schema
		.alterTable('event')
		.addColumn('theme_id', 'integer', (c) => c.references('theme.id').onDelete('set null'))
		.execute()
	await db.schema.createIndex('event_theme_idx').on('event').columns(['theme_id', 'starts_at']).execute()

	await db.insertInto('permission').values({ name: 'themes:manage' }).execute()
	await db.insertInto('role_permission').values({ role: 'coordinator', permission: 'themes:manage' }).execute()
}
