import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/organise-event-attendees'
import { config } from '#app/config.server.ts'
import { type Attendee, attendeeList, messageAttendees } from '#app/events/attendees.server.ts'
import { organisersEvent } from '#app/events/listing.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDateTime, formatEventWhen } from '#app/common/format.ts'
import { createMessageSchema } from '#app/events/schemas.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { CheckboxField, FormErrors, TextareaField, TextField } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/events/events.css'

export const handle: I18nHandle = { i18n: ['events'] }

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

/** The confirmation this page shows after the organiser's message went out (app/common/flash.ts). */
const messages = { 'message-sent': 'flash.messageSent' } as const

function withTimes(a: Attendee, language: SupportedLanguage) {
	return {
		...a,
		signedUp: formatDateTime(a.signedUpAt, language, config.timeZone),
		checkedIn: a.checkedInAt ? formatDateTime(a.checkedInAt, language, config.timeZone) : null,
	}
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { event } = await organisersEvent(getDb(), request, params.eventId)
	const [t, language] = [await getT(request, 'events'), await getLanguage(request)]
	const list = await attendeeList(getDb(), event.id)
	return {
		title: `${t('attendees.title')}: ${event.title}`,
		event: { id: event.id, slug: event.slug, title: event.title, capacity: event.capacity },
		when: formatEventWhen(event.starts_at, event.ends_at, language, config.timeZone),
		going: list.going.map((a) => withTimes(a, language)),
		waiting: list.waiting.map((a) => withTimes(a, language)),
		helpers: list.helpers.map((a) => withTimes(a, language)),
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { organiser, event } = await organisersEvent(getDb(), request, params.eventId)
	const submission = parseWithZod(await request.formData(), {
		schema: createMessageSchema(await getT(request, 'events')),
	})
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const sent = await messageAttendees(getDb(), event.id, { ...submission.value, organiser: organiser.name })
	return redirect(withFlash(`/organise/events/${event.id}/attendees`, 'message-sent', sent), 303)
}

type Row = ReturnType<typeof withTimes>

export default function Attendees({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('events')
	const { event, flash } = loaderData
	const [form, fields] = useForm({
		id: 'message-form',
		lastResult: actionData?.result,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createMessageSchema(t) }),
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
			<FlashMessage>{flash ? t(messages[flash.key], { count: flash.count }) : null}</FlashMessage>
			<p>
				{t('attendees.summary', {
					going:
						event.capacity === null
							? t('attendees.summaryGoing', { count: loaderData.going.length })
							: t('attendees.summaryGoingOf', { count: loaderData.going.length, capacity: event.capacity }),
					waiting: t('attendees.summaryWaiting', { count: loaderData.waiting.length }),
					helpers: t('attendees.summaryHelpers', { count: loaderData.helpers.length }),
				})}
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

function AttendeeTable({
	id,
	heading,
	rows,
	showQueue,
}: {
	id: string
	heading: string
	rows: Row[]
	showQueue?: boolean
}) {
	const { t } = useTranslation('events')
	return (
		// Not a landmark itself: the scrolling table below is the one region named by this heading
		// (two regions with the same name are one landmark too many, axe's landmark-unique).
		<section>
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
