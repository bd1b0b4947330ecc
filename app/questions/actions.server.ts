import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { refusePublicForm } from '#app/auth/rate-limit.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate } from '#app/common/format.ts'
import { config } from '#app/config.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import { getDb } from '#db/index.ts'
import {
	askQuestion,
	markAsked,
	questionsOpen,
	rankedQuestions,
	recordAnswer,
	setVote,
	takesQuestions,
	type QuestionEvent,
} from './questions.server.ts'
import { buttonSchema, createAnswerSchema, createAskSchema, intentPrefix, questionMessages } from './schemas.ts'

/**
 * What the event page asks of this area: the questions section's data for its loader, and its
 * action's question intents (every intent starting "question-"), so the page stays one URL and
 * its forms work without JavaScript.
 */

type QuestionFlash = keyof typeof questionMessages

export async function questionsSection(
	event: QuestionEvent,
	viewer: { userId: number | null; canOrganise: boolean },
	url: URL,
	language: SupportedLanguage,
) {
	if (!takesQuestions(event)) return null
	const questions = await rankedQuestions(getDb(), event.id, viewer.userId)
	return {
		questions: questions.map((question) => ({
			...question,
			followUpText: question.followUpOn
				? formatDate(`${question.followUpOn}T12:00:00Z`, language, config.timeZone)
				: null,
		})),
		open: questionsOpen(event),
		signedIn: viewer.userId !== null,
		canOrganise: viewer.canOrganise,
		flash: readFlash(url, questionMessages),
	}
}
export type QuestionsSectionData = NonNullable<Awaited<ReturnType<typeof questionsSection>>>

export function isQuestionIntent(form: FormData): boolean {
	return String(form.get('intent') ?? '').startsWith(intentPrefix)
}

/** A question intent from the event page; the caller has found the event and the signed-in person. */
export async function questionAction(
	request: Request,
	form: FormData,
	event: QuestionEvent,
	user: { id: number },
	canOrganise: boolean,
	clientIp: string,
) {
	if (!takesQuestions(event)) throw new Response('Not found', { status: 404 })
	const db = getDb()
	const back = (key: QuestionFlash) => redirect(withFlash(`/events/${event.slug}#questions`, key), 303)
	const intent = String(form.get('intent'))
	const t = await getT(request, 'questions')
	if (intent === 'question-ask') {
		const submission = parseWithZod(form, { schema: createAskSchema(t) })
		const refused = await refusePublicForm(db, request, form, { form: 'question', clientIp, person: user.id })
		if (refused) return data({ form: 'ask', reply: submission.reply(refused) }, { status: refused.status })
		if (submission.status !== 'success') return data({ form: 'ask', reply: submission.reply() }, { status: 400 })
		const outcome = await askQuestion(db, event, user.id, submission.value.text)
		return back(outcome.kind === 'asked' ? 'question-asked' : 'question-closed')
	}
	if (intent === 'question-answer') {
		if (!canOrganise) throw new Response('Forbidden', { status: 403 })
		const submission = parseWithZod(form, { schema: createAnswerSchema(t) })
		if (submission.status !== 'success')
			return data({ form: `answer-${form.get('questionId')}`, reply: submission.reply() }, { status: 400 })
		const { questionId, ...answer } = submission.value
		const outcome = await recordAnswer(db, event, questionId, answer, user.id)
		if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
		return back('question-answered')
	}
	const parsed = buttonSchema.safeParse(Object.fromEntries(form))
	if (!parsed.success) throw new Response('Bad request', { status: 400 })
	const { questionId } = parsed.data
	switch (parsed.data.intent) {
		case 'question-vote':
		case 'question-unvote': {
			const outcome = await setVote(db, event, questionId, user.id, parsed.data.intent === 'question-vote')
			if (outcome.kind === 'not-found') throw new Response('Not found', { status: 404 })
			return back(
				outcome.kind === 'closed'
					? 'question-closed'
					: outcome.kind === 'voted'
						? 'question-voted'
						: 'question-unvoted',
			)
		}
		case 'question-asked':
		case 'question-not-asked': {
			if (!canOrganise) throw new Response('Forbidden', { status: 403 })
			if (!(await markAsked(db, event.id, questionId, parsed.data.intent === 'question-asked')))
				throw new Response('Not found', { status: 404 })
			return back('question-marked')
		}
	}
}
