import { utcToLocal } from '#app/common/time.ts'
import type { DbHandle } from '#db/index.ts'

/** The events' figures for the pact in numbers (app/numbers). */

export interface EventYear {
	/** The year in the deployment's time zone. */
	year: number
	/** Published events that have started by now. */
	held: number
	/** Published events still ahead. */
	planned: number
	/** People checked in at the door (walk-ins included), over the year's events. */
	checkedIn: number
}

/**
 * Published events per year and the people checked in at them; cancelled events and drafts are
 * left out. One row per event reaches the process (a pact holds a few dozen a year), so the
 * year is told in the pact's own time zone.
 */
export async function eventsByYear(db: DbHandle, timeZone: string, now = new Date()): Promise<EventYear[]> {
	const rows = await db
		.selectFrom('event')
		.leftJoin('event_attendance', 'event_attendance.event_id', 'event.id')
		.select(['event.id', 'event.starts_at', (eb) => eb.fn.count<number>('event_attendance.id').as('checkedIn')])
		.where('event.status', '=', 'published')
		.groupBy('event.id')
		.execute()
	const nowIso = now.toISOString()
	const years = new Map<number, EventYear>()
	for (const row of rows) {
		const year = Number(utcToLocal(row.starts_at, timeZone).date.slice(0, 4))
		const entry = years.get(year) ?? { year, held: 0, planned: 0, checkedIn: 0 }
		if (row.starts_at <= nowIso) entry.held += 1
		else entry.planned += 1
		entry.checkedIn += Number(row.checkedIn)
		years.set(year, entry)
	}
	return [...years.values()].sort((a, b) => a.year - b.year)
}
