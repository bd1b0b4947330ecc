import { randomUUID } from 'node:crypto'
import os from 'node:os'
import type { DB } from '#db/index.ts'

/** How long a worker holds a job unless the job says otherwise: longer than a run of it takes. */
export const DEFAULT_LEASE_MS = 2 * 60_000

export interface Job {
	name: string
	/** How often it runs; every tick when 0. */
	everyMs: number
	/**
	 * How long a worker holds the job while it runs (an every-tick job: between ticks too, renewed
	 * at half time). A worker that dies blocks the job this long; a run that takes longer may meet
	 * a second worker running it, which every job tolerates.
	 */
	leaseMs?: number
	run: (db: DB) => Promise<unknown>
}

/** Who holds a lease: the machine and process, and a random part for two workers in one process (tests). */
export function workerId(): string {
	return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
}

type Lease = { next_run_at: string; leased_until: string | null; owner: string | null }

/**
 * One tick of a worker: runs, in their order, the jobs that are due and whose lease this worker
 * holds or takes. However many processes and machines call this, a job runs in one of them at a
 * time, and an interval job once per interval (issue 13, docs/decisions/0022). Returns the names
 * of the jobs it ran.
 */
export async function runDueJobs(db: DB, jobs: Job[], owner: string, clock = () => new Date()): Promise<string[]> {
	// One read first, so that a tick with nothing to take writes nothing (on SQLite, no write lock).
	const leases = await db.selectFrom('job_lease').select(['name', 'next_run_at', 'leased_until', 'owner']).execute()
	const known = new Map<string, Lease>(leases.map((lease) => [lease.name, lease]))
	const unknown = jobs.filter((job) => !known.has(job.name))
	if (unknown.length > 0) {
		// A job new to this database is due at once; two workers adding it at once add one row.
		await db
			.insertInto('job_lease')
			.values(unknown.map((job) => ({ name: job.name, next_run_at: new Date(0).toISOString() })))
			.onConflict((oc) => oc.column('name').doNothing())
			.execute()
	}
	const ran: string[] = []
	for (const job of jobs) {
		const lease = known.get(job.name)
		const now = clock()
		if (!holdsLongEnough(lease, job, owner, now)) {
			if (lease && !mayTake(lease, owner, now.toISOString())) continue
			if (!(await takeJobLease(db, job, owner, now))) continue
		}
		try {
			await job.run(db)
		} catch (error) {
			console.error(`worker: ${job.name} failed`, error)
		}
		// An every-tick job stays with its worker between ticks, so an idle tick writes nothing.
		if (job.everyMs > 0) await finishJob(db, job, owner, now)
		ran.push(job.name)
	}
	return ran
}

/** Whether `owner` holds an every-tick job for more than half a lease still: it runs it without renewing. */
function holdsLongEnough(lease: Lease | undefined, job: Job, owner: string, now: Date): boolean {
	if (job.everyMs > 0 || lease?.owner !== owner || lease.leased_until === null) return false
	return lease.leased_until > new Date(now.getTime() + leaseMs(job) / 2).toISOString()
}

function mayTake(lease: Lease, owner: string, now: string): boolean {
	return lease.next_run_at <= now && (lease.leased_until === null || lease.leased_until <= now || lease.owner === owner)
}

function leaseMs(job: Job): number {
	return job.leaseMs ?? DEFAULT_LEASE_MS
}

/**
 * Takes the job for `owner` when it is due and nobody else holds it (or their lease has run out),
 * or renews `owner`'s own lease, in one conditional update: of two workers trying at once,
 * exactly one changes the row.
 */
export async function takeJobLease(db: DB, job: Job, owner: string, now: Date): Promise<boolean> {
	const at = now.toISOString()
	const result = await db
		.updateTable('job_lease')
		.set({ leased_until: new Date(now.getTime() + leaseMs(job)).toISOString(), owner })
		.where('name', '=', job.name)
		.where('next_run_at', '<=', at)
		.where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', at), eb('owner', '=', owner)]))
		.executeTakeFirst()
	return result.numUpdatedRows === 1n
}

/**
 * Lets the job go and sets its next run one interval after this run `started`. A run that threw
 * counts as a run too: what it failed on is still there in the next interval, and retrying every
 * tick on every worker would only repeat the error. Changes nothing if another worker has taken
 * the job over since (this worker overran its lease): the row is theirs now.
 */
export async function finishJob(db: DB, job: Job, owner: string, started: Date): Promise<void> {
	await db
		.updateTable('job_lease')
		.set({ next_run_at: new Date(started.getTime() + job.everyMs).toISOString(), leased_until: null })
		.where('name', '=', job.name)
		.where('owner', '=', owner)
		.where('leased_until', 'is not', null)
		.execute()
}

/** Lets go of every job `owner` holds, as a worker does when it stops: the others take them at once. */
export async function releaseJobs(db: DB, owner: string): Promise<void> {
	await db
		.updateTable('job_lease')
		.set({ leased_until: null })
		.where('owner', '=', owner)
		.where('leased_until', 'is not', null)
		.execute()
}
