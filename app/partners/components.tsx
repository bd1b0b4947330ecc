import { getCollectionProps, getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ImageField } from '#app/images/image-field.tsx'
import type { ImageFieldView } from '#app/images/sources.ts'
import { CheckboxField, ErrorList, FormErrors, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { HoneypotField } from '#app/ui/honeypot.tsx'
import { agreementFormSchema, MIN_CHALLENGES, partnerFormSchema, partnerSizes, partnerTypes } from './schemas.ts'

/** The partners area's forms and the pieces its pages share. */

export interface PartnerFormValues {
	name: string
	type: string
	sector: string
	size: string
	district: string
	website: string
	description: string
}

/** The organisation's details, to register it or edit them; the logo last (see app/images/upload.server.ts). */
export function PartnerForm({
	id,
	defaultValue,
	lastResult,
	logo,
	submitLabel,
	action,
}: {
	/** Where the form posts, when the page has several forms (`?intent=details`). */
	action?: string
	id: string
	defaultValue?: Partial<PartnerFormValues>
	lastResult?: SubmissionResult<string[]> | null
	logo: ImageFieldView
	submitLabel: string
}) {
	const { t } = useTranslation('partners')
	const [form, fields] = useForm({
		id,
		lastResult,
		defaultValue,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: partnerFormSchema(t) }),
	})
	return (
		<Form
			method="post"
			action={action}
			encType="multipart/form-data"
			className="form partner-form"
			{...getFormProps(form)}
		>
			<input type="hidden" name="intent" value="details" />
			<FormErrors id={form.errorId} errors={form.errors} />
			<HoneypotField />
			<fieldset>
				<legend>{t('fields.details')}</legend>
				<div className="stack">
					<TextField meta={fields.name} label={t('fields.name')} autoComplete="organization" />
					<SelectField
						meta={fields.type}
						label={t('fields.type')}
						placeholder={t('fields.choose')}
						options={partnerTypes.map((type) => ({ value: type, label: t(`types.${type}`) }))}
					/>
					<TextField meta={fields.sector} label={t('fields.sector')} hint={t('fields.sectorHint')} />
					<SelectField
						meta={fields.size}
						label={t('fields.size')}
						placeholder={t('fields.choose')}
						options={partnerSizes.map((size) => ({ value: size, label: t(`sizes.${size}`) }))}
					/>
					<TextField meta={fields.district} label={t('fields.district')} optional />
					<TextField
						meta={fields.website}
						type="url"
						label={t('fields.website')}
						hint={t('fields.websiteHint')}
						autoComplete="url"
						optional
					/>
					<TextareaField
						meta={fields.description}
						label={t('fields.description')}
						hint={t('fields.descriptionHint')}
						rows={5}
					/>
				</div>
			</fieldset>
			<ImageField
				name="logo"
				legend={t('fields.logo')}
				current={logo.current}
				alt={logo.alt}
				error={logo.error}
				maxBytes={logo.maxBytes}
			/>
			<div className="button-row">
				<button type="submit" className="primary">
					{submitLabel}
				</button>
			</div>
		</Form>
	)
}

export interface AgreementFormValues {
	communication: string
	education: string
	baselineYear: string
	target2030Percent: string
	climateNeutralYear: string
	challenges: string[]
	confirm: string
}

/** The agreement the contact fills in and signs: three tracks, the challenges, the confirmation. */
export function AgreementForm({
	defaultValue,
	lastResult,
	challenges,
	goal,
}: {
	defaultValue: Partial<AgreementFormValues>
	lastResult?: SubmissionResult<string[]> | null
	challenges: Array<{ id: number; title: string; description: string }>
	goal: { percent: number; year: number }
}) {
	const { t } = useTranslation('partners')
	const [form, fields] = useForm({
		id: 'agreement',
		lastResult,
		defaultValue,
		// Not on blur: leaving one checkbox for the next would re-render the list mid-click.
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: agreementFormSchema(t) }),
	})
	const options = getCollectionProps(fields.challenges, {
		type: 'checkbox',
		options: challenges.map((c) => String(c.id)),
	})
	const invalid = Boolean(fields.challenges.errors?.length)
	const hintId = `${fields.challenges.id}-hint`
	return (
		<Form method="post" className="form agreement-form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value="sign" />
			<FormErrors id={form.errorId} errors={form.errors} />
			<HoneypotField />
			<fieldset>
				<legend>{t('sign.communication')}</legend>
				<TextareaField meta={fields.communication} label={t('sign.communication')} hint={t('sign.communicationHint')} />
			</fieldset>
			<fieldset>
				<legend>{t('sign.education')}</legend>
				<TextareaField meta={fields.education} label={t('sign.education')} hint={t('sign.educationHint')} />
			</fieldset>
			<fieldset>
				<legend>{t('sign.co2')}</legend>
				<p className="hint">{t('sign.co2Intro', { percent: goal.percent, year: goal.year })}</p>
				<div className="field-row">
					<TextField meta={fields.baselineYear} type="number" label={t('sign.baselineYear')} />
					<TextField meta={fields.target2030Percent} type="number" label={t('sign.target2030Percent')} />
					<TextField meta={fields.climateNeutralYear} type="number" label={t('sign.climateNeutralYear')} />
				</div>
			</fieldset>
			<fieldset
				className="challenge-choices"
				aria-invalid={invalid || undefined}
				aria-describedby={invalid ? `${hintId} ${fields.challenges.errorId}` : hintId}
			>
				<legend>{t('sign.challenges')}</legend>
				<p id={hintId} className="hint">
					{t('sign.challengesHint', { min: MIN_CHALLENGES })}
				</p>
				<ErrorList id={fields.challenges.errorId} errors={fields.challenges.errors} />
				<ul className="choice-list">
					{options.map((props, index) => (
						<li key={challenges[index]!.id} className="choice">
							<input {...props} key={props.key} />
							<label htmlFor={props.id}>
								<span className="choice-title">{challenges[index]!.title}</span>
								{challenges[index]!.description ? (
									<span className="hint"> {challenges[index]!.description}</span>
								) : null}
							</label>
						</li>
					))}
				</ul>
			</fieldset>
			<CheckboxField meta={fields.confirm} label={t('sign.confirm')} />
			<div className="button-row">
				<button type="submit" className="primary">
					{t('sign.submit')}
				</button>
			</div>
		</Form>
	)
}

/** The three tracks and the challenges of an agreement, as the public page and the print show them. */
export function AgreementCommitments({
	agreement,
}: {
	agreement: {
		communication: string
		education: string
		target2030Percent: number
		baselineYear: number | null
		climateNeutralYear: number
		challenges: string[]
	}
}) {
	const { t } = useTranslation('partners')
	return (
		<>
			<dl className="agreement-tracks">
				<dt>{t('partner.communication')}</dt>
				<dd>{agreement.communication}</dd>
				<dt>{t('partner.education')}</dt>
				<dd>{agreement.education}</dd>
				<dt>{t('partner.co2')}</dt>
				<dd>
					{t('partner.co2Text', {
						percent: agreement.target2030Percent,
						baseline: agreement.baselineYear ?? '—',
						neutral: agreement.climateNeutralYear,
					})}
				</dd>
			</dl>
			<h3>{t('partner.challenges')}</h3>
			<ul className="challenge-list">
				{agreement.challenges.map((title) => (
					<li key={title}>{title}</li>
				))}
			</ul>
		</>
	)
}

/**
 * The network meetings coming up (events for partner organisations, app/events), on the page a
 * partner's contact keeps coming back to: each links to its page, where they sign up.
 */
export function NetworkMeetings({
	meetings,
}: {
	meetings: Array<{ slug: string; title: string; titleLang: string; when: string }>
}) {
	const { t } = useTranslation('partners')
	return (
		<section aria-labelledby="meetings-heading">
			<h2 id="meetings-heading">{t('manage.meetings')}</h2>
			<p className="hint">{t('manage.meetingsLead')}</p>
			{meetings.length === 0 ? (
				<p>{t('manage.noMeetings')}</p>
			) : (
				<ul>
					{meetings.map((meeting) => (
						<li key={meeting.slug}>
							<Link to={`/events/${meeting.slug}`} lang={meeting.titleLang}>
								{meeting.title}
							</Link>
							, {meeting.when}
						</li>
					))}
				</ul>
			)}
			<p>
				<Link to="/events?audience=partners">{t('manage.allMeetings')}</Link>
			</p>
		</section>
	)
}
