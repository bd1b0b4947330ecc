import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// A partner's yearly climate report (tonnes CO₂e). The first year a partner reports is its
	// baseline; the trajectory to the municipality's targets is drawn from it (app/climate-reports).
	await db.schema
		.createTable('climate_report')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		// The partners area's table (migration 0011).
		.addColumn('partner_id', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('scope1_tonnes', 'real', (c) => c.notNull())
		.addColumn('scope2_tonnes', 'real', (c) => c.notNull())
		// Scope 3 is optional: most small partners cannot count it yet.
		.addColumn('scope3_tonnes', 'real')
		// What the partner did that year, in markdown.
		.addColumn('actions', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('is_baseline', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('submitted_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('submitted_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('climate_report_once_a_year', ['partner_id', 'year'])
		.execute()
	await db.schema.createIndex('climate_report_year_idx').on('climate_report').column('year').execute()

	// One reminder per partner and reporting period: the key refuses a second.
	await db.schema
		.createTable('report_reminder')
		.addColumn('partner_id', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('report_reminder_pk', ['partner_id', 'period'])
		.execute()

	// Reference data: coordinators see every partner's reports and export them.
	await db.insertInto('permission').values({ name: 'climate-reports:manage' }).execute()
	await db.insertInto('role_permission').values({ role: 'coordinator', permission: 'climate-reports:manage' }).execute()
}
