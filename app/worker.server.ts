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
import type { DB } from '#db/index.ts'

const TICK_MS = 1000
const HOUR_MS = 60 * 60 * 1000

interface Job {
	name: string
	/** How often it runs; every tick when 0. */
	everyMs: number
	run: (db: DB) => Promise<unknown>
}

/**
 * The background worker's jobs, in the order they run within a tick: reminders before delivery,
 * so reminders that fall due go out in the same tick. Every job is safe to run in two processes
 * at once and to repeat after a crash.
 */
function jobs(): Job[] {
	const transport = transportFromConfig()
	return [
		{ name: 'event reminders', everyMs: 0, run: (db) => sendEventReminders(db) },
		// Starts scheduled newsletters and writes every recipient's row before any is released.
		{ name: 'newsletters', everyMs: 0, run: (db) => runNewsletters(db) },
		// Digests go out from Monday (weekly) or the 1st (monthly) at 07:00; one per person and period.
		{ name: 'digests', everyMs: 10 * 60 * 1000, run: (db) => sendDigests(db) },
		// Partners who have not sent last year's climate report by REPORT_DEADLINE: once per partner and year.
		{ name: 'climate report reminders', everyMs: HOUR_MS, run: (db) => sendReportReminders(db) },
		// Agreements ending within AGREEMENT_RENEWAL_NOTICE_DAYS: their contacts are asked to renew, once per agreement.
		{ name: 'agreement renewal reminders', everyMs: HOUR_MS, run: (db) => sendRenewalReminders(db) },
		// Action pledges from a partnership day, ACTION_PLEDGE_FOLLOW_UP_MONTHS later: once per pledge.
		{ name: 'action pledge follow-ups', everyMs: HOUR_MS, run: (db) => sendActionPledgeFollowUps(db) },
		// A helper shift counts once its event has ended, a moment nothing records: look again now and then.
		{ name: 'engagement ladder', everyMs: 10 * 60 * 1000, run: (db) => reevaluateAll(db) },
		{ name: 'email delivery', everyMs: 0, run: (db) => deliverDueEmails(db, transport) },
		// Issue 12: unconfirmed signatures, spent codes, expired sessions, rate-limit hits, old delivery logs (RETENTION_*).
		{ name: 'retention', everyMs: HOUR_MS, run: (db) => purgeExpiredData(db) },
	]
}

/** Runs the jobs until the signal aborts. Inside `npm start`, or alone with `npm run worker`. */
export async function runWorker(db: DB, { signal }: { signal: AbortSignal }): Promise<void> {
	const lastRun = new Map<string, number>()
	const list = jobs()
	while (!signal.aborted) {
		for (const job of list) {
			if (Date.now() - (lastRun.get(job.name) ?? 0) < job.everyMs) continue
			lastRun.set(job.name, Date.now())
			try {
				await job.run(db)
			} catch (error) {
				console.error(`worker: ${job.name} failed`, error)
			}
		}
		// Rejects when aborted, which simply ends the loop.
		await sleep(TICK_MS, undefined, { signal }).catch(() => {})
	}
}
