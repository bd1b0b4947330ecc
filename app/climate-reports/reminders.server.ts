import { formatDate } from '#app/common/format.ts'
import { utcToLocal } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import { composeEmail, queueEmail, renderEmail } from '#app/mail/send-email.server.ts'
import { approvedPartners, partnerMembers } from '#app/partners/partners.server.ts'
import type { DB } from '#db/index.ts'
import ReportReminderEmail from '#emails/report-reminder.tsx'

/**
 * The worker's reminder job: once the deadline for last year's report has passed (REPORT_DEADLINE,
 * in the pact's time zone), every partner with a running agreement that has not reported that
 * year gets one reminder, to each person who acts for it. The report_reminder row and the emails
 * are written in one transaction, and the row's key refuses a second, so the job can run every
 * few minutes, in two processes, or again after a crash, and still send once per period.
 */

/** The reporting period whose deadline has passed by `now` ('2025' from 31 March 2026), or null before the first deadline of the year. */
export function overduePeriod(now: Date, deadline = config.reportDeadline): { year: number; dueOn: string } | null {
	const today = utcToLocal(now, config.timeZone).date
	const year = Number(today.slice(0, 4))
	const dueOn = `${year}-${deadline}`
	return today > dueOn ? { year: year - 1, dueOn } : null
}

export async function sendReportReminders(db: DB, now = new Date()): Promise<number> {
	const period = overduePeriod(now)
	if (!period) return 0
	const key = String(period.year)
	const partners = await approvedPartners(db, {}, now)
	if (partners.length === 0) return 0
	const ids = partners.map((p) => p.id)
	const [reported, reminded, laterBaselines] = await Promise.all([
		db
			.selectFrom('climate_report')
			.select('partner_id')
			.where('year', '=', period.year)
			.where('partner_id', 'in', ids)
			.execute(),
		db
			.selectFrom('report_reminder')
			.select('partner_id')
			.where('period', '=', key)
			.where('partner_id', 'in', ids)
			.execute(),
		// A partner whose baseline is later than the period owes no report for it.
		db
			.selectFrom('climate_report')
			.select('partner_id')
			.where('is_baseline', '=', 1)
			.where('year', '>', period.year)
			.where('partner_id', 'in', ids)
			.execute(),
	])
	const skip = new Set([...reported, ...reminded, ...laterBaselines].map((r) => r.partner_id))
	let sent = 0
	for (const partner of partners.filter((p) => !skip.has(p.id))) {
		const members = await partnerMembers(db, partner.id)
		if (members.length === 0) continue
		const languages = await db
			.selectFrom('user')
			.select(['id', 'language'])
			.where(
				'id',
				'in',
				members.map((m) => m.userId),
			)
			.execute()
		const languageOf = new Map(languages.map((l) => [l.id, l.language]))
		const emails = await Promise.all(
			members.map((member) => {
				const language = languageOf.get(member.userId) ?? config.pact.defaultLanguage
				return renderEmail(
					composeEmail(
						ReportReminderEmail,
						{
							language,
							partnerName: partner.name,
							year: period.year,
							deadline: formatDate(`${period.dueOn}T12:00:00Z`, language, config.timeZone),
							url: `${config.appUrl}/partners/${encodeURIComponent(partner.slug)}/reports`,
						},
						{ to: member.email, idempotencyKey: `report-reminder:${partner.id}:${key}:${member.userId}` },
					),
				)
			}),
		)
		const queued = await db.transaction().execute(async (trx) => {
			const inserted = await trx
				.insertInto('report_reminder')
				.values({ partner_id: partner.id, period: key, sent_at: now.toISOString() })
				.onConflict((oc) => oc.doNothing())
				.executeTakeFirst()
			if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false
			for (const email of emails) await queueEmail(trx, email, now)
			return true
		})
		if (queued) sent += 1
	}
	return sent
}
