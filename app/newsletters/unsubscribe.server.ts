import crypto from 'node:crypto'
import { config } from '#app/config.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { DigestFrequency, EmailList } from '#db/schema.ts'

export const emailLists = ['newsletter', 'digest', 'event-reminders', 'level-up'] as const satisfies readonly EmailList[]

/**
 * A signed link for one person and one list: whoever holds it may unsubscribe that person from
 * that list, and nothing else, without signing in (RFC 8058 one-click). `newsletterId` says which
 * newsletter the link came in, for its statistics. 'preferences' opens the preferences page.
 */
export interface EmailLinkClaims {
	userId: number
	list: EmailList | 'preferences'
	newsletterId: number | null
}

function sign(payload: string, secret: string): string {
	return crypto.createHmac('sha256', secret).update(`email-link:${payload}`).digest('base64url').slice(0, 32)
}

export function emailLinkToken({ userId, list, newsletterId }: EmailLinkClaims, secret = config.sessionSecret): string {
	const payload = `${userId}.${list}.${newsletterId ?? 0}`
	return `${payload}.${sign(payload, secret)}`
}

export function readEmailLinkToken(token: string, secret = config.sessionSecret): EmailLinkClaims | null {
	const match = /^(\d+)\.([a-z-]+)\.(\d+)\.([A-Za-z0-9_-]{32})$/.exec(token)
	if (!match) return null
	const [, user, list, newsletter, signature] = match
	const expected = sign(`${user}.${list}.${newsletter}`, secret)
	if (!crypto.timingSafeEqual(Buffer.from(signature!), Buffer.from(expected))) return null
	if (list !== 'preferences' && !emailLists.includes(list as EmailList)) return null
	return { userId: Number(user), list: list as EmailLinkClaims['list'], newsletterId: Number(newsletter) || null }
}

export function unsubscribeUrl(claims: EmailLinkClaims, appUrl = config.appUrl): string {
	return `${appUrl}/unsubscribe/${emailLinkToken(claims)}`
}

export function preferencesUrl(userId: number, appUrl = config.appUrl): string {
	return `${appUrl}/preferences?token=${emailLinkToken({ userId, list: 'preferences', newsletterId: null })}`
}

/** RFC 8058: mail clients offer their own unsubscribe button and POST to the URL themselves. */
export function unsubscribeHeaders(url: string): Record<string, string> {
	return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

export interface EmailPreferences {
	digestFrequency: DigestFrequency
	newsletters: boolean
	eventReminders: boolean
	levelUpEmails: boolean
}

export async function emailPreferences(db: DB, userId: number): Promise<(EmailPreferences & { email: string; name: string; signed: boolean }) | null> {
	const row = await db
		.selectFrom('user')
		.leftJoin('signature', (join) => join.onRef('signature.user_id', '=', 'user.id').on('signature.status', '=', 'confirmed'))
		.select(['user.email', 'user.name', 'user.digest_frequency', 'user.event_reminders', 'user.level_up_emails', 'signature.id as signature_id', 'signature.newsletter_consent'])
		.where('user.id', '=', userId)
		.executeTakeFirst()
	if (!row) return null
	return {
		email: row.email,
		name: row.name,
		signed: row.signature_id !== null,
		digestFrequency: row.digest_frequency,
		newsletters: row.newsletter_consent === 1,
		eventReminders: row.event_reminders === 1,
		levelUpEmails: row.level_up_emails === 1,
	}
}

/** Saves the preferences page. Newsletter consent lives on the signature, where it was given. */
export async function saveEmailPreferences(db: DB, userId: number, preferences: EmailPreferences, now = new Date()): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('user')
			.set({
				digest_frequency: preferences.digestFrequency,
				event_reminders: preferences.eventReminders ? 1 : 0,
				level_up_emails: preferences.levelUpEmails ? 1 : 0,
			})
			.where('id', '=', userId)
			.execute()
		await setNewsletterConsent(trx, userId, preferences.newsletters, now)
	})
}

async function setNewsletterConsent(db: DB, userId: number, consent: boolean, now: Date): Promise<void> {
	const changed = await db
		.updateTable('signature')
		.set({ newsletter_consent: consent ? 1 : 0, newsletter_consent_at: consent ? now.toISOString() : null, updated_at: now.toISOString() })
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
export async function unsubscribe(db: DB, claims: EmailLinkClaims, now = new Date()): Promise<{ list: EmailList } | null> {
	if (claims.list === 'preferences') return null
	const list = claims.list
	const exists = await db.selectFrom('user').select('id').where('id', '=', claims.userId).executeTakeFirst()
	if (!exists) return null
	await db.transaction().execute(async (trx) => {
		if (list === 'newsletter') await setNewsletterConsent(trx, claims.userId, false, now)
		if (list === 'digest') await trx.updateTable('user').set({ digest_frequency: 'off' }).where('id', '=', claims.userId).execute()
		if (list === 'event-reminders') await trx.updateTable('user').set({ event_reminders: 0 }).where('id', '=', claims.userId).execute()
		if (list === 'level-up') await trx.updateTable('user').set({ level_up_emails: 0 }).where('id', '=', claims.userId).execute()
		const already = await trx
			.selectFrom('unsubscribe')
			.select('id')
			.where('user_id', '=', claims.userId)
			.where('list', '=', list)
			.where((eb) => (claims.newsletterId ? eb('newsletter_id', '=', claims.newsletterId) : eb('newsletter_id', 'is', null)))
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
