import type { SelectQueryBuilder } from 'kysely'
import { config } from '#app/config.server.ts'
import { addToLocalDate, localToUtc } from '#app/common/time.ts'
import type { DB } from '#db/index.ts'
import type { Database, Language } from '#db/schema.ts'
import type { Segment } from './segments.ts'

export interface Recipient {
	id: number
	email: string
	name: string
	language: Language
}

type Query = SelectQueryBuilder<Database, 'user' | 'signature', object>

/**
 * Everyone a newsletter to this segment may reach: confirmed signatories who consented to
 * newsletters and are not on the suppression list, narrowed by every condition given.
 */
export function segmentQuery(db: DB, segment: Segment, timeZone = config.timeZone): Query {
	let query: Query = db
		.selectFrom('user')
		.innerJoin('signature', 'signature.user_id', 'user.id')
		.where('signature.status', '=', 'confirmed')
		.where('signature.newsletter_consent', '=', 1)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb.selectFrom('suppression').select('suppression.email').whereRef('suppression.email', '=', 'user.email'),
				),
			),
		)
	if (segment.steps.length > 0) {
		// Someone the ladder has not looked at yet stands on step 1: they signed.
		query = query.where((eb) =>
			eb(
				eb.fn.coalesce(
					eb.selectFrom('ladder_step').select('ladder_step.step').whereRef('ladder_step.user_id', '=', 'user.id'),
					eb.val(1),
				),
				'in',
				segment.steps,
			),
		)
	}
	if (segment.districts.length > 0) {
		const districts = segment.districts.map((d) => d.toLocaleLowerCase('sv'))
		query = query.where((eb) => eb(eb.fn('lower', ['signature.district']), 'in', districts))
	}
	if (segment.residency !== 'all')
		query = query.where('signature.lives_in_municipality', '=', segment.residency === 'residents' ? 1 : 0)
	if (segment.eventId) {
		const eventId = segment.eventId
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('event_attendance')
					.select('event_attendance.id')
					.whereRef('event_attendance.user_id', '=', 'user.id')
					.where('event_attendance.event_id', '=', eventId),
			),
		)
	}
	if (segment.themeId) {
		const themeId = segment.themeId
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('theme_follow')
					.select('theme_follow.user_id')
					.whereRef('theme_follow.user_id', '=', 'user.id')
					.where('theme_follow.theme_id', '=', themeId),
			),
		)
	}
	// Dates are local days in the pact's time zone, both ends included.
	if (segment.signedFrom)
		query = query.where(
			'signature.confirmed_at',
			'>=',
			localToUtc({ date: segment.signedFrom, time: '00:00' }, timeZone).toISOString(),
		)
	if (segment.signedTo) {
		const dayAfter = addToLocalDate(segment.signedTo, { days: 1 })
		query = query.where(
			'signature.confirmed_at',
			'<',
			localToUtc({ date: dayAfter, time: '00:00' }, timeZone).toISOString(),
		)
	}
	return query
}

export async function countRecipients(db: DB, segment: Segment): Promise<number> {
	const row = await segmentQuery(db, segment)
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.executeTakeFirstOrThrow()
	return Number(row.count)
}

/** The next recipients after `afterUserId`, in id order: queueing resumes where it stopped. */
export async function segmentRecipients(
	db: DB,
	segment: Segment,
	{ afterUserId = 0, limit = 1000 } = {},
): Promise<Recipient[]> {
	return segmentQuery(db, segment)
		.select(['user.id', 'user.email', 'user.name', 'user.language'])
		.where('user.id', '>', afterUserId)
		.orderBy('user.id')
		.limit(limit)
		.execute()
}

/** Past events with check-ins, newest first, for "attended a given event". */
export async function eventsWithAttendance(db: DB): Promise<Array<{ id: number; title: string; starts_at: string }>> {
	return db
		.selectFrom('event')
		.select(['event.id', 'event.title', 'event.starts_at'])
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('event_attendance')
					.select('event_attendance.id')
					.whereRef('event_attendance.event_id', '=', 'event.id'),
			),
		)
		.orderBy('event.starts_at', 'desc')
		.limit(100)
		.execute()
}
