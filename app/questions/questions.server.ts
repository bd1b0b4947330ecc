import { sql } from 'kysely'
import { formatDate } from '#app/common/format.ts'
import { firstName } from '#app/common/names.ts'
import { config } from '#app/config.server.ts'
import { supportedLanguages } from '#app/i18n/i18n.ts'
import { composeEmail, queueEmail, renderEmail, type RenderedEmail } from '#app/mail/send-email.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { Event } from '#db/schema.ts'
import { eventTitle } from '#app/events/languages.ts'
import QuestionAnsweredEmail from '#emails/question-answered.tsx'

/**
 * Questions to politicians: before a politician Q&A, people signed in ask questions and vote on
 * them, once per question (the primary key); the list is ranked by the kept vote count. The
 * event's organisers mark what was asked and record the answer with a day to follow it up; the
 * asker and every voter are then emailed once.
 */

export type QuestionEvent = Pick<
	Event,
	'id' | 'type' | 'status' | 'starts_at' | 'ends_at' | 'slug' | 'title' | 'title_en'
>

export function takesQuestions(event: Pick<Event, 'type'>): boolean {
	return event.type === 'politician-qa'
}

/** Questions and votes are taken until the event starts. */
export function questionsOpen(event: QuestionEvent, now = new Date()): boolean {
	return takesQuestions(event) && event.status === 'published' && now.toISOString() < event.starts_at
}

export interface QuestionView {
	id: number
	text: string
	asker: string
	voteCount: number
	votedByMe: boolean
	mine: boolean
	asked: boolean
	answer: string | null
	answeredAt: string | null
	followUpOn: string | null
}

/** The event's questions, most votes first (ties: the earlier question first). */
export async function rankedQuestions(db: DB, eventId: number, userId: number | null): Promise<QuestionView[]> {
	const rows = await db
		.selectFrom('question')
		.innerJoin('user', 'user.id', 'question.author_id')
		.select([
			'question.id',
			'question.text',
			'question.author_id',
			'question.vote_count',
			'question.asked_at',
			'question.answer',
			'question.answered_at',
			'question.follow_up_on',
			'user.name',
			(eb) =>
				eb
					.exists(
						eb
							.selectFrom('question_vote')
							.select('question_vote.user_id')
							.whereRef('question_vote.question_id', '=', 'question.id')
							.where('question_vote.user_id', '=', userId ?? -1),
					)
					.as('voted'),
		])
		.where('question.event_id', '=', eventId)
		.orderBy('question.vote_count', 'desc')
		.orderBy('question.created_at')
		.orderBy('question.id')
		.execute()
	return rows.map((row) => ({
		id: row.id,
		text: row.text,
		// Only a first name: a question is public, the person behind it need not be.
		asker: firstName(row.name),
		voteCount: row.vote_count,
		votedByMe: Boolean(row.voted),
		mine: row.author_id === userId,
		asked: row.asked_at !== null,
		answer: row.answer,
		answeredAt: row.answered_at,
		followUpOn: row.follow_up_on,
	}))
}

export type AskOutcome = { kind: 'asked'; questionId: number } | { kind: 'closed' }

export async function askQuestion(
	db: DB,
	event: QuestionEvent,
	userId: number,
	text: string,
	now = new Date(),
): Promise<AskOutcome> {
	if (!questionsOpen(event, now)) return { kind: 'closed' }
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('question')
			.values({
				event_id: event.id,
				author_id: userId,
				text,
				asked_at: null,
				answer: null,
				answered_at: null,
				follow_up_on: null,
				answered_by: null,
				created_at: now.toISOString(),
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		// Asking is agreeing: the asker's own vote comes with the question.
		await addVote(trx, row.id, userId, now)
		return { kind: 'asked', questionId: row.id }
	})
}

async function addVote(trx: DbHandle, questionId: number, userId: number, now: Date): Promise<boolean> {
	const inserted = await trx
		.insertInto('question_vote')
		.values({ question_id: questionId, user_id: userId, created_at: now.toISOString() })
		.onConflict((oc) => oc.columns(['question_id', 'user_id']).doNothing())
		.executeTakeFirst()
	const changed = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1
	if (changed)
		await trx
			.updateTable('question')
			.set({ vote_count: sql<number>`vote_count + 1` })
			.where('id', '=', questionId)
			.execute()
	return changed
}

export type VoteOutcome = { kind: 'voted' | 'unvoted'; changed: boolean } | { kind: 'closed' } | { kind: 'not-found' }

/**
 * One vote per person and question, or taking it back: pressing again changes nothing. Votes
 * close when the event starts.
 */
export async function setVote(
	db: DB,
	event: QuestionEvent,
	questionId: number,
	userId: number,
	vote: boolean,
	now = new Date(),
): Promise<VoteOutcome> {
	if (!questionsOpen(event, now)) return { kind: 'closed' }
	return db.transaction().execute(async (trx) => {
		if (!(await questionOfEvent(trx, questionId, event.id))) return { kind: 'not-found' }
		if (vote) return { kind: 'voted', changed: await addVote(trx, questionId, userId, now) }
		const deleted = await trx
			.deleteFrom('question_vote')
			.where('question_id', '=', questionId)
			.where('user_id', '=', userId)
			.executeTakeFirst()
		const changed = Number(deleted.numDeletedRows) === 1
		if (changed)
			await trx
				.updateTable('question')
				.set({ vote_count: sql<number>`vote_count - 1` })
				.where('id', '=', questionId)
				.execute()
		return { kind: 'unvoted', changed }
	})
}

async function questionOfEvent(db: DbHandle, questionId: number, eventId: number) {
	return db
		.selectFrom('question')
		.selectAll()
		.where('id', '=', questionId)
		.where('event_id', '=', eventId)
		.executeTakeFirst()
}

/** The organiser ticks off (or un-ticks) a question as asked on the day. */
export async function markAsked(db: DB, eventId: number, questionId: number, asked: boolean, now = new Date()) {
	const result = await db
		.updateTable('question')
		.set({ asked_at: asked ? now.toISOString() : null })
		.where('id', '=', questionId)
		.where('event_id', '=', eventId)
		.executeTakeFirst()
	return Number(result.numUpdatedRows) === 1
}

export type AnswerOutcome = { kind: 'answered'; notified: number } | { kind: 'not-found' }

/**
 * The politician's answer, recorded afterwards, with a day to follow it up. The asker and every
 * voter hear about the first answer once; correcting it later sends nothing new.
 */
export async function recordAnswer(
	db: DB,
	event: QuestionEvent,
	questionId: number,
	input: { answer: string; followUpOn: string | null },
	by: number,
	now = new Date(),
): Promise<AnswerOutcome> {
	const question = await questionOfEvent(db, questionId, event.id)
	if (!question) return { kind: 'not-found' }
	const emails = new Map<string, RenderedEmail>()
	for (const language of supportedLanguages) {
		const props = {
			language,
			// The event's title as the reader's site shows it: the English where there is one.
			eventTitle: eventTitle(event, language).text,
			question: question.text,
			answer: input.answer,
			followUpOn: input.followUpOn ? formatDate(`${input.followUpOn}T12:00:00Z`, language, config.timeZone) : null,
			url: `${config.appUrl}/events/${encodeURIComponent(event.slug)}#questions`,
		}
		emails.set(language, await renderEmail(composeEmail(QuestionAnsweredEmail, props, { to: '' })))
	}
	return db.transaction().execute(async (trx) => {
		await trx
			.updateTable('question')
			.set({
				answer: input.answer,
				follow_up_on: input.followUpOn,
				answered_at: question.answered_at ?? now.toISOString(),
				answered_by: by,
				asked_at: question.asked_at ?? now.toISOString(),
			})
			.where('id', '=', questionId)
			.execute()
		const people = await trx
			.selectFrom('user')
			.select(['id', 'email', 'language'])
			.where((eb) =>
				eb.or([
					eb('id', '=', question.author_id),
					eb(
						'id',
						'in',
						eb
							.selectFrom('question_vote')
							.select('question_vote.user_id')
							.where('question_vote.question_id', '=', questionId),
					),
				]),
			)
			.execute()
		for (const person of people) {
			await queueEmail(
				trx,
				{
					...emails.get(person.language)!,
					to: person.email,
					idempotencyKey: `question:${questionId}:answered:person:${person.id}`,
				},
				now,
			)
		}
		return { kind: 'answered', notified: people.length }
	})
}
