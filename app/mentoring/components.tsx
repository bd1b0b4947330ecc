import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { FormErrors, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { meetingSchema, pairSchema } from './schemas.ts'
import './mentoring.css'

/** The mentoring area's forms and its meeting log. Routes using them list 'mentoring' in their handle. */

/** A coordinator pairs a new partner with a mentor, both from the partners with an approved agreement. */
export function PairForm({
	partners,
	lastResult,
}: {
	partners: Array<{ id: number; name: string }>
	lastResult?: SubmissionResult<string[]> | null
}) {
	const { t } = useTranslation('mentoring')
	const [form, fields] = useForm({
		id: 'pair',
		lastResult,
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: pairSchema(t) }),
	})
	const options = partners.map((partner) => ({ value: String(partner.id), label: partner.name }))
	return (
		<Form method="post" action="?intent=pair" className="form stack" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<div className="pair-fields">
				<SelectField
					meta={fields.menteeId}
					label={t('admin.mentee')}
					hint={t('admin.menteeHint')}
					placeholder={t('admin.choose')}
					options={options}
				/>
				<SelectField
					meta={fields.mentorId}
					label={t('admin.mentor')}
					hint={t('admin.mentorHint')}
					placeholder={t('admin.choose')}
					options={options}
				/>
			</div>
			<div className="button-row">
				<button type="submit" className="primary">
					{t('admin.pair')}
				</button>
			</div>
		</Form>
	)
}

/** Either side logs a meeting: the day (today at the latest) and what it was about. */
export function MeetingForm({
	mentorshipId,
	today,
	lastResult,
}: {
	mentorshipId: number
	/** The pact's today, YYYY-MM-DD: the latest day the date picker offers. */
	today: string
	lastResult?: SubmissionResult<string[]> | null
}) {
	const { t } = useTranslation('mentoring')
	const [form, fields] = useForm({
		id: `meeting-${mentorshipId}`,
		lastResult,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingSchema(t) }),
	})
	return (
		<Form method="post" className="form stack meeting-form" {...getFormProps(form)}>
			<input type="hidden" name="mentorshipId" value={mentorshipId} />
			<FormErrors id={form.errorId} errors={form.errors} />
			<TextField meta={fields.metOn} type="date" label={t('page.metOn')} max={today} />
			<TextareaField meta={fields.note} label={t('page.note')} hint={t('page.noteHint')} optional rows={3} />
			<div className="button-row">
				<button type="submit" className="primary">
					{t('page.log')}
				</button>
			</div>
		</Form>
	)
}

export interface MeetingView {
	id: number
	/** Already in words, in the page's language. */
	day: string
	note: string | null
	loggedBy: string | null
}

/** The meetings, newest first. */
export function MeetingLog({ meetings }: { meetings: MeetingView[] }) {
	const { t } = useTranslation('mentoring')
	if (meetings.length === 0) return <p>{t('page.noMeetings')}</p>
	return (
		<ol className="meeting-log">
			{meetings.map((meeting) => (
				<li key={meeting.id}>
					<p className="meeting-day">{meeting.day}</p>
					{meeting.note ? <p className="meeting-note">{meeting.note}</p> : null}
					{meeting.loggedBy ? <p className="muted">{t('page.loggedBy', { name: meeting.loggedBy })}</p> : null}
				</li>
			))}
		</ol>
	)
}
