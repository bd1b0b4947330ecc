import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// Signing again with an address whose signature is pending or withdrawn (issue 12): the new
	// details wait here until the address's owner confirms them from the email, so nobody else can
	// change a signature by typing its address. One per person: a newer signing replaces it.
	await db.schema
		.createTable('signature_change')
		.addColumn('user_id', 'integer', (c) => c.primaryKey().notNull().references('user.id').onDelete('cascade'))
		// The sign form's details as JSON (app/pledge/pledge.server.ts, SignatureChange).
		.addColumn('details', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()

	// The outbox forgets what a message said once it is delivered or finally failed (codes, link
	// tokens, personal text): the row stays for the delivery log, marked when its body went.
	await db.schema.alterTable('outbox').addColumn('redacted_at', 'text').execute()
}
