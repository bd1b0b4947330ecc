import type { DB } from '#db/index.ts'
import type { EventStatus, RsvpStatus } from '#db/schema.ts'

/** A person's own events, for `/events/mine`. */

export interface MyEvent {
	id: number
	slug: string
	title: string
	/** The English title, if written (languages.ts picks). */
	title_en: string | null
	type: string
	starts_at: string
	ends_at: string
	status: EventStatus
	rsvp: { status: RsvpStatus; placeInQueue: number | null } | null
	shifts: string[]
	attended: boolean
}

/** The person's place in each queue they wait in (1 for the first waiting), in one query for all of them. */
async function placesInQueues(db: DB, userId: number): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('event_rsvp as mine')
		.innerJoin('event_rsvp as ahead', (join) =>
			join
				.onRef('ahead.event_id', '=', 'mine.event_id')
				.on('ahead.status', '=', 'waiting')
				.onRef('ahead.position', '<=', 'mine.position'),
		)
		.select((eb) => ['mine.event_id', eb.fn.countAll<number>().as('n')])
		.where('mine.user_id', '=', userId)
		.where('mine.status', '=', 'waiting')
		.groupBy('mine.event_id')
		.execute()
	return new Map(rows.map((r) => [r.event_id, Number(r.n)]))
}

/** What a person is going to, waiting for or helping with (upcoming), and what they came to (past). */
export async function myEvents(
	db: DB,
	userId: number,
	now = new Date(),
): Promise<{ upcoming: MyEvent[]; past: MyEvent[] }> {
	const [rsvps, helping, attended] = await Promise.all([
		db
			.selectFrom('event_rsvp')
			.select(['event_id', 'status', 'position'])
			.where('user_id', '=', userId)
			.where('status', 'in', ['going', 'waiting'])
			.execute(),
		db
			.selectFrom('event_helper')
			.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
			.select(['event_helper_shift.event_id', 'event_helper_shift.title'])
			.where('event_helper.user_id', '=', userId)
			.execute(),
		db.selectFrom('event_attendance').select('event_id').where('user_id', '=', userId).execute(),
	])
	const ids = [
		...new Set([
			...rsvps.map((r) => r.event_id),
			...helping.map((h) => h.event_id),
			...attended.map((a) => a.event_id),
		]),
	]
	if (ids.length === 0) return { upcoming: [], past: [] }
	const [events, queues] = await Promise.all([
		db
			.selectFrom('event')
			.select(['id', 'slug', 'title', 'title_en', 'type', 'starts_at', 'ends_at', 'status'])
			.where('id', 'in', ids)
			.where('published_at', 'is not', null)
			.orderBy('starts_at')
			.execute(),
		rsvps.some((r) => r.status === 'waiting') ? placesInQueues(db, userId) : new Map<number, number>(),
	])
	const came = new Set(attended.map((a) => a.event_id))
	const result: MyEvent[] = events.map((e) => {
		const r = rsvps.find((x) => x.event_id === e.id)
		return {
			...e,
			rsvp: r ? { status: r.status, placeInQueue: r.status === 'waiting' ? (queues.get(e.id) ?? null) : null } : null,
			shifts: helping.filter((h) => h.event_id === e.id).map((h) => h.title),
			attended: came.has(e.id),
		}
	})
	const nowIso = now.toISOString()
	return {
		upcoming: result.filter((e) => e.ends_at > nowIso),
		past: result
			.filter((e) => e.ends_at <= nowIso && (e.attended || e.rsvp?.status === 'going' || e.shifts.length > 0))
			.reverse(),
	}
}
