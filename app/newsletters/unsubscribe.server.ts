import { setEmailSettings, type EmailLinkClaims, type EmailPreferences } from '#app/common/email-preferences.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { EmailList } from '#db/schema.ts'

/**
 * Leaving lists: the preferences page and the one-click links. Newsletter consent and the
 * per-newsletter unsubscribe count are the newsletters area's; the other choices are saved
 * where every area reads them (app/common/email-preferences.server.ts).
 */

/** Saves the preferences page. Newsletter consent lives on the signature, where it was given. */
export async function saveEmailPreferences(
	db: DB,
	userId: number,
	preferences: EmailPreferences,
	now = new Date(),
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await setEmailSettings(trx, userId, {
			digestFrequency: preferences.digestFrequency,
			eventReminders: preferences.eventReminders,
			levelUpEmails: preferences.levelUpEmails,
		})
		await setNewsletterConsent(trx, userId, preferences.newsletters, now)
	})
}

async function setNewsletterConsent(db: DbHandle, userId: number, consent: boolean, now: Date): Promise<void> {
	const changed = await db
		.updateTable('signature')
		.set({
			newsletter_consent: consent ? 1 : 0,
			newsletter_consent_at: consent ? now.toISOString() : null,
			updated_at: now.toISOString(),
		})
		.where('user_id', '=', userId)
		.where('status', '=', 'confirmed')
		.where('newsletter_consent', '=', consent ? 0 : 1)
		.executeTakeFirst()
	if (!consent && Number(changed.numUpdatedRows) > 0) await withdrawQueuedNewsletters(db, userId)
}

/**
 * Newsletters already queued for the person and not yet tried are not sent after all. A batch
 * that was tried keeps its rows: its retry must repeat the same request. Called wherever
 * newsletter consent ends: here, and when a pledge is withdrawn or its consent turned off.
 */
export async function withdrawQueuedNewsletters(db: DbHandle, userId: number): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ status: 'cancelled', last_error: 'unsubscribed before sending' })
		.where('user_id', '=', userId)
		.where('newsletter_id', 'is not', null)
		.where('status', 'in', ['held', 'queued'])
		.where('attempts', '=', 0)
		.execute()
}

/**
 * One click: the person is off the list the link was for. Repeating it changes nothing and is
 * counted once per newsletter.
 */
export async function unsubscribe(
	db: DB,
	claims: EmailLinkClaims,
	now = new Date(),
): Promise<{ list: EmailList } | null> {
	if (claims.list === 'preferences') return null
	const list = claims.list
	const exists = await db.selectFrom('user').select('id').where('id', '=', claims.userId).executeTakeFirst()
	if (!exists) return null
	await db.transaction().execute(async (trx) => {
		if (list === 'newsletter') await setNewsletterConsent(trx, claims.userId, false, now)
		if (list === 'digest') await setEmailSettings(trx, claims.userId, { digestFrequency: 'off' })
		if (list === 'event-reminders') await setEmailSettings(trx, claims.userId, { eventReminders: false })
		if (list === 'level-up') await setEmailSettings(trx, claims.userId, { levelUpEmails: false })
		const already = await trx
			.selectFrom('unsubscribe')
			.select('id')
			.where('user_id', '=', claims.userId)
			.where('list', '=', list)
			.where((eb) =>
				claims.newsletterId ? eb('newsletter_id', '=', claims.newsletterId) : eb('newsletter_id', 'is', null),
			)
			.executeTakeFirst()
		if (!already) {
			await trx
				.insertInto('unsubscribe')
				.values({ user_id: claims.userId, list, newsletter_id: claims.newsletterId, created_at: now.toISOString() })
				.execute()
		}
	})
	return { list }
}
