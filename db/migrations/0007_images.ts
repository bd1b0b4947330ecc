import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// Uploaded images (issue 10): the files live in UPLOAD_DIR, named by id and width; the row says
	// what they show (alt text) and their size, so pages can reserve the space before they load.
	await db.schema
		.createTable('image')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('alt', 'text', (c) => c.notNull())
		.addColumn('width', 'integer', (c) => c.notNull())
		.addColumn('height', 'integer', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()

	// Events get an image and an English title and description; null means "show the Swedish".
	await db.schema
		.alterTable('event')
		.addColumn('image_id', 'integer', (c) => c.references('image.id').onDelete('set null'))
		.execute()
	await db.schema.alterTable('event').addColumn('title_en', 'text').execute()
	await db.schema.alterTable('event').addColumn('description_en', 'text').execute()
}
