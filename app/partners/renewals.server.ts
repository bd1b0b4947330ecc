import { addToLocalDate } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import { composeEmail, queueEmail, renderEmail } from '#app/mail/send-email.server.ts'
import type { DB } from '#db/index.ts'
import AgreementRenewalEmail from '#emails/agreement-renewal.tsx'
import { formatDay } from './agreements.server.ts'
import { localToday, partnerContacts } from './partners.server.ts'

/**
 * The worker's renewal reminders: when the agreement in force ends within
 * AGREEMENT_RENEWAL_NOTICE_DAYS, the partner's contacts are asked to renew it, once per agreement.
 * A partner that has already sent in (or had approved) its next agreement is left alone. The
 * reminder row and the emails are written in one transaction and the row's key (the agreement)
 * refuses a second, so the job can run every hour, in two processes at once, or again after a
 * crash, and each contact still gets one email.
 */

/** Agreements in force that end within the notice, not yet reminded and not yet renewed. */
function dueForReminder(db: DB, today: string, lastDay: string) {
	return db
		.selectFrom('agreement')
		.innerJoin('partner', 'partner.id', 'agreement.partner_id')
		.select(['agreement.id', 'agreement.period_end', 'partner.id as partnerId', 'partner.name', 'partner.slug'])
		.where('agreement.status', '=', 'approved')
		.where('agreement.period_start', '<=', today)
		.where('agreement.period_end', '>=', today)
		.where('agreement.period_end', '<=', lastDay)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('agreement_renewal_reminder')
						.select('agreement_renewal_reminder.agreement_id')
						.whereRef('agreement_renewal_reminder.agreement_id', '=', 'agreement.id'),
				),
			),
		)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('agreement as next')
						.select('next.id')
						.whereRef('next.partner_id', '=', 'agreement.partner_id')
						.whereRef('next.period_start', '>', 'agreement.period_start')
						.where('next.status', 'in', ['submitted', 'approved']),
				),
			),
		)
		.orderBy('agreement.period_end')
		.execute()
}

/** Sends the reminders that are due; returns how many agreements were reminded of. */
export async function sendRenewalReminders(
	db: DB,
	now = new Date(),
	noticeDays = config.partners.renewalNoticeDays,
): Promise<number> {
	const today = localToday(now)
	const due = await dueForReminder(db, today, addToLocalDate(today, { days: noticeDays }))
	let reminded = 0
	for (const agreement of due) {
		const contacts = await partnerContacts(db, agreement.partnerId)
		// Rendered before the transaction, which holds the write lock only to record and queue.
		const emails = await Promise.all(
			contacts.map((contact) => {
				const props = {
					language: contact.language,
					partnerName: agreement.name,
					periodEnd: formatDay(agreement.period_end, contact.language),
					url: `${config.appUrl}/partners/${encodeURIComponent(agreement.slug)}/manage`,
				}
				const envelope = { to: contact.email, idempotencyKey: `agreement-renewal:${agreement.id}:${contact.id}` }
				return renderEmail(composeEmail(AgreementRenewalEmail, props, envelope))
			}),
		)
		const first = await db.transaction().execute(async (trx) => {
			const row = await trx
				.insertInto('agreement_renewal_reminder')
				.values({ agreement_id: agreement.id, sent_at: now.toISOString() })
				.onConflict((oc) => oc.column('agreement_id').doNothing())
				.returning('agreement_id')
				.executeTakeFirst()
			if (row) for (const email of emails) await queueEmail(trx, email, now)
			return row !== undefined
		})
		if (first) reminded += 1
	}
	return reminded
}
