import { getCollectionProps, getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ImageField } from '#app/images/image-field.tsx'
import type { ImageFieldView } from '#app/images/sources.ts'
import { ErrorList, FormErrors, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { HoneypotField } from '#app/ui/honeypot.tsx'
import { createNominationSchema, createReviewSchema, createStorySchema, nomineeKinds } from './schemas.ts'

/**
 * The stories area's forms. Each is checked in the browser as people type and always again on the
 * server, with the same schema. Routes using them list 'stories' (and 'images' for the story form)
 * in their handle.
 */

export function StoryForm({
	lastResult,
	partners,
	image,
}: {
	lastResult?: SubmissionResult<string[]> | null
	partners: Array<{ id: number; name: string }>
	image: ImageFieldView
}) {
	const { t } = useTranslation('stories')
	const [form, fields] = useForm({
		id: 'story-new',
		lastResult,
		// One partner needs no choosing.
		defaultValue: partners.length === 1 ? { partnerId: String(partners[0]!.id) } : undefined,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createStorySchema(t) }),
	})
	return (
		<Form method="post" encType="multipart/form-data" className="form stack" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<HoneypotField />
			<SelectField
				meta={fields.partnerId}
				label={t('new.partner')}
				placeholder={partners.length === 1 ? undefined : '–'}
				options={partners.map((partner) => ({ value: String(partner.id), label: partner.name }))}
			/>
			<TextField meta={fields.title} label={t('new.titleLabel')} />
			<TextareaField meta={fields.body} label={t('new.body')} hint={t('new.bodyHint')} rows={12} />
			{/* Last of the fields: an upload too large to read stops the reading there (app/images/upload.server.ts). */}
			<ImageField
				current={image.current}
				alt={image.alt}
				error={image.error}
				maxBytes={image.maxBytes}
				legend={t('new.imageLegend')}
			/>
			<div className="button-row">
				<button type="submit" className="primary">
					{t('new.submit')}
				</button>
			</div>
		</Form>
	)
}

/** A coordinator's decision on one waiting story: a comment, then publish or not. */
export function ReviewForm({
	storyId,
	lastResult,
}: {
	storyId: number
	lastResult?: SubmissionResult<string[]> | null
}) {
	const { t } = useTranslation('stories')
	const [form, fields] = useForm({
		id: `review-${storyId}`,
		lastResult,
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createReviewSchema(t) }),
	})
	return (
		<Form method="post" className="stack" {...getFormProps(form)}>
			<input type="hidden" name="storyId" value={storyId} />
			<FormErrors id={form.errorId} errors={form.errors} />
			<TextareaField meta={fields.comment} label={t('admin.comment')} hint={t('admin.commentHint')} optional rows={3} />
			<div className="button-row">
				<button type="submit" name="decision" value="approve" className="primary">
					{t('admin.approve')}
				</button>
				<button type="submit" name="decision" value="reject" className="secondary">
					{t('admin.reject')}
				</button>
			</div>
		</Form>
	)
}

export function NominationForm({
	lastResult,
	partners,
}: {
	lastResult?: SubmissionResult<string[]> | null
	partners: Array<{ id: number; name: string }>
}) {
	const { t } = useTranslation('stories')
	const [form, fields] = useForm({
		id: 'nominate',
		lastResult,
		defaultValue: { nomineeKind: 'resident' },
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createNominationSchema(t) }),
	})
	const kind = fields.nomineeKind
	const kindInvalid = Boolean(kind.errors?.length)
	return (
		<Form method="post" className="form stack" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<HoneypotField />
			<fieldset aria-describedby={kindInvalid ? kind.errorId : undefined}>
				<legend>{t('nominate.kind')}</legend>
				{getCollectionProps(kind, { type: 'radio', options: [...nomineeKinds] }).map((props) => (
					<div className="field field-checkbox" key={props.key}>
						<input {...props} key={props.key} />
						<label htmlFor={props.id}>{t(`awards.kind.${props.value as (typeof nomineeKinds)[number]}`)}</label>
					</div>
				))}
				<ErrorList id={kind.errorId} errors={kind.errors} />
			</fieldset>
			{kind.value === 'partner' ? (
				<SelectField
					meta={fields.partnerId}
					label={t('nominate.partner')}
					placeholder={t('nominate.choosePartner')}
					options={partners.map((partner) => ({ value: String(partner.id), label: partner.name }))}
				/>
			) : (
				<TextField meta={fields.nomineeName} label={t('nominate.nomineeName')} autoComplete="off" />
			)}
			<TextareaField meta={fields.action} label={t('nominate.action')} hint={t('nominate.actionHint')} rows={5} />
			<div className="button-row">
				<button type="submit" className="primary">
					{t('nominate.submit')}
				</button>
			</div>
		</Form>
	)
}
