import { replayLadder, reevaluateAll, setStepByCoordinator } from '#app/ladder/ladder.server.ts'
import { volunteerInterests } from '#app/ladder/rules.ts'
import type { DB } from './index.ts'

/**
 * Demo content for the engagement ladder, after the people and events exist: the rules replayed
 * at the moments things happened (signing, check-ins, events ending), so the history and the
 * monthly chart look as they would have; a few steps granted by the coordinator with reasons;
 * volunteer interests. No emails. Does nothing when the ladder already has rows.
 */
export async function seedLadder(db: DB, now = new Date()): Promise<void> {
	const any = await db.selectFrom('ladder_step').select('user_id').limit(1).executeTakeFirst()
	if (any) return

	// People who held a shift at a past event came and were checked in (the events seed checks in
	// only those who signed up to attend), so helping counts towards step 3 as it would have.
	const pastHelpers = await db
		.selectFrom('event_helper')
		.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
		.innerJoin('event', 'event.id', 'event_helper_shift.event_id')
		.innerJoin('user', 'user.id', 'event_helper.user_id')
		.select(['event.id as event_id', 'event.starts_at', 'event.organiser_id', 'user.id as user_id', 'user.name'])
		.where('event.ends_at', '<=', now.toISOString())
		.where('event.status', '=', 'published')
		.execute()
	for (const h of pastHelpers) {
		await db
			.insertInto('event_attendance')
			.values({
				event_id: h.event_id,
				user_id: h.user_id,
				name: h.name,
				walk_in: 0,
				checked_in_at: h.starts_at,
				checked_in_by: h.organiser_id,
			})
			.onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
			.execute()
	}

	const [signatures, checkIns, helped] = await Promise.all([
		db.selectFrom('signature').select(['user_id', 'confirmed_at']).where('status', '=', 'confirmed').execute(),
		db.selectFrom('event_attendance').select(['user_id', 'checked_in_at']).where('user_id', 'is not', null).execute(),
		db
			.selectFrom('event_helper')
			.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
			.innerJoin('event', 'event.id', 'event_helper_shift.event_id')
			.select(['event_helper.user_id', 'event.ends_at'])
			.where('event.ends_at', '<=', now.toISOString())
			.execute(),
	])
	const moments = [
		...signatures.filter((s) => s.confirmed_at).map((s) => ({ userId: s.user_id, at: new Date(s.confirmed_at!) })),
		...checkIns.map((c) => ({ userId: c.user_id!, at: new Date(c.checked_in_at) })),
		...helped.map((h) => ({ userId: h.user_id, at: new Date(h.ends_at) })),
	].filter((m) => m.at.getTime() <= now.getTime())
	await replayLadder(db, moments)
	await reevaluateAll(db, now)

	// The coordinator sits on the board; one active member holds a regular role.
	const coordinator = await db
		.selectFrom('user')
		.innerJoin('user_role', 'user_role.user_id', 'user.id')
		.select('user.id')
		.where('user_role.role', '=', 'coordinator')
		.orderBy('user.id')
		.executeTakeFirst()
	if (!coordinator) return
	const byStep = await db
		.selectFrom('ladder_step')
		.select(['user_id', 'step'])
		.orderBy('step', 'desc')
		.orderBy('user_id')
		.execute()
	const day = 86_400_000
	const grants: Array<{ userId: number; reason: string; daysAgo: number }> = [
		{ userId: coordinator.id, reason: 'Ordförande i styrelsen sedan årsmötet', daysAgo: 200 },
	]
	const active = byStep.filter((r) => r.user_id !== coordinator.id && r.step === 3)
	if (active[0]) grants.push({ userId: active[0].user_id, reason: 'Ansvarar för klädbytena hela året', daysAgo: 40 })
	for (const grant of grants) {
		await setStepByCoordinator(
			db,
			{ userId: grant.userId, step: 4, reason: grant.reason, coordinatorId: coordinator.id },
			new Date(now.getTime() - grant.daysAgo * day),
			{ notify: false },
		)
	}

	// Roughly a third say what they would help with; the more active, the more they tick.
	const interests = byStep.flatMap((r, i) =>
		i % 3 === 0 || r.step >= 3
			? volunteerInterests
					.filter((_, k) => (i + k) % (r.step >= 3 ? 2 : 4) === 0)
					.map((interest) => ({ user_id: r.user_id, interest, created_at: now.toISOString() }))
			: [],
	)
	if (interests.length)
		await db
			.insertInto('volunteer_interest')
			.values(interests)
			.onConflict((oc) => oc.doNothing())
			.execute()
	// Demo steps have been seen: nobody is greeted with a celebration for the seed.
	await db
		.updateTable('ladder_step')
		.set((eb) => ({ seen_step: eb.ref('step') }))
		.execute()
}
