import type { DB } from '#db/index.ts'
import type { Language, NewsletterVersion } from '#db/schema.ts'
import { MAX_BATCH_SIZE } from '#app/mail/transports/transport.server.ts'
import { getNewsletter } from './campaigns.server.ts'
import { recipientVariables, renderNewsletter, versionFor } from './rendering.server.ts'
import { segmentRecipients, type Recipient } from './segments.server.ts'

/** The worker's side of a newsletter: every recipient written to the outbox exactly once, then released. */

/** Recipients written per transaction while queueing: short enough never to block the site. */
const QUEUE_CHUNK = 500

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
			const last = await trx
				.selectFrom('outbox')
				.select((eb) => eb.fn.max('user_id').as('last'))
				.where('newsletter_id', '=', id)
				.executeTakeFirst()
			const recipients = await segmentRecipients(trx, found.segment, {
				afterUserId: Number(last?.last ?? 0),
				limit: QUEUE_CHUNK,
			})
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
			.set({
				status: 'sending',
				recipient_count: Number(count.count),
				queued_at: now.toISOString(),
				updated_at: now.toISOString(),
			})
			.where('id', '=', id)
			.where('status', '=', 'queueing')
			.executeTakeFirst()
		if (Number(started.numUpdatedRows) === 0) return null
		await trx
			.updateTable('outbox')
			.set({ status: 'queued', next_attempt_at: now.toISOString() })
			.where('newsletter_id', '=', id)
			.where('status', '=', 'held')
			.execute()
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
async function renderTemplatesOnce(
	db: DB,
	versions: NewsletterVersion[],
	now: Date,
): Promise<Array<{ language: Language; subject: string; templateId: number }>> {
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
				const inserted = await trx
					.insertInto('email_template')
					.values({ ...rendered, created_at: now.toISOString() })
					.returning('id')
					.executeTakeFirstOrThrow()
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
