import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/organise-event'
import { config } from '#app/config.server.ts'
import { EventForm } from '#app/events/components/event-form.tsx'
import { cancelEvent, duplicateEvent, publishEvent, updateEvent } from '#app/events/life-cycle.server.ts'
import { organisersEvent } from '#app/events/listing.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDateTime, formatEventWhen } from '#app/common/format.ts'
import { eventFormDefaults } from '#app/events/form-defaults.ts'
import { createCancelSchema, eventFormSchema } from '#app/events/schemas.ts'
import { imageFieldAfter, imageFieldView, readUploadForm, takeImageField } from '#app/images/upload.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { themeChoices, themeIds } from '#app/themes/themes.server.ts'
import { getDb } from '#db/index.ts'
import '#app/events/events.css'

export const handle: I18nHandle = { i18n: ['events', 'images'] }

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.pageTitle }]
}

/** The confirmations this page shows after an organiser's action (app/common/flash.ts). */
const messages = {
	created: 'flash.created',
	'created-published': 'flash.createdPublished',
	series: 'flash.series',
	saved: 'flash.saved',
	notified: 'flash.notified',
	published: 'flash.published',
	duplicated: 'flash.duplicated',
	cancelled: 'flash.cancelled',
	'start-in-past': 'flash.startInPast',
} as const

export async function loader({ request, params }: Route.LoaderArgs) {
	const { event } = await organisersEvent(getDb(), request, params.eventId)
	const [t, language] = [await getT(request, 'events'), await getLanguage(request)]
	const shifts = await getDb()
		.selectFrom('event_helper_shift')
		.select(['id', 'title', 'needed'])
		.where('event_id', '=', event.id)
		.orderBy('sort_order')
		.execute()
	return {
		pageTitle: `${t('organise.editTitle')}: ${event.title}`,
		event: { id: event.id, slug: event.slug, title: event.title, status: event.status, startsAt: event.starts_at },
		when: formatEventWhen(event.starts_at, event.ends_at, language, config.timeZone),
		cancelledAt: event.cancelled_at ? formatDateTime(event.cancelled_at, language, config.timeZone) : null,
		defaults: eventFormDefaults(event, shifts, config.timeZone),
		timeZone: config.timeZone,
		image: await imageFieldView(getDb(), event.image_id),
		themes: await themeChoices(getDb(), language),
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { organiser, event } = await organisersEvent(getDb(), request, params.eventId)
	const db = getDb()
	const now = new Date()
	const upload = await readUploadForm(request)
	const formData = upload.formData
	const intent = formData.get('intent')
	const here = `/organise/events/${event.id}`

	if (intent === 'publish-event') {
		const outcome = await publishEvent(db, event.id, now)
		return redirect(withFlash(here, outcome.kind === 'startInPast' ? 'start-in-past' : 'published'))
	}
	if (intent === 'duplicate') {
		const copy = await duplicateEvent(db, event.id, organiser.id, now)
		return redirect(withFlash(`/organise/events/${copy!.id}`, 'duplicated'))
	}
	if (intent === 'cancel-event') {
		const submission = parseWithZod(formData, { schema: createCancelSchema(await getT(request, 'events')) })
		if (submission.status !== 'success')
			return data({ result: null, cancelResult: submission.reply(), image: null }, { status: 400 })
		const outcome = await cancelEvent(db, event.id, submission.value.note || null, now)
		return redirect(withFlash(here, 'cancelled', outcome.kind === 'cancelled' ? outcome.notified : 0))
	}

	if (event.status === 'cancelled') throw new Response('Conflict', { status: 409 })
	const schema = eventFormSchema(await getT(request, 'events'), {
		timeZone: config.timeZone,
		now,
		currentStartsAt: event.starts_at,
		themeIds: await themeIds(db),
	})
	const image = await takeImageField(db, upload, { createdBy: organiser.id })
	const submission = parseWithZod(formData, { schema })
	if (submission.status !== 'success' || image.error) {
		const imageView = await imageFieldAfter(db, request, image)
		const result = submission.reply({ fieldErrors: imageView.error ? { image: [imageView.error] } : {} })
		return data({ result, cancelResult: null, image: imageView }, { status: 400 })
	}
	const { intent: saveIntent, repeat: _repeat, ...input } = submission.value
	const outcome = await updateEvent(db, event.id, input, { publish: saveIntent === 'publish' }, now)
	if (outcome.kind !== 'updated') throw new Response('Conflict', { status: 409 })
	if (outcome.notified > 0) return redirect(withFlash(here, 'notified', outcome.notified))
	return redirect(withFlash(here, event.status === 'draft' && saveIntent === 'publish' ? 'published' : 'saved'))
}

export default function OrganiseEvent({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('events')
	const { event, flash } = loaderData
	return (
		<div className="page organise-event">
			<p>
				<Link to="/organise/events">← {t('organise.backToList')}</Link>
			</p>
			<h1>{event.title}</h1>
			<p className="lead">{loaderData.when}</p>
			<FlashMessage warning={flash?.key === 'start-in-past'}>
				{flash ? t(messages[flash.key], { count: flash.count }) : null}
			</FlashMessage>
			<div className="organise-layout">
				<div>
					<h2>{t('organise.editTitle')}</h2>
					{event.status === 'cancelled' ? (
						<p className="notice">{t('manage.cancelledAt', { time: loaderData.cancelledAt })}</p>
					) : (
						<EventForm
							// A new key after each save resets the form to what was stored.
							key={`${event.id}-${flash?.key ?? ''}`}
							mode="edit"
							status={event.status}
							defaultValue={loaderData.defaults}
							lastResult={actionData?.result}
							timeZone={loaderData.timeZone}
							currentStartsAt={event.startsAt}
							image={actionData?.image ?? loaderData.image}
							themes={loaderData.themes}
						/>
					)}
				</div>
				<aside className="organise-aside" aria-labelledby="manage-heading">
					<div className="card stack">
						<h2 id="manage-heading">{t('manage.statusHeading')}</h2>
						<p>
							<span className={`badge badge-${event.status}`}>{t(`status.${event.status}`)}</span>
						</p>
						<ul className="link-list">
							<li>
								<Link to={`/events/${event.slug}`}>{t('organise.view')}</Link>
							</li>
							<li>
								<Link to={`/organise/events/${event.id}/attendees`}>{t('organise.attendees')}</Link>
							</li>
							<li>
								<Link to={`/organise/events/${event.id}/check-in`}>{t('organise.checkIn')}</Link>
							</li>
						</ul>
						{event.status === 'draft' ? (
							<Form method="post" className="stack">
								<p className="hint">{t('manage.publishHint')}</p>
								<button type="submit" name="intent" value="publish-event" className="primary">
									{t('manage.publish')}
								</button>
							</Form>
						) : null}
						<Form method="post" className="stack">
							<p className="hint">{t('manage.duplicateHint')}</p>
							<button type="submit" name="intent" value="duplicate" className="secondary">
								{t('manage.duplicate')}
							</button>
						</Form>
					</div>
					{event.status !== 'cancelled' ? (
						<div className="card stack danger-zone">
							<h2>{t('manage.cancelHeading')}</h2>
							<p className="hint">{t('manage.cancelHint')}</p>
							<Form method="post" className="form">
								<div className="field">
									<label htmlFor="cancel-note">
										{t('manage.cancelNote')} <span className="optional">({t('form.optional', { ns: 'common' })})</span>
									</label>
									<p className="hint" id="cancel-note-hint">
										{t('manage.cancelNoteHint')}
									</p>
									<textarea
										id="cancel-note"
										name="note"
										rows={3}
										maxLength={1000}
										aria-describedby="cancel-note-hint"
									/>
								</div>
								<button type="submit" name="intent" value="cancel-event" className="danger">
									{t('manage.cancel')}
								</button>
							</Form>
						</div>
					) : null}
				</aside>
			</div>
		</div>
	)
}
