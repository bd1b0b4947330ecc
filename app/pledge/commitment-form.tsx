import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { Form } from 'react-router'
import { ErrorList, FormErrors, TextareaField, TextField } from '#app/ui/forms.tsx'
import { commitmentCategories, createCommitmentSchema } from './schemas.ts'

export interface CommitmentFormValues {
	category: string
	titleSv: string
	titleEn: string
	kgCo2ePerYear: string
	source: string
}

/** The coordinators' form for one catalogue commitment, to add or to edit. */
export function CommitmentForm({
	id,
	defaultValue,
	lastResult,
	submitLabel,
}: {
	id: string
	defaultValue?: Partial<CommitmentFormValues>
	lastResult?: SubmissionResult<string[]>
	submitLabel: string
}) {
	const { t } = useTranslation('pledge')
	const [form, fields] = useForm({
		id,
		lastResult,
		defaultValue,
		constraint: getZodConstraint(createCommitmentSchema(t)),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createCommitmentSchema(t) }),
	})
	const categoryInvalid = Boolean(fields.category.errors?.length)
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value="save" />
			<FormErrors id={form.errorId} errors={form.errors} />
			<div className="field">
				<label htmlFor={fields.category.id}>{t('catalogue.fields.category')}</label>
				<select
					{...getSelectProps(fields.category)}
					key={fields.category.key}
					aria-invalid={categoryInvalid || undefined}
					aria-describedby={categoryInvalid ? fields.category.errorId : undefined}
				>
					<option value="">{t('catalogue.fields.chooseCategory')}</option>
					{commitmentCategories.map((category) => (
						<option key={category} value={category}>
							{t(`categories.${category}`)}
						</option>
					))}
				</select>
				<ErrorList id={fields.category.errorId} errors={fields.category.errors} />
			</div>
			<TextareaField meta={fields.titleSv} label={t('catalogue.fields.titleSv')} rows={2} />
			<TextareaField meta={fields.titleEn} label={t('catalogue.fields.titleEn')} rows={2} />
			<TextField
				meta={fields.kgCo2ePerYear}
				label={t('catalogue.fields.kg')}
				hint={t('catalogue.fields.kgHint')}
				inputMode="numeric"
				optional
			/>
			<TextField
				meta={fields.source}
				label={t('catalogue.fields.source')}
				hint={t('catalogue.fields.sourceHint')}
				optional
			/>
			<div className="button-row">
				<button type="submit" className="primary">
					{submitLabel}
				</button>
			</div>
		</Form>
	)
}
