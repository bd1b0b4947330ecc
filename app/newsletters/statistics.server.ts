import type { DB } from '#db/index.ts'

/** How a newsletter is going out and how it was received, for the coordinators' page. */

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
	const count = (...statuses: string[]) =>
		rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + Number(r.count), 0)
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
