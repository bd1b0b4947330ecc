import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// The pact's own pages (about, FAQ, contact, privacy, accessibility), one row per page and
	// language, written by coordinators in markdown. The slugs are fixed: the app links to them.
	await db.schema
		.createTable('content_page')
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addPrimaryKeyConstraint('content_page_pk', ['slug', 'language'])
		.execute()

	await db.insertInto('permission').values({ name: 'pages:edit' }).execute()
	await db.insertInto('role_permission').values({ role: 'coordinator', permission: 'pages:edit' }).execute()

	// The home page lists the newest signatories who chose to show their first name. With both
	// conditions first, the index hands over those rows already newest first (the row id, the
	// tie-break, is the index's hidden last column), so the busiest page reads a few dozen entries
	// and never sorts every signature.
	await db.schema
		.createIndex('signature_shown_first_name_idx')
		.on('signature')
		.columns(['status', 'show_first_name', 'confirmed_at'])
		.execute()
}
