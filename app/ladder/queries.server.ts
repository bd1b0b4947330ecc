import { sql } from 'kysely'
import { localMonth } from '#app/common/time.ts'
import type { DB } from '#db/index.ts'
import type { CommitmentCategory, LadderRule, LadderSource, SignatureStatus } from '#db/schema.ts'
import type { ActivityFilter } from './filters.ts'
import { evaluateLadder, readLadderSettings, volunteerInterestsOf } from './ladder.server.ts'
import {
	eventTypesForCategory,
	eventTypesForEveryone,
	isVolunteerInterest,
	ladderSteps,
	planningEventTypes,
	windowStart,
	type LadderSettings,
	type LadderStep,
	type StepOrZero,
	type VolunteerInterest,
} from './rules.ts'

/** What the ladder's pages read: a person's own ladder, the coordinators' overview, the volunteers. */

// ---------------------------------------------------------------------------------------------
// My ladder

export interface HistoryEntry {
	id: number
	from: number
	to: number
	source: LadderSource
	rule: LadderRule | null
	reason: string | null
	changedAt: string
	changedBy: string | null
	event: { slug: string; title: string } | null
}

export interface PastEvent {
	slug: string
	title: string
	startsAt: string
}

export interface SuggestedEvent {
	slug: string
	title: string
	type: string
	startsAt: string
	endsAt: string
	place: string | null
	going: boolean
	/** The commitment category the event fits, when it was chosen for that. */
	fits: CommitmentCategory | null
	placesLeft: number | null
}

export interface SuggestedShift {
	shiftId: number
	title: string
	needed: number
	taken: number
	mine: boolean
	event: { slug: string; title: string; startsAt: string; endsAt: string; place: string | null }
}

export type NextStep =
	| { kind: 'sign' }
	| { kind: 'confirm' }
	| { kind: 'event'; going: SuggestedEvent[]; events: SuggestedEvent[] }
	| { kind: 'help'; mine: SuggestedShift[]; shifts: SuggestedShift[] }
	| { kind: 'plan'; planning: SuggestedEvent[]; shifts: SuggestedShift[] }
	| { kind: 'top'; shifts: SuggestedShift[] }

export interface MyLadder {
	step: StepOrZero
	ruleStep: number
	reachedAt: string | null
	signatureStatus: SignatureStatus | null
	settings: LadderSettings
	attended: PastEvent[]
	helped: PastEvent[]
	history: HistoryEntry[]
	next: NextStep
	interests: VolunteerInterest[]
	levelUpEmails: boolean
	newStep: boolean
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
		event: r.event_slug && r.event_title ? { slug: r.event_slug, title: r.event_title } : null,
	}))
}

/** The events a person was checked in at, newest first; with `helpedSince`, only those they helped at. */
async function pastEvents(db: DB, userId: number, now: Date, helpedSince?: Date): Promise<PastEvent[]> {
	let query = db
		.selectFrom('event_attendance')
		.innerJoin('event', 'event.id', 'event_attendance.event_id')
		.select(['event.slug', 'event.title', 'event.starts_at'])
		.where('event_attendance.user_id', '=', userId)
		.orderBy('event.starts_at', 'desc')
		.limit(50)
	if (helpedSince) {
		query = query
			.where('event.ends_at', '<=', now.toISOString())
			.where('event.ends_at', '>', helpedSince.toISOString())
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('event_helper')
						.innerJoin('event_helper_shift', 'event_helper_shift.id', 'event_helper.shift_id')
						.select('event_helper.id')
						.whereRef('event_helper_shift.event_id', '=', 'event.id')
						.where('event_helper.user_id', '=', userId),
				),
			)
	}
	const rows = await query.execute()
	return rows.map((r) => ({ slug: r.slug, title: r.title, startsAt: r.starts_at }))
}

/** Published events ahead that a person could still sign up for, soonest first. */
async function upcomingEvents(db: DB, userId: number, now: Date, types?: string[]): Promise<SuggestedEvent[]> {
	const nowIso = now.toISOString()
	let query = db
		.selectFrom('event')
		.select((eb) => [
			'event.slug',
			'event.title',
			'event.type',
			'event.starts_at',
			'event.ends_at',
			'event.place',
			'event.capacity',
			eb
				.selectFrom('event_rsvp')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('event_rsvp.event_id', '=', 'event.id')
				.where('event_rsvp.status', '=', 'going')
				.as('going_count'),
			eb
				.selectFrom('event_rsvp')
				.select('event_rsvp.id')
				.whereRef('event_rsvp.event_id', '=', 'event.id')
				.where('event_rsvp.user_id', '=', userId)
				.where('event_rsvp.status', '=', 'going')
				.as('my_rsvp'),
		])
		.where('event.status', '=', 'published')
		.where('event.published_at', 'is not', null)
		.where('event.starts_at', '>', nowIso)
		.where((eb) => eb.or([eb('event.rsvp_closes_at', 'is', null), eb('event.rsvp_closes_at', '>', nowIso)]))
		.orderBy('event.starts_at', 'asc')
		.limit(60)
	if (types) query = query.where('event.type', 'in', types.length ? types : ['-'])
	const rows = await query.execute()
	return rows.map((r) => ({
		slug: r.slug,
		title: r.title,
		type: r.type,
		startsAt: r.starts_at,
		endsAt: r.ends_at,
		place: r.place,
		going: r.my_rsvp !== null,
		fits: null,
		placesLeft: r.capacity === null ? null : Math.max(0, r.capacity - Number(r.going_count ?? 0)),
	}))
}

/** Helper shifts at published events ahead: the person's own, and those with a free place. */
async function upcomingShifts(db: DB, userId: number, now: Date): Promise<{ mine: SuggestedShift[]; open: SuggestedShift[] }> {
	const rows = await db
		.selectFrom('event_helper_shift')
		.innerJoin('event', 'event.id', 'event_helper_shift.event_id')
		.select((eb) => [
			'event_helper_shift.id',
			'event_helper_shift.title',
			'event_helper_shift.needed',
			'event.slug',
			'event.title as event_title',
			'event.starts_at',
			'event.ends_at',
			'event.place',
			eb
				.selectFrom('event_helper')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('event_helper.shift_id', '=', 'event_helper_shift.id')
				.as('taken'),
			eb
				.selectFrom('event_helper')
				.select('event_helper.id')
				.whereRef('event_helper.shift_id', '=', 'event_helper_shift.id')
				.where('event_helper.user_id', '=', userId)
				.as('my_place'),
		])
		.where('event.status', '=', 'published')
		.where('event.published_at', 'is not', null)
		.where('event.starts_at', '>', now.toISOString())
		.orderBy('event.starts_at', 'asc')
		.orderBy('event_helper_shift.sort_order', 'asc')
		.limit(100)
		.execute()
	const shifts = rows.map((r) => ({
		shiftId: r.id,
		title: r.title,
		needed: r.needed,
		taken: Number(r.taken ?? 0),
		mine: r.my_place !== null,
		event: { slug: r.slug, title: r.event_title, startsAt: r.starts_at, endsAt: r.ends_at, place: r.place },
	}))
	// One open shift per event: three suggestions should be three chances, not one event thrice.
	const seen = new Set<string>()
	const open = shifts.filter((s) => {
		if (s.mine || s.taken >= s.needed || seen.has(s.event.slug)) return false
		seen.add(s.event.slug)
		return true
	})
	return { mine: shifts.filter((s) => s.mine), open }
}

async function commitmentCategoriesOf(db: DB, userId: number): Promise<CommitmentCategory[]> {
	const rows = await db
		.selectFrom('pledge_commitment')
		.innerJoin('signature', 'signature.id', 'pledge_commitment.signature_id')
		.innerJoin('commitment', 'commitment.id', 'pledge_commitment.commitment_id')
		.select('commitment.category')
		.where('signature.user_id', '=', userId)
		.distinct()
		.execute()
	return rows.map((r) => r.category)
}

/**
 * One concrete next step for a person on a given step. Step 1: events ahead that fit the
 * person's commitments (by event type), else the soonest. Step 2: helper shifts with a free
 * place, soonest first. Step 3: the pact's planning meetings (theme kick-offs) and shifts. Lists
 * can be empty: the page then says how to get in touch instead of inventing something.
 */
export async function nextStepFor(db: DB, userId: number, step: StepOrZero, signatureStatus: SignatureStatus | null, now = new Date()): Promise<NextStep> {
	if (step === 0) return signatureStatus === 'pending' ? { kind: 'confirm' } : { kind: 'sign' }
	if (step === 1) {
		const [events, categories] = await Promise.all([upcomingEvents(db, userId, now), commitmentCategoriesOf(db, userId)])
		const going = events.filter((e) => e.going).slice(0, 3)
		const fitting = (e: SuggestedEvent): CommitmentCategory | null => categories.find((c) => eventTypesForCategory[c].includes(e.type)) ?? null
		const candidates = events
			.filter((e) => !e.going && e.placesLeft !== 0)
			.map((e) => ({ ...e, fits: fitting(e) }))
			// Events that fit a commitment first, then those for everyone, each soonest first.
			.sort((a, b) => rank(a) - rank(b) || a.startsAt.localeCompare(b.startsAt))
		return { kind: 'event', going, events: candidates.slice(0, 3) }
	}
	const shifts = await upcomingShifts(db, userId, now)
	if (step === 2) return { kind: 'help', mine: shifts.mine.slice(0, 3), shifts: shifts.open.slice(0, 3) }
	if (step === 3) {
		const planning = await upcomingEvents(db, userId, now, planningEventTypes)
		return { kind: 'plan', planning: planning.slice(0, 2), shifts: shifts.open.slice(0, 2) }
	}
	return { kind: 'top', shifts: shifts.open.slice(0, 2) }
}

function rank(e: SuggestedEvent): number {
	return e.fits ? 0 : eventTypesForEveryone.includes(e.type) ? 1 : 2
}

export async function myLadder(db: DB, userId: number, now = new Date()): Promise<MyLadder> {
	const [settings, row, signature, user, interests, history] = await Promise.all([
		readLadderSettings(db),
		db.selectFrom('ladder_step').selectAll().where('user_id', '=', userId).executeTakeFirst(),
		db.selectFrom('signature').select('status').where('user_id', '=', userId).executeTakeFirst(),
		db.selectFrom('user').select('level_up_emails').where('id', '=', userId).executeTakeFirstOrThrow(),
		volunteerInterestsOf(db, userId),
		historyOf(db, userId),
	])
	const signatureStatus = signature?.status ?? null
	// A withdrawn signature takes the person off the ladder's pages; the row and history stay.
	const step = (signatureStatus === 'confirmed' ? (row?.step ?? 1) : 0) as StepOrZero
	const [attended, helped, next] = await Promise.all([
		pastEvents(db, userId, now),
		pastEvents(db, userId, now, windowStart(now, settings.helperWindowMonths)),
		nextStepFor(db, userId, step, signatureStatus, now),
	])
	return {
		step,
		ruleStep: row?.rule_step ?? 0,
		reachedAt: row?.reached_at ?? null,
		signatureStatus,
		settings,
		attended,
		helped,
		history,
		next,
		interests: interests.filter(isVolunteerInterest),
		levelUpEmails: user.level_up_emails === 1,
		newStep: row ? row.seen_step < row.step : false,
	}
}

// ---------------------------------------------------------------------------------------------
// Coordinators

/** How many confirmed signatories stand on each step (one not evaluated yet counts as step 1). */
export async function ladderFunnel(db: DB): Promise<{ step: LadderStep; people: number }[]> {
	const rows = await db
		.selectFrom('signature')
		.leftJoin('ladder_step', 'ladder_step.user_id', 'signature.user_id')
		.select((eb) => [eb.fn.coalesce('ladder_step.step', sql<number>`1`).as('step'), eb.fn.countAll<number>().as('people')])
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
	const result = new Map(months.map((month) => [month, { month, byStep: { 2: 0, 3: 0, 4: 0 }, total: 0 } as MonthPromotions]))
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
export async function ladderMembers(db: DB, filter: MemberFilter, now = new Date(), limit = 5000): Promise<LadderMember[]> {
	let query = db
		.selectFrom('signature')
		.innerJoin('user', 'user.id', 'signature.user_id')
		.leftJoin('ladder_step', 'ladder_step.user_id', 'signature.user_id')
		.select((eb) => [
			'user.id',
			'user.name',
			'user.email',
			'signature.district',
			'signature.lives_in_municipality',
			'signature.confirmed_at',
			'ladder_step.step',
			'ladder_step.rule_step',
			'ladder_step.reached_at',
			eb
				.selectFrom('event_attendance')
				.select((e) => e.fn.max('event_attendance.checked_in_at').as('last'))
				.whereRef('event_attendance.user_id', '=', 'user.id')
				.as('last_check_in'),
		])
		.where('signature.status', '=', 'confirmed')
		.orderBy('user.name')
		.limit(limit)
	if (filter.step === 1) query = query.where((eb) => eb.or([eb('ladder_step.step', 'is', null), eb('ladder_step.step', '=', 1)]))
	else if (filter.step) query = query.where('ladder_step.step', '=', filter.step)
	if (filter.district) query = query.where('signature.district', '=', filter.district)
	if (filter.interest) {
		const interest = filter.interest
		query = query.where((eb) =>
			eb.exists(eb.selectFrom('volunteer_interest').select('volunteer_interest.user_id').whereRef('volunteer_interest.user_id', '=', 'user.id').where('volunteer_interest.interest', '=', interest)),
		)
	}
	const rows = await query.execute()
	const interests = await interestsByUser(db, rows.map((r) => r.id))
	const day = 86_400_000
	const members = rows.map((r) => {
		const lastActivity = [r.confirmed_at, r.last_check_in as string | null].filter((v): v is string => Boolean(v)).sort().at(-1) ?? null
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
	return members.filter((m) => (filter.activity === 'dormant' ? age(m) > within.year : age(m) <= within[filter.activity!]))
}

async function interestsByUser(db: DB, userIds: number[]): Promise<Map<number, VolunteerInterest[]>> {
	const map = new Map<number, VolunteerInterest[]>()
	// In chunks: SQLite limits the number of bound parameters.
	for (let i = 0; i < userIds.length; i += 500) {
		const rows = await db
			.selectFrom('volunteer_interest')
			.select(['user_id', 'interest'])
			.where('user_id', 'in', userIds.slice(i, i + 500))
			.execute()
		for (const r of rows) if (isVolunteerInterest(r.interest)) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.interest])
	}
	return map
}

export async function ladderDistricts(db: DB): Promise<string[]> {
	const rows = await db.selectFrom('signature').select('district').distinct().where('status', '=', 'confirmed').where('district', 'is not', null).orderBy('district').execute()
	return rows.map((r) => r.district!).filter(Boolean)
}

/** One person, for the coordinators' page where a step is raised or lowered. */
export async function personForCoordinator(db: DB, userId: number, now = new Date()) {
	const person = await db
		.selectFrom('user')
		.innerJoin('signature', 'signature.user_id', 'user.id')
		.leftJoin('ladder_step', 'ladder_step.user_id', 'user.id')
		.select(['user.id', 'user.name', 'user.email', 'signature.status', 'signature.district', 'signature.confirmed_at', 'ladder_step.step', 'ladder_step.rule_step', 'ladder_step.reached_at'])
		.where('user.id', '=', userId)
		.executeTakeFirst()
	if (!person) return null
	const settings = await readLadderSettings(db)
	const [history, interests, attended, helped] = await Promise.all([
		historyOf(db, userId),
		volunteerInterestsOf(db, userId),
		pastEvents(db, userId, now),
		pastEvents(db, userId, now, windowStart(now, settings.helperWindowMonths)),
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

// ---------------------------------------------------------------------------------------------
// Organisers: whom to ask

export interface Volunteer {
	userId: number
	name: string
	email: string
	district: string | null
	step: LadderStep
	interests: VolunteerInterest[]
}

/** Signatories who said what they would help with; organisers see them to know whom to ask. */
export async function volunteers(db: DB, interest?: VolunteerInterest): Promise<Volunteer[]> {
	let query = db
		.selectFrom('user')
		.innerJoin('signature', 'signature.user_id', 'user.id')
		.leftJoin('ladder_step', 'ladder_step.user_id', 'user.id')
		.select(['user.id', 'user.name', 'user.email', 'signature.district', 'ladder_step.step'])
		.where('signature.status', '=', 'confirmed')
		.where((eb) => eb.exists(eb.selectFrom('volunteer_interest').select('volunteer_interest.user_id').whereRef('volunteer_interest.user_id', '=', 'user.id')))
		.orderBy('ladder_step.step', 'desc')
		.orderBy('user.name')
		.limit(2000)
	if (interest) {
		query = query.where((eb) =>
			eb.exists(eb.selectFrom('volunteer_interest').select('volunteer_interest.user_id').whereRef('volunteer_interest.user_id', '=', 'user.id').where('volunteer_interest.interest', '=', interest)),
		)
	}
	const rows = await query.execute()
	const interests = await interestsByUser(db, rows.map((r) => r.id))
	return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, district: r.district, step: (r.step ?? 1) as LadderStep, interests: interests.get(r.id) ?? [] }))
}

/** The person's step after catching up with the rules: for the small card on "My pledge". */
export async function currentLadderStep(db: DB, userId: number, now = new Date()): Promise<StepOrZero> {
	await evaluateLadder(db, userId, now)
	const [row, signature] = await Promise.all([
		db.selectFrom('ladder_step').select('step').where('user_id', '=', userId).executeTakeFirst(),
		db.selectFrom('signature').select('status').where('user_id', '=', userId).executeTakeFirst(),
	])
	return (signature?.status === 'confirmed' ? (row?.step ?? 1) : 0) as StepOrZero
}
