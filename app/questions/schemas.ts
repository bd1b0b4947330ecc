import { z } from 'zod'
import { oncePerT, requiredText, type SchemaT } from '#app/common/form.ts'

/** The questions area's forms, each a factory taking the area's t (decision 0015). */
type QuestionsT = SchemaT<'questions'>

export const limits = { question: 500, answer: 5_000 } as const

/** Every intent the event page hands to this area starts with it. */
export const intentPrefix = 'question-'

const text = (t: QuestionsT, max: number) => requiredText(t, max, t('errors.controlCharacters'))

const questionId = z.coerce.number().int().positive()

export const createAskSchema = oncePerT((t: QuestionsT) =>
	z.object({ intent: z.literal('question-ask'), text: text(t, limits.question) }),
)

export const createAnswerSchema = oncePerT((t: QuestionsT) =>
	z.object({
		intent: z.literal('question-answer'),
		questionId,
		answer: text(t, limits.answer),
		followUpOn: z
			.string()
			.trim()
			.regex(/^\d{4}-\d{2}-\d{2}$/, t('errors.day'))
			.optional()
			.transform((value) => value ?? null),
	}),
)

/** The buttons: a vote, taking it back, ticking a question off as asked. */
export const buttonSchema = z.object({
	intent: z.enum(['question-vote', 'question-unvote', 'question-asked', 'question-not-asked']),
	questionId,
})

/** The confirmations the questions section shows after an action (app/common/flash.ts). */
export const questionMessages = {
	'question-asked': 'done.asked',
	'question-voted': 'done.voted',
	'question-unvoted': 'done.unvoted',
	'question-marked': 'done.marked',
	'question-answered': 'done.answered',
	'question-closed': 'done.closed',
} as const
