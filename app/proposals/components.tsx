import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ErrorList, FormErrors, TextareaField, TextField } from '#app/ui/forms.tsx'
import { HoneypotField } from '#app/ui/honeypot.tsx'
import type { ProposalOutcome, ProposalStatus } from '#db/schema.ts'
import { createDraftSchema } from './schemas.ts'

/** Where a proposal stands, as a coloured label; an answered one says what the city decided. */
export function StatusBadge({
	status,
	outcome,
	hidden = false,
}: {
	status: ProposalStatus
	outcome?: ProposalOutcome | null
	hidden?: boolean
}) {
	const { t } = useTranslation('proposals')
	return (
		<>
			<span className={`status-badge status-${status}`}>
				{status === 'answered' && outcome
					? `${t('status.answered')}: ${t(`outcome.${outcome}`)}`
					: t(`status.${status}`)}
			</span>
			{hidden ? <span className="status-badge status-hidden"> {t('status.hidden')}</span> : null}
		</>
	)
}

export interface ProposalCardData {
	id: number
	title: string
	summary: string
	status: ProposalStatus
	outcome: ProposalOutcome | null
	supportCount: number
	hidden?: boolean
	/** "Submitted 3 March 2026", already formatted. */
	when: string | null
}

/** One proposal in a list: its stage, title, summary and how many back it. */
export function ProposalCard({ proposal, headingLevel = 3 }: { proposal: ProposalCardData; headingLevel?: 2 | 3 }) {
	const { t } = useTranslation('proposals')
	const Heading = headingLevel === 2 ? 'h2' : 'h3'
	return (
		<li className="card proposal-card">
			<p>
				<StatusBadge status={proposal.status} outcome={proposal.outcome} hidden={proposal.hidden} />
			</p>
			<Heading>
				<Link to={`/proposals/${proposal.id}`}>{proposal.title}</Link>
			</Heading>
			<p>{proposal.summary}</p>
			{proposal.when ? <p className="muted">{proposal.when}</p> : null}
			{proposal.status !== 'draft' ? (
				<p className="proposal-backing">{t('backing', { count: proposal.supportCount })}</p>
			) : null}
		</li>
	)
}

export interface DraftFormValues {
	title: string
	summary: string
	body: string
	themeId: string
}

/** A signatory's draft, to write or to edit; the theme is offered when the pact has themes. */
export function DraftForm({
	defaultValue,
	lastResult,
	themes,
}: {
	defaultValue?: Partial<DraftFormValues>
	lastResult?: SubmissionResult<string[]>
	themes: Array<{ id: number; title: string }>
}) {
	const { t } = useTranslation('proposals')
	const [form, fields] = useForm({
		id: 'proposal-draft',
		lastResult,
		defaultValue,
		constraint: getZodConstraint(createDraftSchema(t)),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createDraftSchema(t) }),
	})
	const themeInvalid = Boolean(fields.themeId.errors?.length)
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<HoneypotField />
			<TextField meta={fields.title} label={t('form.title')} hint={t('form.titleHint')} />
			<TextareaField meta={fields.summary} label={t('form.summary')} hint={t('form.summaryHint')} rows={3} />
			<TextareaField meta={fields.body} label={t('form.body')} hint={t('form.bodyHint')} rows={12} />
			{themes.length > 0 ? (
				<div className="field">
					<label htmlFor={fields.themeId.id}>{t('form.theme')}</label>
					<select
						{...getSelectProps(fields.themeId)}
						key={fields.themeId.key}
						aria-invalid={themeInvalid || undefined}
						aria-describedby={themeInvalid ? fields.themeId.errorId : undefined}
					>
						<option value="">{t('form.noTheme')}</option>
						{themes.map((theme) => (
							<option key={theme.id} value={theme.id}>
								{theme.title}
							</option>
						))}
					</select>
					<ErrorList id={fields.themeId.errorId} errors={fields.themeId.errors} />
				</div>
			) : null}
			<div className="button-row">
				<button type="submit" className="primary">
					{t('form.save')}
				</button>
			</div>
		</Form>
	)
}
