import { deleteLeftoverAccounts, purgeExpiredSessions, purgeSpentCodes } from '#app/auth/retention.server.ts'
import { pruneRateLimitHits } from '#app/auth/rate-limit.server.ts'
import { config } from '#app/config.server.ts'
import { purgeDeliveryLog, redactFinishedEmails } from '#app/mail/outbox.server.ts'
import { purgeUnconfirmedSignatures } from '#app/pledge/pledge.server.ts'
import type { DB } from '#db/index.ts'

const DAY_MS = 24 * 60 * 60 * 1000

export interface RetentionReport {
	unconfirmedSignatures: number
	accounts: number
	codes: number
	sessions: number
	rateLimitHits: number
	redactedEmails: number
	deliveryLog: number
}

/**
 * The worker's retention job (issue 12): forgets what is no longer needed, each after its period
 * (RETENTION_* settings, config.accounts.retention). Rate-limit hits go after a day, the longest
 * window any limit looks at. Safe to run in two processes at once and to repeat: each step only
 * deletes or empties what is past its time.
 */
export async function purgeExpiredData(db: DB, now = new Date()): Promise<RetentionReport> {
	const { unconfirmedDays, codesDays, sessionsDays, deliveryLogDays } = config.accounts.retention
	const before = (days: number) => new Date(now.getTime() - days * DAY_MS)
	// One transaction: a signature and the account it leaves behind go together or not at all.
	const { unconfirmedSignatures, accounts } = await db.transaction().execute(async (trx) => {
		const userIds = await purgeUnconfirmedSignatures(trx, before(unconfirmedDays))
		return { unconfirmedSignatures: userIds.length, accounts: await deleteLeftoverAccounts(trx, userIds) }
	})
	return {
		unconfirmedSignatures,
		accounts,
		codes: await purgeSpentCodes(db, before(codesDays)),
		sessions: await purgeExpiredSessions(db, before(sessionsDays)),
		rateLimitHits: await pruneRateLimitHits(db, now),
		redactedEmails: await redactFinishedEmails(db, now),
		deliveryLog: await purgeDeliveryLog(db, before(deliveryLogDays)),
	}
}
