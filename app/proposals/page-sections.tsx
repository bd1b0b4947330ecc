import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ErrorList, TextareaField, TextField } from '#app/ui/forms.tsx'
import type { ProposalStatus } from '#db/schema.ts'
import { createAnswerSchema, createReasonSchema, createSubmitSchema, proposalOutcomes } from './schemas.ts'

/** What the proposal page's action answers when one of its forms had errors: which form, and its result. */
export interface ToolsReply {
	form: 'submit' | 'answer' | 'report' | 'hide'
	reply: SubmissionResult<string[]>
}

function replyFor(reply: ToolsReply | undefined, form: ToolsReply['form']) {
	return reply?.form === form ? reply.reply : undefined
}

/** Anyone signed in may report a proposal with a reason; a coordinator reads it. */
export function ReportForm({ reply }: { reply?: ToolsReply }) {
	const { t } = useTranslation('proposals')
	const lastResult = replyFor(reply, 'report')
	const [form, fields] = useForm({
		id: 'report-proposal',
		lastResult,
		constraint: getZodConstraint(createReasonSchema(t)),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createReasonSchema(t) }),
	})
	return (
		<details className="card proposal-tools" open={Boolean(lastResult)}>
			<summary>{t('report.heading')}</summary>
			<Form method="post" className="form" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="report" />
				<TextareaField meta={fields.reason} label={t('report.reason')} hint={t('report.hint')} rows={3} />
				<div className="button-row">
					<button type="submit" className="secondary">
						{t('report.submit')}
					</button>
				</div>
			</Form>
		</details>
	)
}

/** The coordinators' tools on a proposal's page: move it on, read reports, hide or show it. */
export function ProposalTools({
	status,
	hidden,
	reports,
	today,
	reply,
}: {
	status: ProposalStatus
	hidden: boolean
	reports: Array<{ id: number; reason: string; reporter: string }>
	today: string
	reply?: ToolsReply
}) {
	const { t } = useTranslation('proposals')
	return (
		<section className="card proposal-tools" aria-labelledby="tools-heading">
			<h2 id="tools-heading">{t('tools.heading')}</h2>
			{status === 'open' ? <SubmitForm today={today} lastResult={replyFor(reply, 'submit')} /> : null}
			{status === 'submitted' ? <AnswerForm today={today} lastResult={replyFor(reply, 'answer')} /> : null}
			{reports.length > 0 ? (
				<div>
					<h3>{t('tools.reports', { count: reports.length })}</h3>
					<ul className="report-list">
						{reports.map((report) => (
							<li key={report.id}>{t('tools.reportBy', { name: report.reporter, reason: report.reason })}</li>
						))}
					</ul>
					<Form method="post">
						<button type="submit" name="intent" value="resolve-reports" className="secondary">
							{t('tools.resolve')}
						</button>
					</Form>
				</div>
			) : null}
			{hidden ? (
				<Form method="post">
					<button type="submit" name="intent" value="unhide" className="secondary">
						{t('tools.unhide')}
					</button>
				</Form>
			) : (
				<HideForm lastResult={replyFor(reply, 'hide')} />
			)}
		</section>
	)
}

function SubmitForm({ today, lastResult }: { today: string; lastResult?: SubmissionResult<string[]> }) {
	const { t } = useTranslation('proposals')
	const [form, fields] = useForm({
		id: 'submit-proposal',
		lastResult,
		defaultValue: { submittedOn: today },
		constraint: getZodConstraint(createSubmitSchema(t)),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createSubmitSchema(t) }),
	})
	return (
		<details open>
			<summary>{t('tools.submitHeading')}</summary>
			<Form method="post" className="form" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="submit" />
				<TextField meta={fields.submittedOn} label={t('tools.submittedOn')} type="date" />
				<TextField meta={fields.reference} label={t('tools.reference')} />
				<TextField meta={fields.cityUrl} label={t('tools.cityUrl')} type="url" optional />
				<p className="hint">{t('tools.notifyHint')}</p>
				<div className="button-row">
					<button type="submit" className="primary">
						{t('tools.submitButton')}
					</button>
				</div>
			</Form>
		</details>
	)
}

function AnswerForm({ today, lastResult }: { today: string; lastResult?: SubmissionResult<string[]> }) {
	const { t } = useTranslation('proposals')
	const [form, fields] = useForm({
		id: 'answer-proposal',
		lastResult,
		defaultValue: { answeredOn: today },
		constraint: getZodConstraint(createAnswerSchema(t)),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createAnswerSchema(t) }),
	})
	const outcomeInvalid = Boolean(fields.outcome.errors?.length)
	return (
		<details open>
			<summary>{t('tools.answerHeading')}</summary>
			<Form method="post" className="form" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="answer" />
				<div className="field">
					<label htmlFor={fields.outcome.id}>{t('tools.outcome')}</label>
					<select
						{...getSelectProps(fields.outcome)}
						key={fields.outcome.key}
						aria-invalid={outcomeInvalid || undefined}
						aria-describedby={outcomeInvalid ? fields.outcome.errorId : undefined}
					>
						<option value="">{t('tools.chooseOutcome')}</option>
						{proposalOutcomes.map((outcome) => (
							<option key={outcome} value={outcome}>
								{t(`outcome.${outcome}`)}
							</option>
						))}
					</select>
					<ErrorList id={fields.outcome.errorId} errors={fields.outcome.errors} />
				</div>
				<TextareaField meta={fields.answer} label={t('tools.answer')} rows={5} />
				<TextField meta={fields.answeredOn} label={t('tools.answeredOn')} type="date" />
				<p className="hint">{t('tools.notifyHint')}</p>
				<div className="button-row">
					<button type="submit" className="primary">
						{t('tools.answerButton')}
					</button>
				</div>
			</Form>
		</details>
	)
}

function HideForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
	const { t } = useTranslation('proposals')
	const [form, fields] = useForm({
		id: 'hide-proposal',
		lastResult,
		constraint: getZodConstraint(createReasonSchema(t)),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createReasonSchema(t) }),
	})
	return (
		<details open={Boolean(lastResult)}>
			<summary>{t('tools.hideHeading')}</summary>
			<Form method="post" className="form" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="hide" />
				<TextareaField meta={fields.reason} label={t('tools.hideReason')} hint={t('tools.hideHint')} rows={3} />
				<div className="button-row">
					<button type="submit" className="danger">
						{t('tools.hideButton')}
					</button>
				</div>
			</Form>
		</details>
	)
}
