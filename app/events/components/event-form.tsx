import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { Form } from 'react-router'
import { FormErrors, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { ImageField } from '#app/images/image-field.tsx'
import type { ImageFieldView } from '#app/images/sources.ts'
import { eventAudiences, eventFormSchema, eventTypes, limits } from '../schemas.ts'

export interface EventFormDefaults {
	type?: string
	audience?: string
	title?: string
	description?: string
	titleEn?: string
	descriptionEn?: string
	themeId?: string
	date?: string
	startTime?: string
	endTime?: string
	endDate?: string
	place?: string
	onlineUrl?: string
	capacity?: string
	rsvpClosesDate?: string
	rsvpClosesTime?: string
	reminderHours?: string
	shifts: Array<{ id?: string; title?: string; needed?: string }>
	repeat?: string
	occurrences?: string
}

/** Blank rows after the shifts already there: enough to add shifts without JavaScript. */
export const BLANK_SHIFT_ROWS = 2

/**
 * Create and edit an event. The same schema validates in the browser (as people type) and on the
 * server (always); times are local to the pact and stored in UTC.
 */
export function EventForm({
	mode,
	status,
	defaultValue,
	lastResult,
	timeZone,
	currentStartsAt,
	image,
	themes = [],
}: {
	mode: 'new' | 'edit'
	status: 'draft' | 'published'
	defaultValue: EventFormDefaults
	lastResult?: SubmissionResult<string[]> | null
	timeZone: string
	currentStartsAt?: string
	/** The event's image field (app/images): what it has now, and a refusal to show beside it. */
	image: ImageFieldView
	/** The focus themes an event may belong to (app/themes), latest first. */
	themes?: Array<{ id: number; title: string }>
}) {
	const { t } = useTranslation('events')
	const [form, fields] = useForm({
		id: 'event-form',
		lastResult,
		defaultValue,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) =>
			parseWithZod(formData, { schema: eventFormSchema(t, { timeZone, now: new Date(), currentStartsAt }) }),
	})
	const shifts = fields.shifts.getFieldList()
	return (
		<Form method="post" encType="multipart/form-data" className="form event-form" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<fieldset>
				<legend>{t('form.basics')}</legend>
				<div className="stack">
					<SelectField
						meta={fields.type}
						label={t('form.type')}
						placeholder={t('form.chooseType')}
						options={eventTypes.map((type) => ({ value: type, label: t(`types.${type}`) }))}
					/>
					<TextField meta={fields.title} label={t('form.title')} />
					{themes.length > 0 ? (
						<SelectField
							meta={fields.themeId}
							label={t('form.theme')}
							hint={t('form.themeHint')}
							placeholder={t('form.noTheme')}
							options={themes.map((theme) => ({ value: String(theme.id), label: theme.title }))}
						/>
					) : null}
					<TextareaField
						meta={fields.description}
						label={t('form.description')}
						hint={t('form.descriptionHint')}
						optional
						rows={8}
					/>
				</div>
			</fieldset>

			<fieldset>
				<legend>{t('form.inEnglish')}</legend>
				<p className="hint">{t('form.inEnglishHint')}</p>
				<div className="stack">
					<TextField meta={fields.titleEn} label={t('form.titleEn')} optional />
					<TextareaField meta={fields.descriptionEn} label={t('form.descriptionEn')} optional rows={6} />
				</div>
			</fieldset>

			<fieldset>
				<legend>{t('form.time')}</legend>
				<p className="hint">{t('form.timeZoneHint', { zone: timeZone })}</p>
				<div className="field-row">
					<TextField meta={fields.date} type="date" label={t('form.date')} />
					<TextField meta={fields.startTime} type="time" label={t('form.startTime')} />
					<TextField meta={fields.endTime} type="time" label={t('form.endTime')} />
				</div>
				<TextField meta={fields.endDate} type="date" label={t('form.endDate')} hint={t('form.endDateHint')} optional />
			</fieldset>

			<fieldset>
				<legend>{t('form.where')}</legend>
				<div className="stack">
					<TextField meta={fields.place} label={t('form.place')} hint={t('form.placeHint')} optional />
					<TextField
						meta={fields.onlineUrl}
						type="url"
						label={t('form.onlineUrl')}
						hint={t('form.onlineUrlHint')}
						optional
					/>
				</div>
			</fieldset>

			<fieldset>
				<legend>{t('form.rsvp')}</legend>
				<div className="stack">
					<SelectField
						meta={fields.audience}
						label={t('form.audience')}
						hint={t('form.audienceHint')}
						options={eventAudiences.map((audience) => ({ value: audience, label: t(`audience.${audience}`) }))}
					/>
					<TextField
						meta={fields.capacity}
						type="number"
						min={1}
						max={limits.capacity}
						label={t('form.capacity')}
						hint={t('form.capacityHint')}
						optional
					/>
					<div className="field-row">
						<TextField meta={fields.rsvpClosesDate} type="date" label={t('form.rsvpClosesDate')} optional />
						<TextField meta={fields.rsvpClosesTime} type="time" label={t('form.rsvpClosesTime')} optional />
					</div>
					<p className="hint">{t('form.rsvpClosesHint')}</p>
					<TextField
						meta={fields.reminderHours}
						type="number"
						min={0}
						max={limits.reminderHours}
						label={t('form.reminderHours')}
						hint={t('form.reminderHoursHint')}
					/>
				</div>
			</fieldset>

			<fieldset>
				<legend>{t('form.shifts')}</legend>
				<p className="hint">{t('form.shiftsHint')}</p>
				<ErrorListFor errors={fields.shifts.errors} id={fields.shifts.errorId} />
				{shifts.map((shift, i) => {
					const parts = shift.getFieldset()
					return (
						<div className="field-row shift-row" key={shift.key}>
							<input type="hidden" name={parts.id.name} defaultValue={parts.id.initialValue ?? ''} />
							<TextField meta={parts.title} label={t('form.shiftTitle', { number: i + 1 })} />
							<TextField
								meta={parts.needed}
								type="number"
								min={1}
								max={limits.shiftNeeded}
								label={t('form.shiftNeeded', { number: i + 1 })}
								className="narrow-field"
							/>
						</div>
					)
				})}
			</fieldset>

			{mode === 'new' ? (
				<fieldset>
					<legend>{t('form.repeat')}</legend>
					<p className="hint">{t('form.repeatHint')}</p>
					<div className="field-row">
						<SelectField
							meta={fields.repeat}
							label={t('form.repeat')}
							options={[
								{ value: 'none', label: t('form.repeatNone') },
								{ value: 'weekly', label: t('form.repeatWeekly') },
								{ value: 'monthly', label: t('form.repeatMonthly') },
							]}
						/>
						<TextField
							meta={fields.occurrences}
							type="number"
							min={2}
							max={limits.occurrences}
							label={t('form.occurrences')}
							optional
							className="narrow-field"
						/>
					</div>
				</fieldset>
			) : null}

			{/* Last of the fields: an upload too large to read stops the reading there (upload.server.ts). */}
			<ImageField current={image.current} alt={image.alt} error={image.error} maxBytes={image.maxBytes} />

			{status === 'published' ? <p className="notice">{t('form.changeWarning')}</p> : null}
			<div className="button-row">
				{status === 'published' ? (
					<button type="submit" name="intent" value="save" className="primary">
						{t('form.save')}
					</button>
				) : (
					// Saving comes first: pressing Enter in a field must never publish by accident.
					<>
						<button type="submit" name="intent" value="save" className="secondary">
							{t('form.saveDraft')}
						</button>
						<button type="submit" name="intent" value="publish" className="primary">
							{t('form.publish')}
						</button>
					</>
				)}
			</div>
		</Form>
	)
}

function ErrorListFor({ errors, id }: { errors?: string[]; id: string }) {
	return <FormErrors id={id} errors={errors} />
}
