import { createElement } from 'react'
import { config } from '#app/config.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { fillPlaceholders, placeholder } from '#app/mail/placeholders.ts'
import { queueEmail, renderEmail } from '#app/mail/send-email.server.ts'
import { MAX_BATCH_SIZE } from '#app/mail/transports/transport.server.ts'
import type { DB } from '#db/index.ts'
import type { Language, Newsletter, NewsletterStatus, NewsletterVersion } from '#db/schema.ts'
import NewsletterEmail from '#emails/newsletter.tsx'
import { newsletterMarkdownToHtml } from './markdown.server.ts'
import { segmentRecipients, type Recipient } from './segments.server.ts'
import { parseSegment, type Segment } from './segments.ts'
import { preferencesUrl, unsubscribeHeaders, unsubscribeUrl } from './unsubscribe.server.ts'
import { firstName } from '#app/common/names.ts'

/** Recipients written per transaction while queueing: short enough never to block the site. */
const QUEUE_CHUNK = 500

export interface VersionInput {
	subject: string
	preheader: string
	body: string
}

export interface NewsletterInput {
	title: string
	versions: Partial<Record<Language, VersionInput>>
	segment: Segment
}

export async function createNewsletter(db: DB, userId: number, title: string, now = new Date()): Promise<number> {
	const row = await db
		.insertInto('newsletter')
		.values({ title, status: 'draft', segment: '{}', created_by: userId, created_at: now.toISOString(), updated_at: now.toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow()
	return row.id
}

export async function listNewsletters(db: DB): Promise<Newsletter[]> {
	return db.selectFrom('newsletter').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute()
}

export async function getNewsletter(db: DB, id: number): Promise<{ newsletter: Newsletter; versions: NewsletterVersion[]; segment: Segment } | null> {
	const newsletter = await db.selectFrom('newsletter').selectAll().where('id', '=', id).executeTakeFirst()
	if (!newsletter) return null
	const versions = await db.selectFrom('newsletter_version').selectAll().where('newsletter_id', '=', id).execute()
	return { newsletter, versions, segment: parseSegment(newsletter.segment) }
}

/** Only a draft or a scheduled newsletter can change; once queueing starts, it is what was sent. */
export function isEditable(status: NewsletterStatus): boolean {
	return status === 'draft' || status === 'scheduled'
}

export async function saveNewsletter(db: DB, id: number, input: NewsletterInput, now = new Date()): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const updated = await trx
			.updateTable('newsletter')
			.set({ title: input.title, segment: JSON.stringify(input.segment), updated_at: now.toISOString() })
			.where('id', '=', id)
			.where('status', 'in', ['draft', 'scheduled'])
			.executeTakeFirst()
		if (Number(updated.numUpdatedRows) === 0) return false
		await trx.deleteFrom('newsletter_version').where('newsletter_id', '=', id).execute()
		for (const [language, version] of Object.entries(input.versions) as Array<[Language, VersionInput | undefined]>) {
			if (!version?.subject.trim() || !version.body.trim()) continue
			await trx
				.insertInto('newsletter_version')
				.values({ newsletter_id: id, language, subject: version.subject.trim(), preheader: version.preheader.trim(), body: version.body, template_id: null })
				.execute()
		}
		return true
	})
}

/** Schedules a newsletter; one due now goes straight to queueing, which the worker carries out. */
export async function scheduleNewsletter(db: DB, id: number, at: Date, now = new Date()): Promise<boolean> {
	const result = await db
		.updateTable('newsletter')
		.set({ status: at <= now ? 'queueing' : 'scheduled', scheduled_at: at.toISOString(), updated_at: now.toISOString() })
		.where('id', '=', id)
		.where('status', 'in', ['draft', 'scheduled'])
		.where((eb) => eb.exists(eb.selectFrom('newsletter_version').select('language').where('newsletter_id', '=', id)))
		.executeTakeFirst()
	return Number(result.numUpdatedRows) > 0
}

/** The version a recipient reads: their language's, else the pact's default, else any. */
export function versionFor<T extends { language: Language }>(versions: T[], language: Language): T | undefined {
	return versions.find((v) => v.language === language) ?? versions.find((v) => v.language === config.pact.defaultLanguage) ?? versions[0]
}

const placeholders = { name: placeholder('name'), unsubscribeUrl: placeholder('unsubscribeUrl'), preferencesUrl: placeholder('preferencesUrl') }

/** One version rendered with the real template, placeholders in place of each recipient's details. */
export async function renderNewsletter(version: Pick<NewsletterVersion, 'language' | 'subject' | 'preheader' | 'body'>): Promise<{ subject: string; html: string; text: string }> {
	const rendered = await renderEmail({
		to: '',
		subject: version.subject,
		body: createElement(NewsletterEmail, {
			language: version.language as SupportedLanguage,
			pactName: config.pact.name,
			preheader: version.preheader || version.subject,
			bodyHtml: newsletterMarkdownToHtml(version.body),
			...placeholders,
		}),
	})
	return { subject: version.subject, html: rendered.html, text: rendered.text }
}

/** The preview: the real template, with the coordinator's own name filled in. */
export async function previewNewsletter(version: Pick<NewsletterVersion, 'language' | 'subject' | 'preheader' | 'body'>, name: string): Promise<string> {
	const { html } = await renderNewsletter(version)
	return fillPlaceholders(html, { name: firstName(name), unsubscribeUrl: '#', preferencesUrl: '#' }, 'html')
}


function recipientVariables(recipient: Pick<Recipient, 'id' | 'name'>, newsletterId: number) {
	const url = unsubscribeUrl({ userId: recipient.id, list: 'newsletter', newsletterId })
	return { variables: { name: firstName(recipient.name), unsubscribeUrl: url, preferencesUrl: preferencesUrl(recipient.id) }, headers: unsubscribeHeaders(url) }
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
			const user = await db.selectFrom('user').select(['id', 'name']).where('email', '=', address.toLowerCase()).executeTakeFirst()
			const { variables, headers } = user
				? recipientVariables(user, id)
				: { variables: { name: address.split('@')[0]!, unsubscribeUrl: `${config.appUrl}/preferences`, preferencesUrl: `${config.appUrl}/preferences` }, headers: {} }
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

/**
 * Turns a started newsletter into outbox rows, all of them before any is released: renders each
 * language once, then writes the recipients in short transactions, in user id order, so a crash
 * resumes after the last one written; the (newsletter, user) key makes a repeated chunk harmless.
 * Every row starts 'held', grouped into batches of up to 100 of one language; the last step
 * releases them all at once.
 */
export async function queueNewsletter(db: DB, id: number, now = new Date()): Promise<{ recipients: number } | null> {
	const found = await getNewsletter(db, id)
	if (!found || found.newsletter.status !== 'queueing') return null
	const templates = await renderTemplatesOnce(db, found.versions, now)

	for (;;) {
		const written = await db.transaction().execute(async (trx) => {
			const current = await trx.selectFrom('newsletter').select('status').where('id', '=', id).executeTakeFirst()
			if (current?.status !== 'queueing') return -1
			const last = await trx.selectFrom('outbox').select((eb) => eb.fn.max('user_id').as('last')).where('newsletter_id', '=', id).executeTakeFirst()
			const recipients = await segmentRecipients(trx, found.segment, { afterUserId: Number(last?.last ?? 0), limit: QUEUE_CHUNK })
			if (recipients.length === 0) return 0
			const rows = []
			for (const batch of batchesOf(recipients, (r) => versionFor(templates, r.language)!.language)) {
				const batchKey = `newsletter-${id}-batch-${batch[0]!.id}`
				for (const recipient of batch) {
					const template = versionFor(templates, recipient.language)!
					const { variables, headers } = recipientVariables(recipient, id)
					rows.push({
						idempotency_key: `newsletter-${id}-user-${recipient.id}`,
						to_address: recipient.email,
						subject: template.subject,
						html: '',
						text: '',
						headers: JSON.stringify(headers),
						attachments: '[]',
						status: 'held' as const,
						next_attempt_at: now.toISOString(),
						last_error: null,
						provider_id: null,
						created_at: now.toISOString(),
						sent_at: null,
						template_id: template.templateId,
						variables: JSON.stringify(variables),
						batch_key: batchKey,
						newsletter_id: id,
						user_id: recipient.id,
					})
				}
			}
			await trx
				.insertInto('outbox')
				.values(rows)
				.onConflict((oc) => oc.doNothing())
				.execute()
			return recipients.length
		})
		if (written === -1) return null
		if (written === 0) break
	}

	// All rows exist: release them and the newsletter together.
	return db.transaction().execute(async (trx) => {
		const count = await trx
			.selectFrom('outbox')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('newsletter_id', '=', id)
			.executeTakeFirstOrThrow()
		const started = await trx
			.updateTable('newsletter')
			.set({ status: 'sending', recipient_count: Number(count.count), queued_at: now.toISOString(), updated_at: now.toISOString() })
			.where('id', '=', id)
			.where('status', '=', 'queueing')
			.executeTakeFirst()
		if (Number(started.numUpdatedRows) === 0) return null
		await trx.updateTable('outbox').set({ status: 'queued', next_attempt_at: now.toISOString() }).where('newsletter_id', '=', id).where('status', '=', 'held').execute()
		return { recipients: Number(count.count) }
	})
}

/** Groups recipients by language, then into batches of at most 100, keeping id order. */
function batchesOf(recipients: Recipient[], languageOf: (r: Recipient) => Language): Recipient[][] {
	const byLanguage = new Map<Language, Recipient[]>()
	for (const recipient of recipients) {
		const language = languageOf(recipient)
		byLanguage.set(language, [...(byLanguage.get(language) ?? []), recipient])
	}
	const batches: Recipient[][] = []
	for (const group of byLanguage.values()) {
		for (let i = 0; i < group.length; i += MAX_BATCH_SIZE) batches.push(group.slice(i, i + MAX_BATCH_SIZE))
	}
	return batches
}

/** Each language's template, rendered the first time only: a resumed queueing reuses it. */
async function renderTemplatesOnce(db: DB, versions: NewsletterVersion[], now: Date): Promise<Array<{ language: Language; subject: string; templateId: number }>> {
	const templates = []
	for (const version of versions) {
		let templateId = version.template_id
		if (templateId === null) {
			const rendered = await renderNewsletter(version)
			templateId = await db.transaction().execute(async (trx) => {
				const current = await trx
					.selectFrom('newsletter_version')
					.select('template_id')
					.where('newsletter_id', '=', version.newsletter_id)
					.where('language', '=', version.language)
					.executeTakeFirstOrThrow()
				// Another worker may have rendered it meanwhile: keep theirs, so every row shares one.
				if (current.template_id !== null) return current.template_id
				const inserted = await trx.insertInto('email_template').values({ ...rendered, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow()
				await trx
					.updateTable('newsletter_version')
					.set({ template_id: inserted.id })
					.where('newsletter_id', '=', version.newsletter_id)
					.where('language', '=', version.language)
					.execute()
				return inserted.id
			})
		}
		templates.push({ language: version.language, subject: version.subject, templateId })
	}
	return templates
}

/** Stops sending: what is waiting stays written and waits; nothing in flight is lost. */
export async function pauseNewsletter(db: DB, id: number, now = new Date()): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const paused = await trx.updateTable('newsletter').set({ status: 'paused', updated_at: now.toISOString() }).where('id', '=', id).where('status', '=', 'sending').executeTakeFirst()
		if (Number(paused.numUpdatedRows) === 0) return false
		await trx.updateTable('outbox').set({ status: 'held' }).where('newsletter_id', '=', id).where('status', '=', 'queued').execute()
		return true
	})
}

/**
 * Goes on where it stopped. Sent rows stay sent and held rows keep their keys and batches, so
 * resuming can never send anyone a second copy.
 */
export async function resumeNewsletter(db: DB, id: number, now = new Date()): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const resumed = await trx.updateTable('newsletter').set({ status: 'sending', updated_at: now.toISOString() }).where('id', '=', id).where('status', '=', 'paused').executeTakeFirst()
		if (Number(resumed.numUpdatedRows) === 0) return false
		await trx
			.updateTable('outbox')
			.set({ status: 'queued', next_attempt_at: now.toISOString() })
			.where('newsletter_id', '=', id)
			.where('status', '=', 'held')
			.execute()
		return true
	})
}

/** A scheduled newsletter goes back to being a draft; one being sent stops for good. */
export async function cancelNewsletter(db: DB, id: number, now = new Date()): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const unscheduled = await trx
			.updateTable('newsletter')
			.set({ status: 'draft', scheduled_at: null, updated_at: now.toISOString() })
			.where('id', '=', id)
			.where('status', '=', 'scheduled')
			.executeTakeFirst()
		if (Number(unscheduled.numUpdatedRows) > 0) return true
		const cancelled = await trx
			.updateTable('newsletter')
			.set({ status: 'cancelled', finished_at: now.toISOString(), updated_at: now.toISOString() })
			.where('id', '=', id)
			.where('status', 'in', ['queueing', 'sending', 'paused'])
			.executeTakeFirst()
		if (Number(cancelled.numUpdatedRows) === 0) return false
		await trx
			.updateTable('outbox')
			.set({ status: 'cancelled', last_error: 'the newsletter was cancelled' })
			.where('newsletter_id', '=', id)
			.where('status', 'in', ['held', 'queued'])
			.execute()
		return true
	})
}

export interface NewsletterProgress {
	recipients: number
	waiting: number
	sent: number
	failed: number
	cancelled: number
}

export async function newsletterProgress(db: DB, id: number): Promise<NewsletterProgress> {
	const rows = await db
		.selectFrom('outbox')
		.select(['status', (eb) => eb.fn.countAll<number>().as('count')])
		.where('newsletter_id', '=', id)
		.groupBy('status')
		.execute()
	const count = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + Number(r.count), 0)
	return {
		recipients: count('held', 'queued', 'sending', 'sent', 'failed', 'cancelled'),
		waiting: count('held', 'queued', 'sending'),
		sent: count('sent'),
		failed: count('failed'),
		cancelled: count('cancelled'),
	}
}

export interface NewsletterStatistics {
	recipients: number
	delivered: number
	bounced: number
	complained: number
	unsubscribed: number
}

/** From the provider's webhooks and the unsubscribe links that came in this newsletter. */
export async function newsletterStatistics(db: DB, id: number): Promise<NewsletterStatistics> {
	const outbox = await db
		.selectFrom('outbox')
		.select((eb) => [
			eb.fn.countAll<number>().as('recipients'),
			eb.fn.count<number>('delivered_at').as('delivered'),
			eb.fn.count<number>('bounced_at').as('bounced'),
			eb.fn.count<number>('complained_at').as('complained'),
		])
		.where('newsletter_id', '=', id)
		.executeTakeFirstOrThrow()
	const unsubscribed = await db
		.selectFrom('unsubscribe')
		.select((eb) => eb.fn.count<number>('user_id').distinct().as('count'))
		.where('newsletter_id', '=', id)
		.executeTakeFirstOrThrow()
	return {
		recipients: Number(outbox.recipients),
		delivered: Number(outbox.delivered),
		bounced: Number(outbox.bounced),
		complained: Number(outbox.complained),
		unsubscribed: Number(unsubscribed.count),
	}
}

/**
 * The worker's newsletter job: starts what is due, carries on queueing (also after a crash), and
 * marks a newsletter sent once nothing of it waits. Safe in two processes at once.
 */
export async function runNewsletters(db: DB, now = new Date()): Promise<void> {
	await db
		.updateTable('newsletter')
		.set({ status: 'queueing', updated_at: now.toISOString() })
		.where('status', '=', 'scheduled')
		.where('scheduled_at', '<=', now.toISOString())
		.execute()
	const queueing = await db.selectFrom('newsletter').select('id').where('status', '=', 'queueing').execute()
	for (const { id } of queueing) await queueNewsletter(db, id, now)

	const sending = await db.selectFrom('newsletter').select('id').where('status', '=', 'sending').execute()
	for (const { id } of sending) {
		const waiting = await db
			.selectFrom('outbox')
			.select('id')
			.where('newsletter_id', '=', id)
			.where('status', 'in', ['held', 'queued', 'sending'])
			.limit(1)
			.executeTakeFirst()
		if (!waiting) {
			await db
				.updateTable('newsletter')
				.set({ status: 'sent', finished_at: now.toISOString(), updated_at: now.toISOString() })
				.where('id', '=', id)
				.where('status', '=', 'sending')
				.execute()
		}
	}
}
