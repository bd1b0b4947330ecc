import { userHasPermission } from '#app/auth/session.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { EventAudience } from '#db/schema.ts'

/**
 * Who may take a place at an event. Everyone may at most events; for the others, the area that
 * knows the audience's members says who belongs (for 'partners': the partners area, whether the
 * person acts for a partner with an approved agreement). That area registers its answer in
 * app/areas.server.ts, so the events area, which many areas build on, depends on none of them
 * (docs/decisions/0014-areas-and-their-seams.md). Organisers may always take a place.
 */

/** Whether this person belongs to the audience today. */
export type AudienceMembership = (db: DbHandle, userId: number, now: Date) => Promise<boolean>

const memberships = new Map<Exclude<EventAudience, 'everyone'>, AudienceMembership>()

export function defineAudience(audience: Exclude<EventAudience, 'everyone'>, membership: AudienceMembership): void {
	memberships.set(audience, membership)
}

/** Whether the person may take a place at an event for this audience. */
export async function mayJoinAudience(
	db: DB,
	audience: EventAudience,
	userId: number,
	now = new Date(),
): Promise<boolean> {
	if (audience === 'everyone') return true
	const membership = memberships.get(audience)
	if (!membership)
		throw new Error(`nothing says who belongs to the audience '${audience}': app/areas.server.ts registers it`)
	if (await userHasPermission(db, userId, 'events:organise')) return true
	return membership(db, userId, now)
}
