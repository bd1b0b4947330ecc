import { makeEvent, makeUser } from '#tests/support/events.ts'
import { takeHelperShift } from '#app/events/rsvp.server.ts'
import { confirmSignature, signPledge } from '#app/pledge/pledge.server.ts'
import { signInput } from '#tests/support/pledge.ts'
import type { DB } from '#db/index.ts'
import type { Event } from '#db/schema.ts'
import { recordLadderActivity } from '#app/ladder/ladder.server.ts'

/** Helpers for the ladder's tests: people and facts made through the same functions the app uses. */

export const DAY = 86_400_000

/** A person with a confirmed signature (and the welcome email that comes with it). */
export async function signedPerson(db: DB, now = new Date(), overrides: Parameters<typeof signInput>[0] = {}) {
	const input = signInput(overrides)
	await signPledge(db, input, { language: 'sv', now: new Date(now.getTime() - 60_000) })
	const confirmed = await confirmSignature(db, input.email, now)
	if (!confirmed) throw new Error('could not confirm the test signature')
	return { userId: confirmed.userId, email: input.email.toLowerCase(), name: input.name }
}

let organiserId: number | undefined

export async function organiser(db: DB): Promise<number> {
	organiserId ??= (await makeUser(db, { role: 'organiser', name: 'Olle Organisatör' })).id
	return organiserId
}

/** A published event starting at `startsAt`, two hours long, with one helper shift of `needed`. */
export async function eventAt(
	db: DB,
	startsAt: Date,
	{ needed = 3, type = 'climate-fika' as const, title = 'Klimatfika' } = {},
): Promise<Event & { shiftId: number }> {
	const event = await makeEvent(db, await organiser(db), startsAt, {
		type,
		title,
		shifts: [{ id: null, title: 'Duka fram fikat', needed }],
	})
	const shift = await db
		.selectFrom('event_helper_shift')
		.select('id')
		.where('event_id', '=', event.id)
		.executeTakeFirstOrThrow()
	return { ...event, shiftId: shift.id }
}

/**
 * A check-in as the events area records it once the ladder's hook is wired: the attendance row
 * (the same insert as checkIn in app/events/check-in.server.ts) and the ladder's evaluation in
 * one transaction. Written out here so the ladder's tests do not depend on whether it is wired.
 */
export async function checkInWithLadder(db: DB, eventId: number, userId: number, now: Date) {
	const by = await organiser(db)
	return db.transaction().execute(async (trx) => {
		const user = await trx.selectFrom('user').select('name').where('id', '=', userId).executeTakeFirstOrThrow()
		const result = await trx
			.insertInto('event_attendance')
			.values({
				event_id: eventId,
				user_id: userId,
				name: user.name,
				walk_in: 0,
				checked_in_at: now.toISOString(),
				checked_in_by: by,
			})
			.onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
			.executeTakeFirst()
		const changed = Number(result.numInsertedOrUpdatedRows ?? 0) > 0
		const promotion = changed ? await recordLadderActivity(trx, userId, now) : null
		return { changed, promotion }
	})
}

/** Takes a shift (the day before) and is checked in at the event's start: a shift that will count once the event ends. */
export async function helpAt(db: DB, event: Event & { shiftId: number }, userId: number) {
	const start = new Date(event.starts_at)
	const taken = await takeHelperShift(db, event.shiftId, userId, new Date(start.getTime() - DAY))
	if (taken.kind !== 'taken') throw new Error(`could not take the shift: ${taken.kind}`)
	return checkInWithLadder(db, event.id, userId, start)
}

export async function ladderRow(db: DB, userId: number) {
	return db.selectFrom('ladder_step').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

export async function historyRows(db: DB, userId: number) {
	return db.selectFrom('ladder_history').selectAll().where('user_id', '=', userId).orderBy('id').execute()
}

export async function levelUpMails(db: DB, address: string) {
	return db
		.selectFrom('outbox')
		.selectAll()
		.where('to_address', '=', address)
		.where('idempotency_key', 'like', 'ladder-level-up:%')
		.orderBy('id')
		.execute()
}
