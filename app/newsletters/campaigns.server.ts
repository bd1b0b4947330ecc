import type { DB } from '#db/index.ts'
import type { Language, Newsletter, NewsletterStatus, NewsletterVersion } from '#db/schema.ts'
import { parseSegment, type Segment } from './segments.ts'

/**
 * A newsletter's life as coordinators steer it: a draft written and saved, scheduled or started,
 * paused, resumed or cancelled. Queueing and sending are the worker's (queueing.server.ts).
 */

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
		.values({
			title,
			status: 'draft',
			segment: '{}',
			created_by: userId,
			created_at: now.toISOString(),
			updated_at: now.toISOString(),
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return row.id
}

export async function listNewsletters(db: DB): Promise<Newsletter[]> {
	return db
		.selectFrom('newsletter')
		.selectAll()
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(200)
		.execute()
}

export async function getNewsletter(
	db: DB,
	id: number,
): Promise<{ newsletter: Newsletter; versions: NewsletterVersion[]; segment: Segment } | null> {
	const newsletter = await db.selectFrom('newsletter').selectAll().where('id', '=', id).executeTakeFirst()
	if (!newsletter) return null
	const versions = await db.selectFrom('newsletter_version').selectAll().where('newsletter_id', '=', id).execute()
	return { newsletter, versions, segment: parseSegment(newsletter.segment) }
}

/**
 * The states in which a confirmation carried in the URL ("The newsletter is being sent") is still
 * true. Reloading the page later, or the page following the sending along, shows the real state
 * instead of a message that has stopped being true.
 */
const flashHoldsWhile: Readonly<Record<string, readonly NewsletterStatus[]>> = {
	started: ['queueing', 'sending'],
	resume: ['queueing', 'sending'],
	scheduled: ['scheduled'],
	pause: ['paused'],
	cancel: ['draft', 'cancelled'],
}

export function flashStillTrue(key: string, status: NewsletterStatus): boolean {
	const holds = Object.hasOwn(flashHoldsWhile, key) ? flashHoldsWhile[key] : undefined
	return !holds || holds.includes(status)
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
				.values({
					newsletter_id: id,
					language,
					subject: version.subject.trim(),
					preheader: version.preheader.trim(),
					body: version.body,
					template_id: null,
				})
				.execute()
		}
		return true
	})
}

/** Schedules a newsletter; one due now goes straight to queueing, which the worker carries out. */
export async function scheduleNewsletter(db: DB, id: number, at: Date, now = new Date()): Promise<boolean> {
	const result = await db
		.updateTable('newsletter')
		.set({
			status: at <= now ? 'queueing' : 'scheduled',
			scheduled_at: at.toISOString(),
			updated_at: now.toISOString(),
		})
		.where('id', '=', id)
		.where('status', 'in', ['draft', 'scheduled'])
		.where((eb) => eb.exists(eb.selectFrom('newsletter_version').select('language').where('newsletter_id', '=', id)))
		.executeTakeFirst()
	return Number(result.numUpdatedRows) > 0
}

/** Stops sending: what is waiting stays written and waits; nothing in flight is lost. */
export async function pauseNewsletter(db: DB, id: number, now = new Date()): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const paused = await trx
			.updateTable('newsletter')
			.set({ status: 'paused', updated_at: now.toISOString() })
			.where('id', '=', id)
			.where('status', '=', 'sending')
			.executeTakeFirst()
		if (Number(paused.numUpdatedRows) === 0) return false
		await trx
			.updateTable('outbox')
			.set({ status: 'held' })
			.where('newsletter_id', '=', id)
			.where('status', '=', 'queued')
			.execute()
		return true
	})
}

/**
 * Goes on where it stopped. Sent rows stay sent and held rows keep their keys and batches, so
 * resuming can never send anyone a second copy.
 */
export async function resumeNewsletter(db: DB, id: number, now = new Date()): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const resumed = await trx
			.updateTable('newsletter')
			.set({ status: 'sending', updated_at: now.toISOString() })
			.where('id', '=', id)
			.where('status', '=', 'paused')
			.executeTakeFirst()
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
