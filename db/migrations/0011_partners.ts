import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// A partner organisation (business, association, school, public body) in the pact.
	await db.schema
		.createTable('partner')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		// 'business' | 'association' | 'school' | 'public-body'
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('sector', 'text', (c) => c.notNull())
		// '1-9' | '10-49' | '50-249' | '250+' (employees or members)
		.addColumn('size', 'text', (c) => c.notNull())
		.addColumn('district', 'text')
		.addColumn('website', 'text')
		// The images area's image (0007); its alt text lives with the image.
		.addColumn('logo_image_id', 'integer', (c) => c.references('image.id').onDelete('set null'))
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()

	// People who act for a partner: its contact(s), who sign and manage, and reporters.
	await db.schema
		.createTable('partner_member')
		.addColumn('partner_id', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		// 'contact' | 'reporter'
		.addColumn('role', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('partner_member_pk', ['partner_id', 'user_id'])
		.execute()
	await db.schema.createIndex('partner_member_user_idx').on('partner_member').column('user_id').execute()

	// The climate challenges coordinators keep; an agreement picks at least three.
	await db.schema
		.createTable('climate_challenge')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('title_sv', 'text', (c) => c.notNull())
		.addColumn('title_en', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		// Retired challenges stay on the agreements that chose them but are no longer offered.
		.addColumn('retired_at', 'text')
		.execute()

	// A partnership agreement for one period; renewing makes a new one for the next period.
	await db.schema
		.createTable('agreement')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('partner_id', 'integer', (c) => c.notNull().references('partner.id').onDelete('cascade'))
		// 'draft' | 'submitted' | 'returned' | 'approved' | 'expired'
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		// Local days (YYYY-MM-DD), both included.
		.addColumn('period_start', 'text', (c) => c.notNull())
		.addColumn('period_end', 'text', (c) => c.notNull())
		.addColumn('communication_commitment', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('education_commitment', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('co2_baseline_year', 'integer')
		// Reduction by 2030 against the baseline, in percent (70 means −70 %); the default is a setting.
		.addColumn('co2_target_2030_percent', 'integer', (c) => c.notNull().defaultTo(70))
		.addColumn('climate_neutral_year', 'integer', (c) => c.notNull().defaultTo(2050))
		.addColumn('signed_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('signed_at', 'text')
		.addColumn('reviewed_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('reviewed_at', 'text')
		.addColumn('review_comment', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('agreement_partner_idx').on('agreement').columns(['partner_id', 'period_start']).execute()
	await db.schema.createIndex('agreement_status_idx').on('agreement').column('status').execute()

	await db.schema
		.createTable('agreement_challenge')
		.addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
		.addColumn('challenge_id', 'integer', (c) => c.notNull().references('climate_challenge.id'))
		.addPrimaryKeyConstraint('agreement_challenge_pk', ['agreement_id', 'challenge_id'])
		.execute()
	await db.schema
		.createIndex('agreement_challenge_challenge_idx')
		.on('agreement_challenge')
		.column('challenge_id')
		.execute()

	await db.insertInto('permission').values({ name: 'partners:manage' }).execute()
	await db.insertInto('role_permission').values({ role: 'coordinator', permission: 'partners:manage' }).execute()
}
