import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/organise-event-attendees'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { FlashMessage } from '#app/events/components/flash-message.tsx'
import { type Attendee, attendeeList, eventOr404, messageAttendees } from '#app/events/events.server.ts'
import { flashParam, parseFlash } from '#app/events/flash.ts'
import { formatDateTime, formatEventWhen } from '#app/common/format.ts'
import { messageSchema } from '#app/events/schemas.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { CheckboxField, FormErrors, TextareaField, TextField } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/events/events.css'

export const handle: I18nHandle = { i18n: ['events'] }

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

function withTimes(a: Attendee, language: SupportedLanguage) {
	return { ...a, signedUp: formatDateTime(a.signedUpAt, language, config.timeZone), checkedIn: a.checkedInAt ? formatDateTime(a.checkedInAt, language, config.timeZone) : null }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	await requirePermission(request, 'events:organise')
	const event = await eventOr404(getDb(), params.eventId)
	const [t, language] = [await getT(request, 'events'), await getLanguage(request)]
	const list = await attendeeList(getDb(), event.id)
	return {
		title: `${t('attendees.title')}: ${event.title}`,
		event: { id: event.id, slug: event.slug, title: event.title, capacity: event.capacity },
		when: formatEventWhen(event.starts_at, event.ends_at, language, config.timeZone),
		going: list.going.map((a) => withTimes(a, language)),
		waiting: list.waiting.map((a) => withTimes(a, language)),
		helpers: list.helpers.map((a) => withTimes(a, language)),
		flash: parseFlash(new URL(request.url)),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const organiser = await requirePermission(request, 'events:organise')
	const event = await eventOr404(getDb(), params.eventId)
	const submission = parseWithZod(await request.formData(), { schema: messageSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const sent = await messageAttendees(getDb(), event.id, { ...submission.value, organiser: organiser.name })
	return redirect(`/organise/events/${event.id}/attendees?done=${flashParam('message-sent', sent)}`, 303)
}

type Row = ReturnType<typeof withTimes>

export default function Attendees({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('events')
	const { event } = loaderData
	const [form, fields] = useForm({
		id: 'message-form',
		lastResult: actionData?.result,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSchema }),
	})
	return (
		<div className="page">
			<p>
				<Link to={`/organise/events/${event.id}`}>← {event.title}</Link>
			</p>
			<h1>
				{t('attendees.title')}: {event.title}
			</h1>
			<p className="lead">{loaderData.when}</p>
			<FlashMessage flash={loaderData.flash} />
			<p>
				{t('attendees.summary', { going: event.capacity === null ? loaderData.going.length : `${loaderData.going.length}/${event.capacity}`, waiting: loaderData.waiting.length, helpers: loaderData.helpers.length })}
			</p>
			<p className="button-row">
				<a href={`/organise/events/${event.id}/attendees.csv`} className="button secondary" download>
					{t('attendees.export')}
				</a>
				<Link to={`/organise/events/${event.id}/check-in`} className="button secondary">
					{t('organise.checkIn')}
				</Link>
			</p>

			<AttendeeTable id="going" heading={t('attendees.going')} rows={loaderData.going} />
			<AttendeeTable id="waiting" heading={t('attendees.waiting')} rows={loaderData.waiting} showQueue />
			<AttendeeTable id="helpers" heading={t('attendees.helpers')} rows={loaderData.helpers} />

			<section aria-labelledby="message-heading" className="card stack message-card">
				<h2 id="message-heading">{t('attendees.messageHeading')}</h2>
				<p className="hint">{t('attendees.messageLead')}</p>
				<Form method="post" className="form" {...getFormProps(form)}>
					<FormErrors id={form.errorId} errors={form.errors} />
					<TextField meta={fields.subject} label={t('attendees.subject')} />
					<TextareaField meta={fields.body} label={t('attendees.body')} rows={6} />
					<CheckboxField meta={fields.includeWaiting} label={t('attendees.includeWaiting')} />
					<div className="button-row">
						<button type="submit" className="primary">
							{t('attendees.send')}
						</button>
					</div>
				</Form>
			</section>
		</div>
	)
}

function AttendeeTable({ id, heading, rows, showQueue }: { id: string; heading: string; rows: Row[]; showQueue?: boolean }) {
	const { t } = useTranslation('events')
	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>
				{heading} ({rows.length})
			</h2>
			{rows.length === 0 ? (
				<p>{t('attendees.none')}</p>
			) : (
				<div className="table-wrap" tabIndex={0} role="region" aria-labelledby={`${id}-heading`}>
					<table aria-labelledby={`${id}-heading`}>
						<thead>
							<tr>
								{showQueue ? <th scope="col">{t('attendees.queue')}</th> : null}
								<th scope="col">{t('attendees.name')}</th>
								<th scope="col">{t('attendees.email')}</th>
								<th scope="col">{t('attendees.shifts')}</th>
								<th scope="col">{t('attendees.signedUp')}</th>
								<th scope="col">{t('attendees.checkedIn')}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((a) => (
								<tr key={a.userId}>
									{showQueue ? <td>{a.placeInQueue}</td> : null}
									<th scope="row">{a.name}</th>
									<td>
										<a href={`mailto:${a.email}`}>{a.email}</a>
									</td>
									<td>{a.shifts.join(', ')}</td>
									<td>{a.signedUp}</td>
									<td>{a.checkedIn ?? ''}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	)
}
