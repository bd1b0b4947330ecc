import { setTimeout as sleep } from 'node:timers/promises'
import { sendEventReminders } from '#app/events/reminders.server.ts'
import { sendReportReminders } from '#app/climate-reports/reminders.server.ts'
import { sendRenewalReminders } from '#app/partners/renewals.server.ts'
import { reevaluateAll } from '#app/ladder/ladder.server.ts'
import { deliverDueEmails, transportFromConfig } from '#app/mail/outbox.server.ts'
import { runNewsletters } from '#app/newsletters/queueing.server.ts'
import { purgeExpiredData } from '#app/retention.server.ts'
import { sendDigests } from '#app/newsletters/digest.server.ts'
import { sendActionPledgeFollowUps } from '#app/partnership-day/follow-up.server.ts'
import { releaseJobs, runDueJobs, workerId, type Job } from '#app/jobs.server.ts'
import type { DB } from '#db/index.ts'

const TICK_MS = 1000
const HOUR_MS = 60 * 60 * 1000
/** For jobs that may work through the whole pact in one run. */
const LONG_LEASE_MS = 15 * 60 * 1000

/**
 * The background worker's jobs, in the order they run within a tick: reminders before delivery,
 * so reminders that fall due go out in the same tick. Each runs in one worker at a time across all
 * processes and machines (app/jobs.server.ts); every job is still safe to repeat after a crash, and
 * to meet a second run when one overruns its lease.
 */
function jobs(): Job[] {
	const transport = transportFromConfig()
	return [
		{ name: 'event reminders', everyMs: 0, run: (db) => sendEventReminders(db) },
		// Starts scheduled newsletters and writes every recipient's row before any is released.
		{ name: 'newsletters', everyMs: 0, run: (db) => runNewsletters(db) },
		// Digests go out from Monday (weekly) or the 1st (monthly) at 07:00; one per person and period.
		{ name: 'digests', everyMs: 10 * 60 * 1000, leaseMs: LONG_LEASE_MS, run: (db) => sendDigests(db) },
		// Partners who have not sent last year's climate report by REPORT_DEADLINE: once per partner and year.
		{
			name: 'climate report reminders',
			everyMs: HOUR_MS,
			leaseMs: LONG_LEASE_MS,
			run: (db) => sendReportReminders(db),
		},
		// Agreements ending within AGREEMENT_RENEWAL_NOTICE_DAYS: their contacts are asked to renew, once per agreement.
		{
			name: 'agreement renewal reminders',
			everyMs: HOUR_MS,
			leaseMs: LONG_LEASE_MS,
			run: (db) => sendRenewalReminders(db),
		},
		// Action pledges from a partnership day, ACTION_PLEDGE_FOLLOW_UP_MONTHS later: once per pledge.
		{
			name: 'action pledge follow-ups',
			everyMs: HOUR_MS,
			leaseMs: LONG_LEASE_MS,
			run: (db) => sendActionPledgeFollowUps(db),
		},
		// A helper shift counts once its event has ended, a moment nothing records: look again now and then.
		{ name: 'engagement ladder', everyMs: 10 * 60 * 1000, leaseMs: LONG_LEASE_MS, run: (db) => reevaluateAll(db) },
		{ name: 'email delivery', everyMs: 0, run: (db) => deliverDueEmails(db, transport) },
		// Issue 12: unconfirmed signatures, spent codes, expired sessions, rate-limit hits, old delivery logs (RETENTION_*).
		{ name: 'retention', everyMs: HOUR_MS, leaseMs: LONG_LEASE_MS, run: (db) => purgeExpiredData(db) },
	]
}

/** Runs the jobs until the signal aborts. Inside `npm start`, or alone with `npm run worker`. */
export async function runWorker(db: DB, { signal }: { signal: AbortSignal }): Promise<void> {
	const list = jobs()
	const owner = workerId()
	while (!signal.aborted) {
		try {
			await runDueJobs(db, list, owner)
		} catch (error) {
			// The lease table itself could not be read or written (the database is away): try next tick.
			console.error('worker: could not take the jobs', error)
		}
		// Rejects when aborted, which simply ends the loop.
		await sleep(TICK_MS, undefined, { signal }).catch(() => {})
	}
	// The every-tick jobs this worker kept between ticks go to another worker now, not when the lease runs out.
	await releaseJobs(db, owner).catch((error: unknown) => console.error('worker: could not let go of its jobs', error))
}
