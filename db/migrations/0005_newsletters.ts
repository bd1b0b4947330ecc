import { sql, type Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// Each person's email choices beside the ladder's level_up_emails. Monthly digests by default.
	await db.schema
		.alterTable('user')
		.addColumn('digest_frequency', 'text', (c) => c.notNull().defaultTo('monthly'))
		.execute()
	await db.schema
		.alterTable('user')
		.addColumn('event_reminders', 'integer', (c) => c.notNull().defaultTo(1))
		.execute()

	// A message rendered once (a newsletter in one language) with %%placeholders%% that delivery
	// fills in per recipient, so 100,000 outbox rows do not hold 100,000 copies of the HTML.
	await db.schema
		.createTable('email_template')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('html', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('newsletter')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('title', 'text', (c) => c.notNull())
		// draft → scheduled → queueing → sending ⇄ paused → sent; or cancelled.
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		// JSON: the audience's conditions (see app/newsletters/segments.ts).
		.addColumn('segment', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('scheduled_at', 'text')
		.addColumn('recipient_count', 'integer')
		.addColumn('created_by', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('queued_at', 'text')
		.addColumn('finished_at', 'text')
		.execute()
	await db.schema.createIndex('newsletter_status_idx').on('newsletter').columns(['status', 'scheduled_at']).execute()

	await db.schema
		.createTable('newsletter_version')
		.addColumn('newsletter_id', 'integer', (c) => c.notNull().references('newsletter.id').onDelete('cascade'))
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('preheader', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('template_id', 'integer', (c) => c.references('email_template.id'))
		.addPrimaryKeyConstraint('newsletter_version_pk', ['newsletter_id', 'language'])
		.execute()

	// The outbox learns templates, batches and campaigns. A batch (batch_key) is fixed when it is
	// queued and always sent as the same request with the same key, so a retry is a replay.
	await db.schema
		.alterTable('outbox')
		.addColumn('template_id', 'integer', (c) => c.references('email_template.id'))
		.execute()
	await db.schema.alterTable('outbox').addColumn('variables', 'text').execute()
	await db.schema.alterTable('outbox').addColumn('batch_key', 'text').execute()
	await db.schema
		.alterTable('outbox')
		.addColumn('newsletter_id', 'integer', (c) => c.references('newsletter.id').onDelete('set null'))
		.execute()
	await db.schema
		.alterTable('outbox')
		.addColumn('user_id', 'integer', (c) => c.references('user.id').onDelete('set null'))
		.execute()
	await db.schema.alterTable('outbox').addColumn('delivered_at', 'text').execute()
	await db.schema.alterTable('outbox').addColumn('bounced_at', 'text').execute()
	await db.schema.alterTable('outbox').addColumn('complained_at', 'text').execute()
	await db.schema.createIndex('outbox_batch_idx').on('outbox').column('batch_key').execute()
	await db.schema.createIndex('outbox_provider_idx').on('outbox').column('provider_id').execute()
	// One message per recipient per newsletter, whatever happens to the job that queues them.
	await db.schema
		.createIndex('outbox_newsletter_user_idx')
		.on('outbox')
		.columns(['newsletter_id', 'user_id'])
		.unique()
		.execute()
	// What is due, apart for single messages and batches: a sign-in code never waits behind a
	// 100,000-recipient newsletter.
	await db.schema
		.createIndex('outbox_single_due_idx')
		.on('outbox')
		.columns(['next_attempt_at', 'id'])
		.where(sql.ref('batch_key'), 'is', null)
		.where(sql.ref('status'), 'in', ['queued', 'sending'])
		.execute()
	await db.schema
		.createIndex('outbox_batch_due_idx')
		.on('outbox')
		.columns(['next_attempt_at', 'id'])
		.where(sql.ref('batch_key'), 'is not', null)
		.where(sql.ref('status'), 'in', ['queued', 'sending'])
		.execute()
	await db.schema
		.createIndex('outbox_newsletter_status_idx')
		.on('outbox')
		.columns(['newsletter_id', 'status'])
		.execute()

	// Addresses nobody may send to again: hard bounces and complaints reported by the provider.
	await db.schema
		.createTable('suppression')
		.addColumn('email', 'text', (c) => c.primaryKey())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('detail', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()

	// Webhook deliveries already handled, by svix-id: the provider retries, we act once.
	await db.schema
		.createTable('webhook_event')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('received_at', 'text', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('unsubscribe')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('list', 'text', (c) => c.notNull())
		.addColumn('newsletter_id', 'integer', (c) => c.references('newsletter.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('unsubscribe_newsletter_idx').on('unsubscribe').column('newsletter_id').execute()

	// One digest per person and period: the primary key is what makes a second run harmless.
	await db.schema
		.createTable('digest')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('digest_pk', ['user_id', 'period'])
		.execute()
}
