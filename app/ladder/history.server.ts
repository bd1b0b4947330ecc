import type { DB } from '#db/index.ts'
import type { LadderRule, LadderSource } from '#db/schema.ts'

/** A person's ladder history, newest first: what the person sees on their page and coordinators on theirs. */

export interface HistoryEntry {
	id: number
	from: number
	to: number
	source: LadderSource
	rule: LadderRule | null
	reason: string | null
	changedAt: string
	changedBy: string | null
	/** Both titles: the person's own page shows theirs, coordinators' pages the Swedish. */
	event: { slug: string; title: string; title_en: string | null } | null
}

export async function historyOf(db: DB, userId: number): Promise<HistoryEntry[]> {
	const rows = await db
		.selectFrom('ladder_history')
		.leftJoin('event', 'event.id', 'ladder_history.event_id')
		.leftJoin('user as by', 'by.id', 'ladder_history.changed_by')
		.select([
			'ladder_history.id',
			'ladder_history.from_step',
			'ladder_history.to_step',
			'ladder_history.source',
			'ladder_history.rule',
			'ladder_history.reason',
			'ladder_history.changed_at',
			'by.name as by_name',
			'event.slug as event_slug',
			'event.title as event_title',
			'event.title_en as event_title_en',
		])
		.where('ladder_history.user_id', '=', userId)
		.orderBy('ladder_history.changed_at', 'desc')
		.orderBy('ladder_history.id', 'desc')
		.execute()
	return rows.map((r) => ({
		id: r.id,
		from: r.from_step,
		to: r.to_step,
		source: r.source,
		rule: r.rule,
		reason: r.reason,
		changedAt: r.changed_at,
		changedBy: r.by_name,
		event:
			r.event_slug && r.event_title ? { slug: r.event_slug, title: r.event_title, title_en: r.event_title_en } : null,
	}))
}
