import crypto from 'node:crypto'
import { config } from '#app/config.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { DigestFrequency, EmailList } from '#db/schema.ts'

/**
 * Which emails a person wants, and the signed links in emails that change it without signing in.
 * Every area that sends something a person can turn off (newsletters and digests, event reminders,
 * the ladder's congratulations) reads and writes the choice here.
 */

export const emailLists = [
	'newsletter',
	'digest',
	'event-reminders',
	'level-up',
] as const satisfies readonly EmailList[]

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

export async function emailPreferences(
	db: DB,
	userId: number,
): Promise<(EmailPreferences & { email: string; name: string; signed: boolean }) | null> {
	const row = await db
		.selectFrom('user')
		.leftJoin('signature', (join) =>
			join.onRef('signature.user_id', '=', 'user.id').on('signature.status', '=', 'confirmed'),
		)
		.select([
			'user.email',
			'user.name',
			'user.digest_frequency',
			'user.event_reminders',
			'user.level_up_emails',
			'signature.id as signature_id',
			'signature.newsletter_consent',
		])
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

/**
 * The choices kept on the person: digests, event reminders, level-up emails. Newsletter consent
 * lives on the signature, where it was given, and ends through the newsletters area, which also
 * withdraws what is already queued.
 */
export async function setEmailSettings(
	db: DbHandle,
	userId: number,
	settings: Partial<Omit<EmailPreferences, 'newsletters'>>,
): Promise<void> {
	await db
		.updateTable('user')
		.set({
			digest_frequency: settings.digestFrequency,
			event_reminders: settings.eventReminders === undefined ? undefined : settings.eventReminders ? 1 : 0,
			level_up_emails: settings.levelUpEmails === undefined ? undefined : settings.levelUpEmails ? 1 : 0,
		})
		.where('id', '=', userId)
		.execute()
}
