import { sql } from 'kysely'
import { localMonth } from '#app/common/time.ts'
import { eventsAttended, lastCheckIns } from '#app/events/participation.server.ts'
import type { DB } from '#db/index.ts'
import type { ActivityFilter } from './filters.ts'
import { historyOf } from './history.server.ts'
import { interestsByUser, volunteerInterestsOf, wouldHelpWith } from './interests.server.ts'
import { readLadderSettings } from './ladder.server.ts'
import {
	isVolunteerInterest,
	ladderSteps,
	windowStart,
	type LadderStep,
	type StepOrZero,
	type VolunteerInterest,
} from './rules.ts'

/** What coordinators see of the ladder: the funnel, promotions per month, the people and one person. */

/** How many confirmed signatories stand on each step (one not evaluated yet counts as step 1). */
export async function ladderFunnel(db: DB): Promise<{ step: LadderStep; people: number }[]> {
	const rows = await db
		.selectFrom('signature')
		.leftJoin('ladder_step', 'ladder_step.user_id', 'signature.user_id')
		.select((eb) => [
			eb.fn.coalesce('ladder_step.step', sql<number>`1`).as('step'),
			eb.fn.countAll<number>().as('people'),
		])
		.where('signature.status', '=', 'confirmed')
		.groupBy(sql`coalesce(ladder_step.step, 1)`)
		.execute()
	const byStep = new Map(rows.map((r) => [Number(r.step), Number(r.people)]))
	return ladderSteps.map((step) => ({ step, people: byStep.get(step) ?? 0 }))
}

export interface MonthPromotions {
	/** YYYY-MM in the deployment's time zone. */
	month: string
	byStep: Record<2 | 3 | 4, number>
	total: number
}

/** Promotions (to steps 2–4, by rule or by a coordinator) in each of the last twelve months. */
export async function promotionsByMonth(db: DB, timeZone: string, now = new Date()): Promise<MonthPromotions[]> {
	const months: string[] = []
	const thisMonth = localMonth(now, timeZone)
	let [y, m] = thisMonth.split('-').map(Number) as [number, number]
	for (let i = 0; i < 12; i += 1) {
		months.unshift(`${y}-${String(m).padStart(2, '0')}`)
		m -= 1
		if (m === 0) [y, m] = [y - 1, 12]
	}
	const since = new Date(now.getTime() - 400 * 86_400_000).toISOString()
	const rows = await db
		.selectFrom('ladder_history')
		.select(['to_step', 'changed_at'])
		.whereRef('to_step', '>', 'from_step')
		.where('to_step', '>=', 2)
		.where('changed_at', '>=', since)
		.execute()
	const result = new Map(
		months.map((month) => [month, { month, byStep: { 2: 0, 3: 0, 4: 0 }, total: 0 } as MonthPromotions]),
	)
	for (const r of rows) {
		const entry = result.get(localMonth(r.changed_at, timeZone))
		if (!entry || r.to_step < 2 || r.to_step > 4) continue
		entry.byStep[r.to_step as 2 | 3 | 4] += 1
		entry.total += 1
	}
	return [...result.values()]
}

export interface MemberFilter {
	step?: LadderStep
	district?: string
	interest?: VolunteerInterest
	activity?: ActivityFilter
}

export interface LadderMember {
	userId: number
	name: string
	email: string
	district: string | null
	livesInMunicipality: boolean
	step: LadderStep
	/** What the rules alone would give today; lower than `step` after a coordinator's raise or a threshold change. */
	ruleStep: number
	reachedAt: string | null
	lastActivity: string | null
	interests: VolunteerInterest[]
}

/**
 * Confirmed signatories with their step, filtered. Last activity is the latest of signing and
 * being checked in at an event. Filters on activity: `recent` within three months, `year` within
 * twelve, `dormant` nothing for twelve months.
 */
export async function ladderMembers(
	db: DB,
	filter: MemberFilter,
	now = new Date(),
	limit = 5000,
): Promise<LadderMember[]> {
	let query = db
		.selectFrom('signature')
		.innerJoin('user', 'user.id', 'signature.user_id')
		.leftJoin('ladder_step', 'ladder_step.user_id', 'signature.user_id')
		.select([
			'user.id',
			'user.name',
			'user.email',
			'signature.district',
			'signature.lives_in_municipality',
			'signature.confirmed_at',
			'ladder_step.step',
			'ladder_step.rule_step',
			'ladder_step.reached_at',
		])
		.where('signature.status', '=', 'confirmed')
		.orderBy('user.name')
		.limit(limit)
	if (filter.step === 1)
		query = query.where((eb) => eb.or([eb('ladder_step.step', 'is', null), eb('ladder_step.step', '=', 1)]))
	else if (filter.step) query = query.where('ladder_step.step', '=', filter.step)
	if (filter.district) query = query.where('signature.district', '=', filter.district)
	if (filter.interest) query = query.where(wouldHelpWith(filter.interest))
	const rows = await query.execute()
	const ids = rows.map((r) => r.id)
	const [interests, lastCheckIn] = await Promise.all([interestsByUser(db, ids), lastCheckIns(db, ids)])
	const day = 86_400_000
	const members = rows.map((r) => {
		const lastActivity =
			[r.confirmed_at, lastCheckIn.get(r.id) ?? null]
				.filter((v): v is string => Boolean(v))
				.sort()
				.at(-1) ?? null
		return {
			userId: r.id,
			name: r.name,
			email: r.email,
			district: r.district,
			livesInMunicipality: r.lives_in_municipality === 1,
			step: (r.step ?? 1) as LadderStep,
			ruleStep: r.rule_step ?? 1,
			reachedAt: r.reached_at,
			lastActivity,
			interests: interests.get(r.id) ?? [],
		}
	})
	if (!filter.activity) return members
	const age = (m: LadderMember) => (m.lastActivity ? now.getTime() - new Date(m.lastActivity).getTime() : Infinity)
	const within = { recent: 92 * day, year: 366 * day }
	return members.filter((m) =>
		filter.activity === 'dormant' ? age(m) > within.year : age(m) <= within[filter.activity!],
	)
}

/** One person, for the coordinators' page where a step is raised or lowered. */
export async function personForCoordinator(db: DB, userId: number, now = new Date()) {
	const person = await db
		.selectFrom('user')
		.innerJoin('signature', 'signature.user_id', 'user.id')
		.leftJoin('ladder_step', 'ladder_step.user_id', 'user.id')
		.select([
			'user.id',
			'user.name',
			'user.email',
			'signature.status',
			'signature.district',
			'signature.confirmed_at',
			'ladder_step.step',
			'ladder_step.rule_step',
			'ladder_step.reached_at',
		])
		.where('user.id', '=', userId)
		.executeTakeFirst()
	if (!person) return null
	const settings = await readLadderSettings(db)
	const [history, interests, attended, helped] = await Promise.all([
		historyOf(db, userId),
		volunteerInterestsOf(db, userId),
		eventsAttended(db, userId, now),
		eventsAttended(db, userId, now, windowStart(now, settings.helperWindowMonths)),
	])
	return {
		userId: person.id,
		name: person.name,
		email: person.email,
		district: person.district,
		confirmed: person.status === 'confirmed',
		step: (person.status === 'confirmed' ? (person.step ?? 1) : 0) as StepOrZero,
		ruleStep: person.rule_step ?? (person.status === 'confirmed' ? 1 : 0),
		reachedAt: person.reached_at,
		history,
		interests: interests.filter(isVolunteerInterest),
		attended,
		helped,
		settings,
	}
}
