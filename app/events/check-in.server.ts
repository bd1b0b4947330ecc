import { config } from '#app/config.server.ts'
import { recordLadderActivity } from '#app/ladder/ladder.server.ts'
import type { DB } from '#db/index.ts'
import type { Event, RsvpStatus } from '#db/schema.ts'

/**
 * Check-in at the door. Attendance is a record of who came, when, and who let them in: the
 * engagement ladder reads it (step 2, taking part in events; step 3, helping).
 */

export interface DoorListPerson {
	/** null for a walk-in without an account. */
	userId: number | null
	name: string
	status: RsvpStatus | 'helper' | 'walk-in'
	shifts: string[]
	attendanceId: number | null
	checkedInAt: string | null
}

/** Everyone expected at the door (going, helpers, then the waitlist) and walk-ins, by name. */
export async function doorList(db: DB, eventId: number): Promise<DoorListPerson[]> {
	const [rsvps, helpers, attendance] = await Promise.all([
		db
			.selectFrom('event_rsvp')
			.innerJoin('user', 'user.id', 'event_rsvp.user_id')
			.select(['user.id', 'user.name', 'event_rsvp.status'])
			.where('event_rsvp.event_id', '=', eventId)
			.where('event_rsvp.status', 'in', ['going', 'waiting'])
			.execute(),
		db
			.selectFrom('event_helper')
			.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
			.innerJoin('user', 'user.id', 'event_helper.user_id')
			.select(['user.id', 'user.name', 'event_helper_shift.title'])
			.where('event_helper_shift.event_id', '=', eventId)
			.execute(),
		db
			.selectFrom('event_attendance')
			.select(['id', 'user_id', 'name', 'walk_in', 'checked_in_at'])
			.where('event_id', '=', eventId)
			.execute(),
	])
	const people = new Map<number, DoorListPerson>()
	for (const r of rsvps)
		people.set(r.id, {
			userId: r.id,
			name: r.name,
			status: r.status,
			shifts: [],
			attendanceId: null,
			checkedInAt: null,
		})
	for (const h of helpers) {
		const person = people.get(h.id) ?? {
			userId: h.id,
			name: h.name,
			status: 'helper' as const,
			shifts: [],
			attendanceId: null,
			checkedInAt: null,
		}
		person.shifts.push(h.title)
		people.set(h.id, person)
	}
	const walkIns: DoorListPerson[] = []
	for (const a of attendance) {
		const person = a.user_id === null ? undefined : people.get(a.user_id)
		if (person) {
			person.attendanceId = a.id
			person.checkedInAt = a.checked_in_at
		} else {
			walkIns.push({
				userId: a.user_id,
				name: a.name,
				status: 'walk-in',
				shifts: [],
				attendanceId: a.id,
				checkedInAt: a.checked_in_at,
			})
		}
	}
	const order: Record<DoorListPerson['status'], number> = {
		going: 0,
		helper: 0,
		'walk-in': 0,
		waiting: 1,
		cancelled: 2,
	}
	return [...people.values(), ...walkIns].sort(
		(a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, 'sv'),
	)
}

/**
 * When the door opens: a set time before the event starts (CHECK_IN_OPENS_HOURS). Before then
 * nobody can be checked in, since a check-in counts on the engagement ladder at once.
 */
export function checkInOpensAt(event: Pick<Event, 'starts_at'>, hours = config.operators.checkInOpensHours): Date {
	return new Date(new Date(event.starts_at).getTime() - hours * 3_600_000)
}

export function checkInIsOpen(event: Pick<Event, 'starts_at'>, now = new Date()): boolean {
	return now.getTime() >= checkInOpensAt(event).getTime()
}

/**
 * Marks a person present. Twice is the same as once. The engagement ladder promotes in the same
 * transaction, so a check-in that qualifies someone for the next step does so at once.
 */
export async function checkIn(
	db: DB,
	eventId: number,
	userId: number,
	checkedInBy: number,
	now = new Date(),
): Promise<{ changed: boolean }> {
	return db.transaction().execute(async (trx) => {
		const user = await trx.selectFrom('user').select('name').where('id', '=', userId).executeTakeFirst()
		if (!user) return { changed: false }
		const result = await trx
			.insertInto('event_attendance')
			.values({
				event_id: eventId,
				user_id: userId,
				name: user.name,
				walk_in: 0,
				checked_in_at: now.toISOString(),
				checked_in_by: checkedInBy,
			})
			.onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
			.executeTakeFirst()
		const changed = Number(result.numInsertedOrUpdatedRows ?? 0) > 0
		if (changed) await recordLadderActivity(trx, userId, now)
		return { changed }
	})
}

export async function undoCheckIn(db: DB, eventId: number, attendanceId: number): Promise<{ changed: boolean }> {
	const result = await db
		.deleteFrom('event_attendance')
		.where('id', '=', attendanceId)
		.where('event_id', '=', eventId)
		.executeTakeFirst()
	return { changed: Number(result.numDeletedRows) > 0 }
}

/**
 * Someone who came without an RSVP. With the email of an existing member the visit counts on
 * their ladder; otherwise only the name is kept.
 */
export async function addWalkIn(
	db: DB,
	eventId: number,
	walkIn: { name: string; email: string | null },
	checkedInBy: number,
	now = new Date(),
): Promise<{ linkedToMember: boolean }> {
	return db.transaction().execute(async (trx) => {
		const member = walkIn.email
			? await trx.selectFrom('user').select(['id']).where('email', '=', walkIn.email).executeTakeFirst()
			: undefined
		const result = await trx
			.insertInto('event_attendance')
			.values({
				event_id: eventId,
				user_id: member?.id ?? null,
				name: walkIn.name,
				walk_in: 1,
				checked_in_at: now.toISOString(),
				checked_in_by: checkedInBy,
			})
			.onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
			.executeTakeFirst()
		if (member && Number(result.numInsertedOrUpdatedRows ?? 0) > 0) await recordLadderActivity(trx, member.id, now)
		return { linkedToMember: Boolean(member) }
	})
}
