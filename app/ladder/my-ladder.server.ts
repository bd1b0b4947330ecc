import {
	eventsAttended,
	joinableEvents,
	shiftsAhead,
	type JoinableEvent,
	type PastEvent,
	type ShiftAhead,
} from '#app/events/participation.server.ts'
import type { DB } from '#db/index.ts'
import type { CommitmentCategory, SignatureStatus } from '#db/schema.ts'
import { historyOf, type HistoryEntry } from './history.server.ts'
import { volunteerInterestsOf } from './interests.server.ts'
import { evaluateLadder, readLadderSettings } from './ladder.server.ts'
import {
	eventTypesForCategory,
	eventTypesForEveryone,
	isVolunteerInterest,
	planningEventTypes,
	windowStart,
	type LadderSettings,
	type StepOrZero,
	type VolunteerInterest,
} from './rules.ts'

/** A person's own ladder: where they stand, what got them there, and one concrete next step. */

export interface SuggestedEvent extends JoinableEvent {
	/** The commitment category the event fits, when it was chosen for that. */
	fits: CommitmentCategory | null
}

export type SuggestedShift = ShiftAhead

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

/** Events ahead a person could still sign up for, soonest first, as the events area lists them. */
async function upcomingEvents(db: DB, userId: number, now: Date, types?: string[]): Promise<SuggestedEvent[]> {
	return (await joinableEvents(db, userId, now, types)).map((e) => ({ ...e, fits: null }))
}

/** Helper shifts ahead: the person's own, and those with a free place. */
async function upcomingShifts(
	db: DB,
	userId: number,
	now: Date,
): Promise<{ mine: SuggestedShift[]; open: SuggestedShift[] }> {
	const shifts = await shiftsAhead(db, userId, now)
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
export async function nextStepFor(
	db: DB,
	userId: number,
	step: StepOrZero,
	signatureStatus: SignatureStatus | null,
	now = new Date(),
): Promise<NextStep> {
	if (step === 0) return signatureStatus === 'pending' ? { kind: 'confirm' } : { kind: 'sign' }
	if (step === 1) {
		const [events, categories] = await Promise.all([
			upcomingEvents(db, userId, now),
			commitmentCategoriesOf(db, userId),
		])
		const going = events.filter((e) => e.going).slice(0, 3)
		const fitting = (e: SuggestedEvent): CommitmentCategory | null =>
			categories.find((c) => eventTypesForCategory[c].includes(e.type)) ?? null
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
		eventsAttended(db, userId, now),
		eventsAttended(db, userId, now, windowStart(now, settings.helperWindowMonths)),
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

/** The person's step after catching up with the rules: for the small card on "My pledge". */
export async function currentLadderStep(db: DB, userId: number, now = new Date()): Promise<StepOrZero> {
	await evaluateLadder(db, userId, now)
	const [row, signature] = await Promise.all([
		db.selectFrom('ladder_step').select('step').where('user_id', '=', userId).executeTakeFirst(),
		db.selectFrom('signature').select('status').where('user_id', '=', userId).executeTakeFirst(),
	])
	return (signature?.status === 'confirmed' ? (row?.step ?? 1) : 0) as StepOrZero
}

/**
 * The home page's card for a signed-in person: the step they stand on and one next step, read as
 * stored (the ladder's own page catches up with the rules; the home page only reads).
 */
export async function stepAndNextStep(
	db: DB,
	userId: number,
	now = new Date(),
): Promise<{ step: StepOrZero; signatureStatus: SignatureStatus | null; next: NextStep }> {
	const [row, signature] = await Promise.all([
		db.selectFrom('ladder_step').select('step').where('user_id', '=', userId).executeTakeFirst(),
		db.selectFrom('signature').select('status').where('user_id', '=', userId).executeTakeFirst(),
	])
	const signatureStatus = signature?.status ?? null
	const step = (signatureStatus === 'confirmed' ? (row?.step ?? 1) : 0) as StepOrZero
	return { step, signatureStatus, next: await nextStepFor(db, userId, step, signatureStatus, now) }
}
