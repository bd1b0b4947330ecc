import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from 'react-router'
import { formatNumber } from '#app/common/format.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { FormErrors, TextareaField, TextField } from '#app/ui/forms.tsx'
import { HoneypotField } from '#app/ui/honeypot.tsx'
import type { QuestionsSectionData } from './actions.server.ts'
import { createAnswerSchema, createAskSchema, questionMessages } from './schemas.ts'
import './questions.css'

/** What the event page's action answered when a question form had errors. */
export interface QuestionFormReply {
	form: string
	reply: SubmissionResult<string[]>
}

function replyFor(actionData: unknown, form: string): SubmissionResult<string[]> | undefined {
	const answer = actionData as Partial<QuestionFormReply> | undefined
	return answer?.form === form ? answer.reply : undefined
}

/**
 * The questions to the politicians on a Q&A event's page: ask, vote, and see the list ranked by
 * votes; organisers tick off what was asked and record the answers.
 */
export function QuestionsSection({
	data,
	actionData,
	signInHref,
}: {
	data: QuestionsSectionData
	actionData?: unknown
	signInHref: string
}) {
	const { t } = useTranslation('questions')
	const { questions, open, signedIn, canOrganise, flash } = data
	return (
		<section aria-labelledby="questions-heading" id="questions" className="questions">
			<h2 id="questions-heading">{t('section.heading')}</h2>
			<p>{open ? t('section.leadOpen') : t('section.leadClosed')}</p>
			<FlashMessage>{flash ? t(questionMessages[flash.key]) : null}</FlashMessage>
			{open && signedIn ? <AskForm lastResult={replyFor(actionData, 'ask')} /> : null}
			{open && !signedIn ? (
				<p>
					<Link to={signInHref} className="button secondary">
						{t('section.signIn')}
					</Link>
				</p>
			) : null}
			{questions.length === 0 ? (
				<p className="muted">{t('section.empty')}</p>
			) : (
				<ol className="question-list">
					{questions.map((question) => (
						<QuestionItem
							key={question.id}
							question={question}
							open={open}
							signedIn={signedIn}
							canOrganise={canOrganise}
							lastResult={replyFor(actionData, `answer-${question.id}`)}
						/>
					))}
				</ol>
			)}
		</section>
	)
}

function AskForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
	const { t } = useTranslation('questions')
	const [form, fields] = useForm({
		id: 'ask-question',
		lastResult,
		constraint: getZodConstraint(createAskSchema(t)),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createAskSchema(t) }),
	})
	return (
		<Form method="post" className="form ask-question card" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<HoneypotField />
			<input type="hidden" name="intent" value="question-ask" />
			<TextareaField meta={fields.text} label={t('ask.label')} hint={t('ask.hint')} rows={3} />
			<div className="button-row">
				<button type="submit" className="primary">
					{t('ask.submit')}
				</button>
			</div>
		</Form>
	)
}

function QuestionItem({
	question,
	open,
	signedIn,
	canOrganise,
	lastResult,
}: {
	question: QuestionsSectionData['questions'][number]
	open: boolean
	signedIn: boolean
	canOrganise: boolean
	lastResult?: SubmissionResult<string[]>
}) {
	const { t, i18n } = useTranslation('questions')
	const textId = `question-${question.id}`
	return (
		<li className="question">
			<div className="question-votes" aria-hidden="true">
				<span className="question-vote-count">{formatNumber(question.voteCount, i18n.language)}</span>
			</div>
			<div className="question-body">
				<p className="question-text" id={textId}>
					{question.text}
				</p>
				<p className="muted question-meta">
					{t('question.meta', { name: question.asker, count: question.voteCount })}
					{question.asked ? <span className="badge question-asked-badge">{t('question.asked')}</span> : null}
				</p>
				{question.answer ? (
					<div className="question-answer">
						<p className="question-answer-label">{t('question.answer')}</p>
						<p className="question-answer-text">{question.answer}</p>
						{question.followUpText ? (
							<p className="muted">{t('question.followUp', { date: question.followUpText })}</p>
						) : null}
					</div>
				) : null}
				<div className="question-actions">
					{open && signedIn ? (
						<Form method="post">
							<input type="hidden" name="questionId" value={question.id} />
							{question.votedByMe ? (
								<button
									type="submit"
									name="intent"
									value="question-unvote"
									className="secondary"
									aria-describedby={textId}
								>
									{t('question.unvote')}
								</button>
							) : (
								<button type="submit" name="intent" value="question-vote" className="primary" aria-describedby={textId}>
									{t('question.vote')}
								</button>
							)}
						</Form>
					) : null}
					{canOrganise ? (
						<Form method="post">
							<input type="hidden" name="questionId" value={question.id} />
							<button
								type="submit"
								name="intent"
								value={question.asked ? 'question-not-asked' : 'question-asked'}
								className="secondary"
								aria-describedby={textId}
							>
								{question.asked ? t('question.markNotAsked') : t('question.markAsked')}
							</button>
						</Form>
					) : null}
				</div>
				{canOrganise ? <AnswerForm question={question} lastResult={lastResult} /> : null}
			</div>
		</li>
	)
}

function AnswerForm({
	question,
	lastResult,
}: {
	question: QuestionsSectionData['questions'][number]
	lastResult?: SubmissionResult<string[]>
}) {
	const { t } = useTranslation('questions')
	const [form, fields] = useForm({
		id: `answer-${question.id}`,
		lastResult,
		defaultValue: { answer: question.answer ?? '', followUpOn: question.followUpOn ?? '' },
		constraint: getZodConstraint(createAnswerSchema(t)),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createAnswerSchema(t) }),
	})
	return (
		<details className="question-answer-form" open={Boolean(lastResult)}>
			<summary>{question.answer ? t('answer.edit') : t('answer.record')}</summary>
			<Form method="post" className="form" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="question-answer" />
				<input type="hidden" name="questionId" value={question.id} />
				<TextareaField meta={fields.answer} label={t('answer.label')} rows={4} />
				<TextField
					meta={fields.followUpOn}
					label={t('answer.followUpOn')}
					hint={t('answer.followUpHint')}
					type="date"
					optional
				/>
				<div className="button-row">
					<button type="submit" className="primary">
						{t('answer.submit')}
					</button>
				</div>
			</Form>
		</details>
	)
}
