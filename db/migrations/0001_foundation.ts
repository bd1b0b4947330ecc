import { sql, type Kysely } from 'kysely'
import { postgresNowIso } from '../dialect.ts'
import { isPostgres } from '../engine.ts'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// The one dialect branch here (issue 13, decision 0021): PostgreSQL has no strftime. The SQLite
	// default is byte for byte what it always was, so no existing database changes meaning.
	const now = isPostgres(db) ? sql.raw(`(${postgresNowIso})`) : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`
	await db.schema
		.createTable('user')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) => c.notNull().defaultTo('sv'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute()

	await db.schema
		.createTable('role')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.execute()
	await db.schema
		.createTable('permission')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.execute()
	await db.schema
		.createTable('role_permission')
		.addColumn('role', 'text', (c) => c.notNull().references('role.name'))
		.addColumn('permission', 'text', (c) => c.notNull().references('permission.name'))
		.addPrimaryKeyConstraint('role_permission_pk', ['role', 'permission'])
		.execute()
	await db.schema
		.createTable('user_role')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull().references('role.name'))
		.addColumn('granted_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role'])
		.execute()

	// Reference data that production needs: roles and what each may do.
	await db
		.insertInto('role')
		.values([{ name: 'resident' }, { name: 'organiser' }, { name: 'coordinator' }])
		.execute()
	const permissions = ['catalogue:manage', 'events:organise', 'members:manage', 'newsletters:send']
	await db
		.insertInto('permission')
		.values(permissions.map((name) => ({ name })))
		.execute()
	await db
		.insertInto('role_permission')
		.values([
			{ role: 'organiser', permission: 'events:organise' },
			...permissions.map((permission) => ({ role: 'coordinator', permission })),
		])
		.execute()

	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute()

	await db.schema
		.createTable('verification')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('target', 'text', (c) => c.notNull())
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('link_hash', 'text', (c) => c.notNull().unique())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('verification_target_idx').on('verification').columns(['target', 'purpose']).execute()

	await db.schema
		.createTable('rate_limit_hit')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('bucket', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('rate_limit_hit_bucket_idx').on('rate_limit_hit').columns(['bucket', 'at']).execute()

	await db.schema
		.createTable('commitment')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('title_sv', 'text', (c) => c.notNull())
		.addColumn('title_en', 'text', (c) => c.notNull())
		.addColumn('kg_co2e_per_year', 'integer')
		.addColumn('source', 'text')
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('chosen_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('retired_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('signature')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('user_id', 'integer', (c) => c.notNull().unique().references('user.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('lives_in_municipality', 'integer', (c) => c.notNull())
		.addColumn('district', 'text')
		.addColumn('show_first_name', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('newsletter_consent', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('newsletter_consent_at', 'text')
		.addColumn('consent_version', 'text', (c) => c.notNull())
		.addColumn('consent_at', 'text', (c) => c.notNull())
		.addColumn('confirmed_at', 'text')
		.addColumn('withdrawn_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('signature_status_idx').on('signature').column('status').execute()

	await db.schema
		.createTable('pledge_commitment')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('signature_id', 'integer', (c) => c.notNull().references('signature.id').onDelete('cascade'))
		.addColumn('commitment_id', 'integer', (c) => c.references('commitment.id'))
		.addColumn('own_words', 'text')
		.addColumn('progress', 'text', (c) => c.notNull().defaultTo('chosen'))
		.addColumn('added_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema
		.createIndex('pledge_commitment_signature_idx')
		.on('pledge_commitment')
		.column('signature_id')
		.execute()
	// One catalogue commitment at most once per pledge (own-words rows have a null id and are exempt).
	await db.schema
		.createIndex('pledge_commitment_unique_idx')
		.on('pledge_commitment')
		.columns(['signature_id', 'commitment_id'])
		.unique()
		.execute()

	await db.schema
		.createTable('pact_count')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('residents', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('others', 'integer', (c) => c.notNull().defaultTo(0))
		.execute()
	await db.insertInto('pact_count').values({ id: 1, residents: 0, others: 0 }).execute()

	await db.schema
		.createTable('outbox')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('html', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'text', (c) => c.notNull())
		.addColumn('last_error', 'text')
		.addColumn('provider_id', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.execute()
	await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute()
}
