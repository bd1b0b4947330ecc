import { addToLocalDate, localToUtc, utcToLocal } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { ActionPledgeAnswer, Event } from '#db/schema.ts'
import type { DayOfEvent } from './partnership-day.server.ts'
import type { AnswerInput, PledgeInput } from './schemas.ts'

/**
 * Action pledges ("handlingsløfter"): what each partner says on the day it will go home and do,
 * recorded by a coordinator, and the answer to the follow-up months later (done, in progress,
 * dropped) from someone who acts for the partner. The coordinators' summary is made here too.
 */

/** ACTION_PLEDGE_FOLLOW_UP_MONTHS (default 3); a pledge keeps the due date it was recorded with. */
export const followUpMonths = config.partners.actionPledgeFollowUpMonths

/** The follow-up is due at nine in the morning, `months` after the day, in the pact's time zone. */
export function followUpDueAt(event: Pick<Event, 'starts_at'>, months = followUpMonths): string {
	const day = utcToLocal(event.starts_at, config.timeZone).date
	return localToUtc({ date: addToLocalDate(day, { months }), time: '09:00' }, config.timeZone).toISOString()
}

export type RecordOutcome = { kind: 'recorded'; id: number } | { kind: 'not-registered' }

/** Records a pledge for a partner signed up for the day. */
export async function recordPledge(
	db: DB,
	{ day, event }: DayOfEvent,
	input: PledgeInput,
	userId: number,
	now = new Date(),
): Promise<RecordOutcome> {
	const registered = await db
		.selectFrom('partnership_day_registration')
		.select('partner_id')
		.where('day_id', '=', day.id)
		.where('partner_id', '=', input.partnerId)
		.executeTakeFirst()
	if (!registered) return { kind: 'not-registered' }
	const row = await db
		.insertInto('action_pledge')
		.values({
			day_id: day.id,
			partner_id: input.partnerId,
			text: input.text,
			recorded_by: userId,
			recorded_at: now.toISOString(),
			follow_up_due_at: followUpDueAt(event),
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return { kind: 'recorded', id: row.id }
}

/** Takes back a pledge recorded by mistake; once answered it is part of the record and stays. */
export async function deletePledge(db: DbHandle, dayId: number, pledgeId: number): Promise<boolean> {
	const result = await db
		.deleteFrom('action_pledge')
		.where('id', '=', pledgeId)
		.where('day_id', '=', dayId)
		.where('answer', 'is', null)
		.executeTakeFirst()
	return result.numDeletedRows > 0n
}

export interface PledgeRow {
	id: number
	partnerId: number
	partnerName: string
	text: string
	recordedBy: string | null
	recordedAt: string
	followUpDueAt: string
	followUpSentAt: string | null
	answer: ActionPledgeAnswer | null
	comment: string | null
	answeredBy: string | null
	answeredAt: string | null
}

/** A day's pledges, by partner and in the order they were made; only `partnerIds`' when given. */
export async function pledgesOfDay(db: DbHandle, dayId: number, partnerIds?: readonly number[]): Promise<PledgeRow[]> {
	if (partnerIds?.length === 0) return []
	let query = db
		.selectFrom('action_pledge as p')
		.innerJoin('partner', 'partner.id', 'p.partner_id')
		.leftJoin('user as recorder', 'recorder.id', 'p.recorded_by')
		.leftJoin('user as answerer', 'answerer.id', 'p.answered_by')
		.select([
			'p.id',
			'p.partner_id as partnerId',
			'partner.name as partnerName',
			'p.text',
			'recorder.name as recordedBy',
			'p.recorded_at as recordedAt',
			'p.follow_up_due_at as followUpDueAt',
			'p.follow_up_sent_at as followUpSentAt',
			'p.answer',
			'p.answer_comment as comment',
			'answerer.name as answeredBy',
			'p.answered_at as answeredAt',
		])
		.where('p.day_id', '=', dayId)
	if (partnerIds) query = query.where('p.partner_id', 'in', partnerIds)
	return query.orderBy('partner.name').orderBy('p.id').execute()
}

/**
 * Saves the answer to one pledge's follow-up; a later answer replaces it ("in progress" becomes
 * "done"). Only for pledges of `partnerIds`, the partners the person acts for.
 */
export async function answerPledge(
	db: DbHandle,
	input: AnswerInput,
	userId: number,
	partnerIds: readonly number[],
	now = new Date(),
): Promise<'saved' | 'not-yours'> {
	if (partnerIds.length === 0) return 'not-yours'
	const result = await db
		.updateTable('action_pledge')
		.set({ answer: input.answer, answer_comment: input.comment, answered_by: userId, answered_at: now.toISOString() })
		.where('id', '=', input.pledgeId)
		.where('partner_id', 'in', partnerIds)
		.executeTakeFirst()
	return result.numUpdatedRows > 0n ? 'saved' : 'not-yours'
}

export type AnswerCounts = Record<ActionPledgeAnswer | 'none', number>

const noAnswers = (): AnswerCounts => ({ done: 0, 'in-progress': 0, dropped: 0, none: 0 })

/** The coordinators' summary: how many of each answer, per partner, and the pledges still unanswered. */
export function followUpSummary(pledges: readonly PledgeRow[]) {
	const total = noAnswers()
	const perPartner = new Map<number, { partnerId: number; name: string; pledges: number; counts: AnswerCounts }>()
	for (const pledge of pledges) {
		const key = pledge.answer ?? 'none'
		total[key] += 1
		let partner = perPartner.get(pledge.partnerId)
		if (!partner)
			perPartner.set(
				pledge.partnerId,
				(partner = { partnerId: pledge.partnerId, name: pledge.partnerName, pledges: 0, counts: noAnswers() }),
			)
		partner.pledges += 1
		partner.counts[key] += 1
	}
	return {
		pledges: pledges.length,
		total,
		perPartner: [...perPartner.values()],
		unanswered: pledges.filter((pledge) => pledge.answer === null),
	}
}
export type FollowUpSummary = ReturnType<typeof followUpSummary>
