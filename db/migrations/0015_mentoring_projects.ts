import { sql, type Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// Mentoring: a coordinator pairs a new partner (the mentee) with an experienced one (the
	// mentor). Both are the partners area's rows (migration 0011); ending a mentorship keeps it
	// with its meetings, as history.
	await db.schema
		.createTable('mentorship')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('mentor_partner_id', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		.addColumn('mentee_partner_id', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('started_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('ended_at', 'text')
		.addColumn('ended_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addCheckConstraint('mentorship_not_oneself', sql`mentor_partner_id != mentee_partner_id`)
		.execute()
	// One running mentorship per mentee, whatever two coordinators press at once; a mentor may have several.
	await db.schema
		.createIndex('mentorship_running_mentee')
		.on('mentorship')
		.column('mentee_partner_id')
		.unique()
		.where(sql.ref('ended_at'), 'is', null)
		.execute()
	await db.schema.createIndex('mentorship_mentor_idx').on('mentorship').column('mentor_partner_id').execute()

	// The meetings either side logs: the day (local, YYYY-MM-DD, never in the future), a note.
	await db.schema
		.createTable('mentoring_meeting')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('mentorship_id', 'integer', (c) => c.notNull().references('mentorship.id').onDelete('cascade'))
		.addColumn('met_on', 'text', (c) => c.notNull())
		.addColumn('note', 'text')
		.addColumn('logged_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('logged_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema
		.createIndex('mentoring_meeting_mentorship_idx')
		.on('mentoring_meeting')
		.columns(['mentorship_id', 'met_on'])
		.execute()

	// Lighthouse projects (fyrtornsprosjekt): a shared project of several partners, written by a
	// coordinator in Swedish and, optionally, English.
	await db.schema
		.createTable('project')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('title_en', 'text')
		// Markdown, rendered with the web profile of app/common/markdown.server.ts.
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('description_en', 'text')
		// 'idea' | 'under-way' | 'completed' | 'paused'
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('idea'))
		// A local day, YYYY-MM-DD.
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('image_id', 'integer', (c) => c.references('image.id').onDelete('set null'))
		.addColumn('created_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('project_status_idx').on('project').columns(['status', 'starts_on']).execute()

	// The partners taking part; one of them leads.
	await db.schema
		.createTable('project_partner')
		.addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
		.addColumn('partner_id', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		.addColumn('is_lead', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('project_partner_pk', ['project_id', 'partner_id'])
		.execute()
	await db.schema
		.createIndex('project_partner_one_lead')
		.on('project_partner')
		.column('project_id')
		.unique()
		.where(sql.ref('is_lead'), '=', 1)
		.execute()
	await db.schema.createIndex('project_partner_partner_idx').on('project_partner').column('partner_id').execute()

	// What the partners post on the project's page: text and, optionally, the project's new status.
	// A coordinator may edit or hide one; hidden ones stay for the record.
	await db.schema
		.createTable('project_update')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
		.addColumn('partner_id', 'integer', (c) => c.references('partner.id').onDelete('set null'))
		.addColumn('author_id', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('new_status', 'text')
		.addColumn('hidden_at', 'text')
		.addColumn('hidden_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('edited_at', 'text')
		.addColumn('edited_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema
		.createIndex('project_update_project_idx')
		.on('project_update')
		.columns(['project_id', 'created_at'])
		.execute()
}
