import { userHasPermission } from '#app/auth/session.server.ts'
import type { DB } from '#db/index.ts'
import type { Event } from '#db/schema.ts'

/**
 * Events belong to their organisers (issue 12): an organiser manages the events they made and
 * those whose organiser added them as co-organiser; coordinators (events:manage-all) manage all.
 * Only the event's organiser, or a coordinator, adds and removes co-organisers.
 */

export const MANAGE_ALL_EVENTS = 'events:manage-all'

export async function managesEvent(
	db: DB,
	userId: number,
	event: Pick<Event, 'id' | 'organiser_id'>,
): Promise<boolean> {
	if (event.organiser_id === userId) return true
	const co = await db
		.selectFrom('event_co_organiser')
		.select('user_id')
		.where('event_id', '=', event.id)
		.where('user_id', '=', userId)
		.executeTakeFirst()
	return co !== undefined || (await userHasPermission(db, userId, MANAGE_ALL_EVENTS))
}

export async function mayChooseCoOrganisers(
	db: DB,
	userId: number,
	event: Pick<Event, 'organiser_id'>,
): Promise<boolean> {
	return event.organiser_id === userId || (await userHasPermission(db, userId, MANAGE_ALL_EVENTS))
}

/** The events a person manages, for the organisers' list: null means every event (a coordinator). */
export async function managedEventIds(db: DB, userId: number): Promise<number[] | null> {
	if (await userHasPermission(db, userId, MANAGE_ALL_EVENTS)) return null
	const [own, shared] = await Promise.all([
		db.selectFrom('event').select('id').where('organiser_id', '=', userId).execute(),
		db.selectFrom('event_co_organiser').select('event_id as id').where('user_id', '=', userId).execute(),
	])
	return [...own, ...shared].map((row) => row.id)
}

export interface CoOrganiser {
	userId: number
	name: string
	email: string
}

export async function coOrganisers(db: DB, eventId: number): Promise<CoOrganiser[]> {
	return db
		.selectFrom('event_co_organiser')
		.innerJoin('user', 'user.id', 'event_co_organiser.user_id')
		.select(['user.id as userId', 'user.name', 'user.email'])
		.where('event_co_organiser.event_id', '=', eventId)
		.orderBy('user.name')
		.execute()
}

export type AddCoOrganiserOutcome =
	{ kind: 'added'; name: string } | { kind: 'not-an-organiser' } | { kind: 'is-organiser' }

/** Adds, by email address, someone who may organise events; adding them twice is the same as once. */
export async function addCoOrganiser(
	db: DB,
	event: Pick<Event, 'id' | 'organiser_id'>,
	email: string,
	addedBy: number,
	now = new Date(),
): Promise<AddCoOrganiserOutcome> {
	const person = await db
		.selectFrom('user')
		.select(['id', 'name'])
		.where('email', '=', email.trim().toLowerCase())
		.executeTakeFirst()
	if (!person || !(await userHasPermission(db, person.id, 'events:organise'))) return { kind: 'not-an-organiser' }
	if (person.id === event.organiser_id) return { kind: 'is-organiser' }
	await db
		.insertInto('event_co_organiser')
		.values({ event_id: event.id, user_id: person.id, added_by: addedBy, added_at: now.toISOString() })
		.onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
		.execute()
	return { kind: 'added', name: person.name }
}

export async function removeCoOrganiser(db: DB, eventId: number, userId: number): Promise<boolean> {
	const result = await db
		.deleteFrom('event_co_organiser')
		.where('event_id', '=', eventId)
		.where('user_id', '=', userId)
		.executeTakeFirst()
	return Number(result.numDeletedRows) > 0
}
