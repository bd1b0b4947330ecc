import type { Selectable, Transaction } from 'kysely'
import { setEmailSettings } from '#app/common/email-preferences.server.ts'
import {
	eventsCheckedIn,
	eventsHelpedAt,
	lastEventCheckedIn,
	lastEventHelpedAt,
} from '#app/events/participation.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import { lockKeys } from '#db/locks.ts'
import type { Database, LadderRule, LadderStepTable } from '#db/schema.ts'
import { queueLevelUpInTransaction, sendPendingLevelUpEmails } from './level-up.server.tsx'
import {
	defaultLadderSettings,
	isLadderStep,
	ruleFor,
	ruleStep,
	settingNames,
	shouldPromote,
	windowStart,
	type LadderFacts,
	type LadderSettings,
	type LadderStep,
	type StepOrZero,
} from './rules.ts'

/**
 * The engagement ladder: where each person stands, computed from what they actually did.
 * 1 = confirmed signature; 2 = checked in at events; 3 = helper shifts done at events in the last
 * months (a shift is done when the person held it at an event that has ended AND was checked in
 * there); 4 = granted by a coordinator. Rules only ever promote; a coordinator can raise or lower,
 * with a reason. Every change is a history row.
 *
 * Promotion is immediate where the fact is recorded (recordLadderActivity, in the check-in's
 * transaction) and lazy everywhere else (a person's page, the coordinators' view, and
 * reevaluateAll from the worker), because "the event has ended" is a fact no one records.
 */

// ---------------------------------------------------------------------------------------------
// Settings

export async function readLadderSettings(db: DbHandle): Promise<LadderSettings> {
	const rows = await db.selectFrom('ladder_setting').select(['name', 'value']).execute()
	const byName = new Map(rows.map((r) => [r.name, r.value]))
	const settings = { ...defaultLadderSettings }
	for (const key of Object.keys(settingNames) as Array<keyof LadderSettings>) {
		const value = byName.get(settingNames[key])
		if (typeof value === 'number' && value >= 1) settings[key] = value
	}
	return settings
}

/**
 * Changes the thresholds and re-evaluates everyone in the same transaction: a lower threshold
 * promotes at once; a higher one lowers nobody (the coordinators' list shows who the rules no
 * longer carry). Congratulations go out after the commit.
 */
export async function updateLadderSettings(
	db: DB,
	settings: LadderSettings,
	coordinatorId: number,
	now = new Date(),
): Promise<{ promoted: number }> {
	const promoted = await db.transaction().execute(async (trx) => {
		for (const key of Object.keys(settingNames) as Array<keyof LadderSettings>) {
			await trx
				.updateTable('ladder_setting')
				.set({ value: settings[key], updated_at: now.toISOString(), updated_by: coordinatorId })
				.where('name', '=', settingNames[key])
				.execute()
		}
		return evaluateMany(trx, null, { now, rule: 'thresholds', emails: 'later' })
	})
	await sendPendingLevelUpEmails(db, now)
	return { promoted: promoted.length }
}

// ---------------------------------------------------------------------------------------------
// Facts and rules

interface PersonFacts extends LadderFacts {
	userId: number
	/** The person's ladder row as it stands, read with the facts. */
	current?: Selectable<LadderStepTable>
}

/** The facts for some people (or everyone with a signature or a ladder row) and their ladder rows, in four queries. */
async function factsFor(
	db: DbHandle,
	userIds: number[] | null,
	settings: LadderSettings,
	now: Date,
): Promise<Map<number, PersonFacts>> {
	const since = windowStart(now, settings.helperWindowMonths)
	let signatures = db.selectFrom('signature').select(['user_id', 'status'])
	let rows = db.selectFrom('ladder_step').selectAll()
	if (userIds) {
		if (userIds.length === 0) return new Map()
		signatures = signatures.where('user_id', 'in', userIds)
		rows = rows.where('user_id', 'in', userIds)
	}
	// Check-ins and helping are the events area's records: asked for, not read from its tables.
	const [signatureRows, attendedRows, helpedRows, ladderRows] = await Promise.all([
		signatures.execute(),
		eventsCheckedIn(db, userIds),
		eventsHelpedAt(db, userIds, { since, now }),
		rows.execute(),
	])
	const facts = new Map<number, PersonFacts>()
	const person = (userId: number) => {
		let f = facts.get(userId)
		if (!f) facts.set(userId, (f = { userId, confirmed: false, attended: 0, helped: 0 }))
		return f
	}
	for (const s of signatureRows) person(s.user_id).confirmed = s.status === 'confirmed'
	for (const r of ladderRows) person(r.user_id).current = r
	for (const a of attendedRows) if (facts.has(a.userId)) person(a.userId).attended = a.events
	for (const h of helpedRows) if (facts.has(h.userId)) person(h.userId).helped = h.events
	return facts
}

/** The event whose check-in tipped a promotion, for "what got me there". */
async function tippingEvent(db: DbHandle, userId: number, rule: LadderRule, now: Date): Promise<number | null> {
	if (rule === 'attendance') return lastEventCheckedIn(db, userId)
	if (rule === 'helping') return lastEventHelpedAt(db, userId, now)
	return null
}

export interface Promotion {
	userId: number
	from: StepOrZero
	to: LadderStep
}

interface EvaluateOptions {
	now: Date
	/** 'thresholds' when a settings change caused the evaluation. */
	rule?: 'thresholds'
	/** 'now' renders and queues the congratulation in this transaction; 'later' leaves it owed; 'never' (demo content) sends none. */
	emails: 'now' | 'later' | 'never'
}

/** Applies the rules to one person's facts inside a transaction; returns the promotion, if any. */
async function applyRules(
	trx: DbHandle,
	facts: PersonFacts,
	settings: LadderSettings,
	options: EvaluateOptions,
	current: Selectable<LadderStepTable> | undefined,
): Promise<Promotion | null> {
	const { now } = options
	const nowIso = now.toISOString()
	const earned = ruleStep(facts, settings)
	const before = current
		? {
				step: current.step,
				ruleStep: current.rule_step,
				attended: current.attended_count,
				helped: current.helped_count,
			}
		: { step: 0, ruleStep: 0, attended: 0, helped: 0 }
	if (!shouldPromote(before, earned, facts)) {
		// Nothing to promote: remember what the rules saw, so a later promotion needs news.
		if (
			current &&
			(current.rule_step !== earned ||
				current.attended_count !== facts.attended ||
				current.helped_count !== facts.helped)
		) {
			await trx
				.updateTable('ladder_step')
				.set({ rule_step: earned, attended_count: facts.attended, helped_count: facts.helped, evaluated_at: nowIso })
				.where('user_id', '=', facts.userId)
				.execute()
		}
		return null
	}
	const to = earned as LadderStep
	const from = before.step as StepOrZero
	if (current) {
		// The guard on the old step makes a lost race a no-op rather than a second promotion.
		const updated = await trx
			.updateTable('ladder_step')
			.set({
				step: to,
				rule_step: earned,
				attended_count: facts.attended,
				helped_count: facts.helped,
				reached_at: nowIso,
				evaluated_at: nowIso,
			})
			.where('user_id', '=', facts.userId)
			.where('step', '=', current.step)
			.executeTakeFirst()
		if (Number(updated.numUpdatedRows) === 0) return null
	} else {
		const inserted = await trx
			.insertInto('ladder_step')
			.values({
				user_id: facts.userId,
				step: to,
				rule_step: earned,
				attended_count: facts.attended,
				helped_count: facts.helped,
				reached_at: nowIso,
				evaluated_at: nowIso,
			})
			.onConflict((oc) => oc.column('user_id').doNothing())
			.executeTakeFirst()
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null
	}
	const user = await trx
		.selectFrom('user')
		.select('level_up_emails')
		.where('id', '=', facts.userId)
		.executeTakeFirstOrThrow()
	let topHistoryId = 0
	// One row per step climbed, so the history reads as a staircase; only the top one is congratulated.
	for (let step = from + 1; step <= to; step += 1) {
		const rule: LadderRule = options.rule === 'thresholds' && step >= 2 ? 'thresholds' : ruleFor(step as LadderStep)
		const top = step === to
		const row = await trx
			.insertInto('ladder_history')
			.values({
				user_id: facts.userId,
				from_step: step - 1,
				to_step: step,
				source: 'rule',
				rule,
				reason: null,
				event_id: top ? await tippingEvent(trx, facts.userId, ruleFor(step as LadderStep), now) : null,
				changed_by: null,
				changed_at: nowIso,
				email: top && step >= 2 && user.level_up_emails && options.emails !== 'never' ? 'pending' : 'none',
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		if (top) topHistoryId = row.id
	}
	if (options.emails === 'now' && topHistoryId) await queueLevelUpInTransaction(trx, topHistoryId, now)
	return { userId: facts.userId, from, to }
}

/** Applies the rules to some people (null: everyone) inside the caller's transaction. */
async function evaluateMany(
	trx: Transaction<Database>,
	userIds: number[] | null,
	options: EvaluateOptions,
): Promise<Promotion[]> {
	// Two check-ins of one person at once (two doors, two events) must count each other: the
	// second waits here until the first commits, then reads its check-in (PostgreSQL; a no-op on
	// SQLite, whose writers already take turns). The pass over everyone relies on its steps'
	// compare-and-set instead: it never lowers anyone and repeats safely.
	if (userIds) await lockKeys(trx, ...userIds.map((id) => `ladder:${id}`))
	const settings = await readLadderSettings(trx)
	const facts = await factsFor(trx, userIds, settings, options.now)
	// Everyone's current step comes with the facts: asking per person made the worker's pass over a
	// large pact 100,000 queries long, inside a write transaction, in a process that also serves pages.
	const promotions: Promotion[] = []
	for (const person of facts.values()) {
		const promotion = await applyRules(trx, person, settings, options, person.current)
		if (promotion) promotions.push(promotion)
	}
	return promotions
}

/**
 * THE HOOK for the events area: call it inside the transaction that records a check-in (or any
 * fact the ladder reads), so the promotion and its congratulation commit with the fact. The
 * transaction begins IMMEDIATE, so two check-ins of one person at the same moment are
 * serialised: the second sees the first's promotion and promotes nobody.
 */
export async function recordLadderActivity(
	trx: Transaction<Database>,
	userId: number,
	now = new Date(),
): Promise<Promotion | null> {
	const [promotion] = await evaluateMany(trx, [userId], { now, emails: 'now' })
	return promotion ?? null
}

/** Re-evaluates one person inside the caller's transaction. */
export async function reevaluateLadder(
	trx: Transaction<Database>,
	userId: number,
	{ rule, now = new Date() }: { rule?: 'thresholds'; now?: Date } = {},
): Promise<Promotion | null> {
	const [promotion] = await evaluateMany(trx, [userId], { now, rule, emails: 'now' })
	return promotion ?? null
}

/** Re-evaluates one person in a transaction of its own (a page load catching up). */
export async function evaluateLadder(db: DB, userId: number, now = new Date()): Promise<Promotion | null> {
	return db.transaction().execute((trx) => reevaluateLadder(trx, userId, { now }))
}

/**
 * Everyone, set-based: for the worker (helping becomes "done" when an event ends, which no one
 * records) and the coordinators' view. Safe to run in two processes at once and to repeat.
 */
export async function reevaluateAll(db: DB, now = new Date()): Promise<{ promoted: number; emailed: number }> {
	const promotions = await db.transaction().execute((trx) => evaluateMany(trx, null, { now, emails: 'later' }))
	const emailed = await sendPendingLevelUpEmails(db, now)
	return { promoted: promotions.length, emailed }
}

/**
 * Replays the rules at the moments facts happened, oldest first, without emails: demo content and
 * a first run over existing data get a history that reads as it happened.
 */
export async function replayLadder(db: DB, moments: Array<{ userId: number; at: Date }>): Promise<number> {
	let promoted = 0
	const sorted = [...moments].sort((a, b) => a.at.getTime() - b.at.getTime())
	for (const { userId, at } of sorted) {
		const result = await db.transaction().execute((trx) => evaluateMany(trx, [userId], { now: at, emails: 'never' }))
		promoted += result.length
	}
	return promoted
}

// ---------------------------------------------------------------------------------------------
// Coordinators

export type CoordinatorOutcome =
	{ kind: 'changed'; from: StepOrZero; to: LadderStep } | { kind: 'unchanged' } | { kind: 'not-signed' }

/**
 * A coordinator raises or lowers a person, with a reason. Step 4 (a regular role, e.g. on the
 * board) is reached only this way. The rules will not undo a lowering: they promote again only
 * when the person does something new.
 */
export async function setStepByCoordinator(
	db: DB,
	{ userId, step, reason, coordinatorId }: { userId: number; step: LadderStep; reason: string; coordinatorId: number },
	now = new Date(),
	{ notify = true }: { notify?: boolean } = {},
): Promise<CoordinatorOutcome> {
	if (!isLadderStep(step)) throw new Error(`not a ladder step: ${step}`)
	return db.transaction().execute(async (trx): Promise<CoordinatorOutcome> => {
		const settings = await readLadderSettings(trx)
		const facts = (await factsFor(trx, [userId], settings, now)).get(userId)
		if (!facts?.confirmed) return { kind: 'not-signed' }
		const current = await trx.selectFrom('ladder_step').selectAll().where('user_id', '=', userId).executeTakeFirst()
		const from = (current?.step ?? 0) as StepOrZero
		if (from === step) return { kind: 'unchanged' }
		const nowIso = now.toISOString()
		const earned = ruleStep(facts, settings)
		const row = {
			step,
			rule_step: earned,
			attended_count: facts.attended,
			helped_count: facts.helped,
			reached_at: nowIso,
			evaluated_at: nowIso,
		}
		if (current) await trx.updateTable('ladder_step').set(row).where('user_id', '=', userId).execute()
		else
			await trx
				.insertInto('ladder_step')
				.values({ user_id: userId, ...row })
				.execute()
		const user = await trx
			.selectFrom('user')
			.select('level_up_emails')
			.where('id', '=', userId)
			.executeTakeFirstOrThrow()
		const history = await trx
			.insertInto('ladder_history')
			.values({
				user_id: userId,
				from_step: from,
				to_step: step,
				source: 'coordinator',
				rule: null,
				reason,
				event_id: null,
				changed_by: coordinatorId,
				changed_at: nowIso,
				email: notify && step > from && step >= 2 && user.level_up_emails ? 'pending' : 'none',
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		await queueLevelUpInTransaction(trx, history.id, now)
		return { kind: 'changed', from, to: step }
	})
}

// ---------------------------------------------------------------------------------------------
// The person's own settings

export async function setLevelUpEmails(db: DB, userId: number, on: boolean): Promise<void> {
	await setEmailSettings(db, userId, { levelUpEmails: on })
}

/** Marks the person's current step as seen; true when it was new to them (celebrate it once). */
export async function markStepSeen(db: DB, userId: number): Promise<boolean> {
	const result = await db
		.updateTable('ladder_step')
		.set((eb) => ({ seen_step: eb.ref('step') }))
		.where('user_id', '=', userId)
		.whereRef('seen_step', '<', 'step')
		.executeTakeFirst()
	return Number(result.numUpdatedRows) > 0
}
