import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ReactNode } from 'react'
import { Form } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ErrorList, FormErrors, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { ThemeIcon } from './components.tsx'
import { themeColourNames, themeColours, themeIconNames } from './palette.ts'
import { themeCategories, themeFormSchema } from './schemas.ts'

export interface ThemeFormValues {
	titleSv: string
	titleEn: string
	slug: string
	descriptionSv: string
	descriptionEn: string
	startsOn: string
	endsOn: string
	colour: string
	icon: string
	kickOffEventId: string
	commitmentCategory: string
	imageAlt: string
	imageId: string
	/** The file input: never a default, named here so its errors have a field to go to. */
	image: string
}

/**
 * The coordinators' form for a theme, to create or edit. The same schema checks it as people type
 * and, always, on the server, which also knows which events may open the theme.
 */
export function ThemeForm({
	id,
	defaultValue,
	lastResult,
	submitLabel,
	events,
	image,
}: {
	id: string
	defaultValue?: Partial<ThemeFormValues>
	lastResult?: SubmissionResult<string[]> | null
	submitLabel: string
	/** Events that may be the kick-off: title and date in the page's language. */
	events: Array<{ id: number; label: string }>
	/** The theme's image now, if it has one (shown beside the upload field). */
	image?: { id: number; alt: string } | null
}) {
	// 'pledge' as well, for the categories' names (fetched on a client-side navigation only if named here).
	const { t } = useTranslation(['themes', 'pledge'])
	const [form, fields] = useForm({
		id,
		lastResult,
		defaultValue,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: themeFormSchema(t) }),
	})
	const imageInvalid = Boolean(fields.image.errors?.length)
	return (
		<Form method="post" encType="multipart/form-data" className="form theme-form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value="save" />
			<FormErrors id={form.errorId} errors={form.errors} />
			<fieldset>
				<legend>{t('fields.texts')}</legend>
				<div className="stack">
					<TextField meta={fields.titleSv} label={t('fields.titleSv')} />
					<TextField meta={fields.titleEn} label={t('fields.titleEn')} />
					<TextField
						meta={fields.slug}
						label={t('fields.slug')}
						hint={t('fields.slugHint', { example: 'resor-och-transporter' })}
					/>
					<TextareaField
						meta={fields.descriptionSv}
						label={t('fields.descriptionSv')}
						hint={t('fields.descriptionHint')}
						rows={6}
					/>
					<TextareaField
						meta={fields.descriptionEn}
						label={t('fields.descriptionEn')}
						hint={t('fields.descriptionHint')}
						rows={6}
					/>
				</div>
			</fieldset>

			<fieldset>
				<legend>{t('fields.period')}</legend>
				<div className="field-row">
					<TextField meta={fields.startsOn} type="date" label={t('fields.startsOn')} />
					<TextField meta={fields.endsOn} type="date" label={t('fields.endsOn')} />
				</div>
			</fieldset>

			<fieldset>
				<legend>{t('fields.look')}</legend>
				<div className="stack">
					<PictureChoices
						meta={fields.colour}
						legend={t('fields.colour')}
						choices={themeColourNames.map((colour) => ({
							value: colour,
							label: t(`colours.${colour}`),
							picture: (
								<span className="theme-swatch" style={{ background: themeColours[colour] }} aria-hidden="true" />
							),
						}))}
					/>
					<PictureChoices
						meta={fields.icon}
						legend={t('fields.icon')}
						choices={[
							{ value: '', label: t('fields.noIcon'), picture: null },
							...themeIconNames.map((icon) => ({
								value: icon,
								label: t(`icons.${icon}`),
								picture: <ThemeIcon name={icon} />,
							})),
						]}
					/>
				</div>
			</fieldset>

			<fieldset>
				<legend>{t('fields.content')}</legend>
				<div className="stack">
					<SelectField
						meta={fields.kickOffEventId}
						label={t('fields.kickOff')}
						hint={t('fields.kickOffHint')}
						placeholder={t('fields.noKickOff')}
						options={events.map((event) => ({ value: String(event.id), label: event.label }))}
					/>
					<SelectField
						meta={fields.commitmentCategory}
						label={t('fields.category')}
						hint={t('fields.categoryHint')}
						placeholder={t('fields.noCategory')}
						options={themeCategories.map((category) => ({
							value: category,
							label: t(`categories.${category}`, { ns: 'pledge' }),
						}))}
					/>
				</div>
			</fieldset>

			{/* Last, as app/images/upload.server.ts asks: the fields after an oversized file are not read. */}
			<fieldset>
				<legend>{t('fields.image')}</legend>
				<div className="stack">
					<input {...getInputProps(fields.imageId, { type: 'hidden' })} key={fields.imageId.key} />
					<TextField meta={fields.imageAlt} label={t('fields.imageAlt')} hint={t('fields.imageAltHint')} />
					<div className="field">
						<label htmlFor={`${id}-image`}>
							{t('fields.imageFile')} <span className="optional">({t('form.optional', { ns: 'common' })})</span>
						</label>
						<p id={`${id}-image-hint`} className="hint">
							{image ? `${t('fields.imageNow', { alt: image.alt })} ` : null}
							{t('fields.imageHint')}
						</p>
						<input
							id={`${id}-image`}
							name="image"
							type="file"
							accept="image/jpeg,image/png,image/webp,image/avif"
							aria-invalid={imageInvalid || undefined}
							aria-describedby={imageInvalid ? `${id}-image-hint ${fields.image.errorId}` : `${id}-image-hint`}
						/>
						<ErrorList id={fields.image.errorId} errors={fields.image.errors} />
					</div>
					{image ? (
						<label className="choice">
							<input type="checkbox" name="imageRemove" /> {t('fields.imageRemove')}
						</label>
					) : null}
				</div>
			</fieldset>

			<div className="button-row">
				<button type="submit" className="primary">
					{submitLabel}
				</button>
			</div>
		</Form>
	)
}

/**
 * Radio buttons in a row, each with a picture beside its name: the theme's colour and its icon are
 * chosen by what they look like. The empty value ("no icon") is chosen when the field has none.
 */
function PictureChoices({
	meta,
	legend,
	choices,
}: {
	meta: FieldMetadata<string | null | undefined>
	legend: string
	choices: Array<{ value: string; label: string; picture: ReactNode }>
}) {
	const invalid = Boolean(meta.errors?.length)
	return (
		<fieldset
			className="inner"
			aria-invalid={invalid || undefined}
			aria-describedby={invalid ? meta.errorId : undefined}
		>
			<legend>{legend}</legend>
			<div className="choice-list horizontal">
				{choices.map((choice) => {
					const props = getInputProps(meta, { type: 'radio', value: choice.value })
					return (
						<label key={choice.value} className="choice theme-choice">
							<input
								{...props}
								key={`${meta.key}-${choice.value}`}
								// One id per button (the field's id would repeat), and Conform leaves an empty value out.
								id={`${meta.id}-${choice.value || 'none'}`}
								value={choice.value}
								defaultChecked={choice.value === '' ? !meta.initialValue : props.defaultChecked}
							/>
							{choice.picture}
							{choice.label}
						</label>
					)
				})}
			</div>
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</fieldset>
	)
}
