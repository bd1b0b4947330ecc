import type { Kysely } from 'kysely'

// Forward-only: a migration, once on main, is never edited; a later one changes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
	// The worker's jobs run once across every process and machine (issue 13): a process runs a job
	// only after taking its row with one conditional update, and then moves `next_run_at` on by the
	// job's interval. A worker that dies leaves `leased_until` behind, which simply runs out.
	// The worker writes a row for each job it knows; see app/jobs.server.ts and docs/decisions/0022.
	await db.schema
		.createTable('job_lease')
		.addColumn('name', 'text', (c) => c.primaryKey().notNull())
		.addColumn('next_run_at', 'text', (c) => c.notNull())
		.addColumn('leased_until', 'text')
		.addColumn('owner', 'text')
		.execute()
}
