import { preferencesUrl, unsubscribeHeaders, unsubscribeUrl } from '#app/common/email-preferences.server.ts'
import { emailProfile, markdownToHtml } from '#app/common/markdown.server.ts'
import { firstName } from '#app/common/names.ts'
import { config } from '#app/config.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { fillPlaceholders, placeholder } from '#app/mail/placeholders.ts'
import { composeEmail, queueEmail, renderEmail } from '#app/mail/send-email.server.ts'
import type { DB } from '#db/index.ts'
import type { Language, NewsletterVersion } from '#db/schema.ts'
import NewsletterEmail from '#emails/newsletter.tsx'
import { getNewsletter } from './campaigns.server.ts'
import type { Recipient } from './segments.server.ts'

/**
 * A newsletter as its readers get it: rendered once per language with placeholders, filled in per
 * recipient; the preview and the test send go through the same template and substitution.
 */

/** The version a recipient reads: their language's, else the pact's default, else any. */
export function versionFor<T extends { language: Language }>(versions: T[], language: Language): T | undefined {
	return (
		versions.find((v) => v.language === language) ??
		versions.find((v) => v.language === config.pact.defaultLanguage) ??
		versions[0]
	)
}

const placeholders = {
	name: placeholder('name'),
	unsubscribeUrl: placeholder('unsubscribeUrl'),
	preferencesUrl: placeholder('preferencesUrl'),
}

/** One version rendered with the real template, placeholders in place of each recipient's details. */
export async function renderNewsletter(
	version: Pick<NewsletterVersion, 'language' | 'subject' | 'preheader' | 'body'>,
): Promise<{ subject: string; html: string; text: string }> {
	const rendered = await renderEmail(
		composeEmail(
			NewsletterEmail,
			{
				language: version.language as SupportedLanguage,
				subject: version.subject,
				preheader: version.preheader || version.subject,
				bodyHtml: markdownToHtml(version.body, emailProfile(config.pact.brandColor)),
				...placeholders,
			},
			{ to: '' },
		),
	)
	return { subject: version.subject, html: rendered.html, text: rendered.text }
}

/** The preview: the real template, with the coordinator's own name filled in. */
export async function previewNewsletter(
	version: Pick<NewsletterVersion, 'language' | 'subject' | 'preheader' | 'body'>,
	name: string,
): Promise<string> {
	const { html } = await renderNewsletter(version)
	return fillPlaceholders(html, { name: firstName(name), unsubscribeUrl: '#', preferencesUrl: '#' }, 'html')
}

/** The details each recipient's copy is filled in with, and the one-click unsubscribe headers (RFC 8058). */
export function recipientVariables(recipient: Pick<Recipient, 'id' | 'name'>, newsletterId: number) {
	const url = unsubscribeUrl({ userId: recipient.id, list: 'newsletter', newsletterId })
	return {
		variables: { name: firstName(recipient.name), unsubscribeUrl: url, preferencesUrl: preferencesUrl(recipient.id) },
		headers: unsubscribeHeaders(url),
	}
}

/**
 * A test send to the coordinator and a few addresses: every version, marked as a test, through
 * the same template and substitution as the real thing. An address that belongs to someone gets
 * working links; others get links to the preferences page.
 */
export async function sendTestNewsletter(db: DB, id: number, addresses: string[], now = new Date()): Promise<number> {
	const found = await getNewsletter(db, id)
	if (!found || found.versions.length === 0) return 0
	let queued = 0
	for (const version of found.versions) {
		const template = await renderNewsletter(version)
		for (const address of addresses) {
			const user = await db
				.selectFrom('user')
				.select(['id', 'name'])
				.where('email', '=', address.toLowerCase())
				.executeTakeFirst()
			const { variables, headers } = user
				? recipientVariables(user, id)
				: {
						variables: {
							name: address.split('@')[0]!,
							unsubscribeUrl: `${config.appUrl}/preferences`,
							preferencesUrl: `${config.appUrl}/preferences`,
						},
						headers: {},
					}
			await queueEmail(
				db,
				{
					to: address,
					subject: `[Test] ${template.subject}`,
					html: fillPlaceholders(template.html, variables, 'html'),
					text: fillPlaceholders(template.text, variables, 'text'),
					headers,
				},
				now,
			)
			queued++
		}
	}
	return queued
}
