import { formatDate } from '#app/common/format.ts'
import { config } from '#app/config.server.ts'
import { eventTitle } from '#app/events/languages.ts'
import { getEvent } from '#app/events/listing.server.ts'
import { composeEmail, queueEmail, renderEmail, type RenderedEmail } from '#app/mail/send-email.server.ts'
import { getPartner, partnerMembers } from '#app/partners/partners.server.ts'
import type { DB } from '#db/index.ts'
import type { Language } from '#db/schema.ts'
import ActionPledgeFollowUpEmail from '#emails/action-pledge-follow-up.tsx'

/**
 * The worker's follow-up job: when a pledge's follow-up is due (ACTION_PLEDGE_FOLLOW_UP_MONTHS
 * after the day), everyone who acts for its partner gets one email, in their language, listing the
 * partner's due pledges from that day with a link to answer them. Each pledge's sent mark is
 * written in the same transaction as the queued emails, and only where it is still empty: a second
 * run, a second process or a run after a crash finds nothing left to send.
 */

/** Thrown inside the transaction to roll it back when another run marked some of the pledges first. */
class AlreadySent extends Error {}

export async function sendActionPledgeFollowUps(db: DB, now = new Date()): Promise<number> {
	const due = await db
		.selectFrom('action_pledge')
		.select(['id', 'day_id', 'partner_id', 'text'])
		.where('follow_up_sent_at', 'is', null)
		.where('follow_up_due_at', '<=', now.toISOString())
		.orderBy('day_id')
		.orderBy('partner_id')
		.orderBy('id')
		.execute()
	const groups = new Map<string, typeof due>()
	for (const pledge of due) {
		const key = `${pledge.day_id}:${pledge.partner_id}`
		groups.set(key, [...(groups.get(key) ?? []), pledge])
	}
	let sent = 0
	for (const pledges of groups.values()) {
		const emails = await followUpEmails(db, pledges)
		if (emails.length === 0) continue
		const ids = pledges.map((pledge) => pledge.id)
		try {
			await db.transaction().execute(async (trx) => {
				const marked = await trx
					.updateTable('action_pledge')
					.set({ follow_up_sent_at: now.toISOString() })
					.where('id', 'in', ids)
					.where('follow_up_sent_at', 'is', null)
					.executeTakeFirst()
				if (Number(marked.numUpdatedRows) !== ids.length) throw new AlreadySent()
				for (const email of emails) await queueEmail(trx, email, now)
			})
			sent += 1
		} catch (error) {
			// The pledges another run has not taken are due again at the next run.
			if (!(error instanceof AlreadySent)) throw error
		}
	}
	return sent
}

/** One message per person who acts for the partner; none when nobody does (it waits for someone). */
async function followUpEmails(
	db: DB,
	pledges: Array<{ id: number; day_id: number; partner_id: number; text: string }>,
): Promise<RenderedEmail[]> {
	const { day_id: dayId, partner_id: partnerId } = pledges[0]!
	const day = await db
		.selectFrom('partnership_day')
		.select('event_id')
		.where('id', '=', dayId)
		.executeTakeFirstOrThrow()
	const [event, partner, members] = await Promise.all([
		getEvent(db, day.event_id),
		getPartner(db, partnerId),
		partnerMembers(db, partnerId),
	])
	if (!event || !partner || members.length === 0) return []
	const people = await db
		.selectFrom('user')
		.select(['id', 'language'])
		.where(
			'id',
			'in',
			members.map((member) => member.userId),
		)
		.execute()
	const languages = new Map<number, Language>(people.map((person) => [person.id, person.language]))
	const pledgeIds = pledges.map((pledge) => pledge.id).join('.')
	return Promise.all(
		members.map((member) => {
			const language = languages.get(member.userId) ?? config.pact.defaultLanguage
			return renderEmail(
				composeEmail(
					ActionPledgeFollowUpEmail,
					{
						language,
						partnerName: partner.name,
						eventTitle: eventTitle(event, language).text,
						date: formatDate(event.starts_at, language, config.timeZone),
						pledges: pledges.map((pledge) => pledge.text),
						url: `${config.appUrl}/partnership-day/${event.id}/pledges`,
					},
					{ to: member.email, idempotencyKey: `action-pledge-follow-up:${dayId}:${member.userId}:${pledgeIds}` },
				),
			)
		}),
	)
}
