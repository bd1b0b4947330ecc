import {
	getCollectionProps,
	getFormProps,
	getInputProps,
	useForm,
	type FieldMetadata,
	type SubmissionResult,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useState } from 'react'
import { Form } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { CheckboxField, ErrorList, FormErrors, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import type { ActionPledgeAnswer } from '#db/schema.ts'
import {
	answerSchema,
	parseTags,
	pledgeAnswers,
	pledgeSchema,
	registrationSchema,
	roundsSchema,
	type RoundsFormValues,
	type RoundsInput,
} from './schemas.ts'

/**
 * The partnership day's forms. Each is checked in the browser as people type and always again on
 * the server with the same schema; all work without JavaScript.
 */

type Result = SubmissionResult<string[]> | null | undefined

/**
 * Tags typed into one line, separated by commas. The browser suggests tags in use: the list is
 * rewritten as the person types so that each suggestion completes the tag after the last comma.
 */
function TagField({
	meta,
	label,
	hint,
	suggestions,
}: {
	meta: FieldMetadata<string | undefined>
	label: string
	hint: string
	suggestions: readonly string[]
}) {
	const props = getInputProps(meta, { type: 'text' })
	const [value, setValue] = useState(String(meta.initialValue ?? ''))
	const cut = value.lastIndexOf(',')
	const prefix = cut === -1 ? '' : value.slice(0, cut + 1) + (/^\s*/.exec(value.slice(cut + 1))?.[0] ?? '')
	const typed = new Set(parseTags(value))
	const listId = `${meta.id}-suggestions`
	const hintId = `${meta.id}-hint`
	const invalid = Boolean(meta.errors?.length)
	return (
		<div className="field">
			<label htmlFor={meta.id}>{label}</label>
			<p id={hintId} className="hint">
				{hint}
			</p>
			<input
				{...props}
				key={props.key}
				list={listId}
				autoComplete="off"
				onInput={(event) => setValue(event.currentTarget.value)}
				aria-invalid={invalid || undefined}
				aria-describedby={invalid ? `${hintId} ${meta.errorId}` : hintId}
			/>
			<datalist id={listId}>
				{suggestions
					.filter((tag) => !typed.has(tag))
					.slice(0, 60)
					.map((tag) => (
						<option key={tag} value={prefix + tag} />
					))}
			</datalist>
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

/** A partner's sign-up for the day, or its change. */
export function RegistrationForm({
	partner,
	registered,
	defaultValue,
	suggestions,
	lastResult,
}: {
	partner: { id: number; name: string }
	registered: boolean
	defaultValue: { offers: string; seeks: string }
	suggestions: readonly string[]
	lastResult: Result
}) {
	const { t } = useTranslation('partnership-day')
	const [form, fields] = useForm({
		id: `registration-${partner.id}`,
		lastResult,
		defaultValue,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: registrationSchema(t) }),
	})
	return (
		<Form method="post" action="?intent=register" className="form" {...getFormProps(form)}>
			<input type="hidden" name="partnerId" value={partner.id} />
			<FormErrors id={form.errorId} errors={form.errors} />
			<TagField
				key={fields.offers.key}
				meta={fields.offers}
				label={t('register.offers')}
				hint={t('register.tagsHint')}
				suggestions={suggestions}
			/>
			<TagField
				key={fields.seeks.key}
				meta={fields.seeks}
				label={t('register.seeks')}
				hint={t('register.tagsHint')}
				suggestions={suggestions}
			/>
			<div className="button-row">
				<button type="submit" className="primary">
					{t(registered ? 'register.save' : 'register.register', { partner: partner.name })}
				</button>
			</div>
		</Form>
	)
}

/** The coordinators' rounds: how many, how long, from when; a tick to replace them once the day has begun. */
export function RoundsForm({
	lastResult,
	defaultValue,
	maxRounds,
	partners,
	askToConfirm,
	heading,
}: {
	lastResult: Result
	defaultValue: { rounds: number; minutes: number; startTime: string }
	maxRounds: number
	partners: number
	askToConfirm: boolean
	heading: string
}) {
	const { t } = useTranslation('partnership-day')
	const [form, fields] = useForm<RoundsFormValues, RoundsInput>({
		id: 'rounds',
		lastResult,
		defaultValue,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: roundsSchema(t) }),
	})
	return (
		<Form method="post" action="?intent=generate" className="form" {...getFormProps(form)}>
			<h3>{heading}</h3>
			<p className="hint">{t('adminDay.generateLead')}</p>
			<FormErrors id={form.errorId} errors={form.errors} />
			<TextField
				meta={fields.rounds}
				type="number"
				min={1}
				max={maxRounds}
				label={t('adminDay.rounds')}
				hint={t('adminDay.roundsHint', { count: partners, max: maxRounds })}
			/>
			<TextField
				meta={fields.minutes}
				type="number"
				min={2}
				max={60}
				label={t('adminDay.minutes')}
				hint={t('adminDay.minutesHint')}
			/>
			<TextField
				meta={fields.startTime}
				type="time"
				label={t('adminDay.startTime')}
				hint={t('adminDay.startTimeHint')}
			/>
			{askToConfirm ? (
				<CheckboxField meta={fields.confirm} label={t('adminDay.confirm')} hint={t('adminDay.confirmHint')} />
			) : null}
			<div className="button-row">
				<button type="submit" className="primary">
					{t('adminDay.generate')}
				</button>
			</div>
		</Form>
	)
}

/** A coordinator writes down a partner's pledge on the day. */
export function PledgeForm({
	partners,
	lastResult,
}: {
	partners: ReadonlyArray<{ id: number; name: string }>
	lastResult: Result
}) {
	const { t } = useTranslation('partnership-day')
	const [form, fields] = useForm({
		id: 'record-pledge',
		lastResult,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: pledgeSchema(t) }),
	})
	return (
		<Form method="post" action="?intent=record" className="form" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<SelectField
				meta={fields.partnerId}
				label={t('adminPledges.partner')}
				placeholder={t('adminPledges.choosePartner')}
				options={partners.map((partner) => ({ value: String(partner.id), label: partner.name }))}
			/>
			<TextareaField meta={fields.text} label={t('adminPledges.text')} rows={3} />
			<div className="button-row">
				<button type="submit" className="primary">
					{t('adminPledges.record')}
				</button>
			</div>
		</Form>
	)
}

/** The answer to one pledge's follow-up: done, in progress or dropped, and a word on it. */
export function AnswerForm({
	pledge,
	lastResult,
}: {
	pledge: { id: number; answer: ActionPledgeAnswer | null; comment: string | null }
	lastResult: Result
}) {
	const { t } = useTranslation('partnership-day')
	const [form, fields] = useForm({
		id: `answer-${pledge.id}`,
		lastResult,
		defaultValue: { answer: pledge.answer ?? undefined, comment: pledge.comment ?? '' },
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: answerSchema(t) }),
	})
	const answer = fields.answer
	const invalid = Boolean(answer.errors?.length)
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="pledgeId" value={pledge.id} />
			<FormErrors id={form.errorId} errors={form.errors} />
			<fieldset aria-describedby={invalid ? answer.errorId : undefined}>
				<legend>{t('pledges.answer')}</legend>
				<div className="answer-choices">
					{getCollectionProps(answer, { type: 'radio', options: [...pledgeAnswers] }).map((props) => (
						<div className="field field-checkbox" key={props.key}>
							<input {...props} key={props.key} />
							<label htmlFor={props.id}>{t(`answers.${props.value as ActionPledgeAnswer}`)}</label>
						</div>
					))}
				</div>
				<ErrorList id={answer.errorId} errors={answer.errors} />
			</fieldset>
			<TextField meta={fields.comment} label={t('pledges.comment')} hint={t('pledges.commentHint')} optional />
			<div className="button-row">
				<button type="submit" className="secondary">
					{t('pledges.save')}
				</button>
			</div>
		</Form>
	)
}
