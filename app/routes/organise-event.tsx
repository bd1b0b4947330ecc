import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/organise-event'
import { config } from '#app/config.server.ts'
import { EventForm } from '#app/events/components/event-form.tsx'
import { cancelEvent, duplicateEvent, publishEvent, restoreEvent, updateEvent } from '#app/events/life-cycle.server.ts'
import { organisersEvent } from '#app/events/listing.server.ts'
import {
	addCoOrganiser,
	coOrganisers,
	mayChooseCoOrganisers,
	removeCoOrganiser,
} from '#app/events/organisers.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDateTime, formatEventWhen } from '#app/common/format.ts'
import { eventFormDefaults } from '#app/events/form-defaults.ts'
import { createCancelSchema, createCoOrganiserSchema, eventFormSchema } from '#app/events/schemas.ts'
import { imageFieldAfter, imageFieldView, readUploadForm, takeImageField } from '#app/images/upload.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { ErrorList } from '#app/ui/forms.tsx'
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
	restored: 'flash.restored',
	'restore-ended': 'flash.restoreEnded',
	'start-in-past': 'flash.startInPast',
	'co-organiser-added': 'flash.coOrganiserAdded',
	'co-organiser-removed': 'flash.coOrganiserRemoved',
} as const

export async function loader({ request, params }: Route.LoaderArgs) {
	const { organiser, event } = await organisersEvent(getDb(), request, params.eventId)
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
		restorable: event.status === 'cancelled' && event.ends_at > new Date().toISOString(),
		defaults: eventFormDefaults(event, shifts, config.timeZone),
		timeZone: config.timeZone,
		image: await imageFieldView(getDb(), event.image_id),
		themes: await themeChoices(getDb(), language),
		flash: readFlash(new URL(request.url), messages),
		coOrganisers: await coOrganisers(getDb(), event.id),
		/** Only the event's organiser, or a coordinator, adds and removes co-organisers. */
		mayChooseCoOrganisers: await mayChooseCoOrganisers(getDb(), organiser.id, event),
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

	if (intent === 'add-co-organiser' || intent === 'remove-co-organiser') {
		if (!(await mayChooseCoOrganisers(db, organiser.id, event))) throw new Response('Forbidden', { status: 403 })
		if (intent === 'remove-co-organiser') {
			await removeCoOrganiser(db, event.id, Number(formData.get('userId')))
			return redirect(withFlash(here, 'co-organiser-removed'))
		}
		const t = await getT(request, 'events')
		const submission = parseWithZod(formData, { schema: createCoOrganiserSchema(t) })
		const refused = (error: string) =>
			data(
				{
					result: null,
					cancelResult: null,
					image: null,
					coOrganiser: { email: String(formData.get('email') ?? ''), error },
				},
				{ status: 400 },
			)
		if (submission.status !== 'success')
			return refused(submission.error?.email?.[0] ?? t('coOrganisers.notAnOrganiser'))
		const outcome = await addCoOrganiser(db, event, submission.value.email, organiser.id, now)
		if (outcome.kind === 'not-an-organiser') return refused(t('coOrganisers.notAnOrganiser'))
		if (outcome.kind === 'is-organiser') return refused(t('coOrganisers.isOrganiser'))
		return redirect(withFlash(here, 'co-organiser-added'))
	}
	if (intent === 'restore-event') {
		const outcome = await restoreEvent(db, event.id, now)
		if (outcome.kind === 'ended') return redirect(withFlash(here, 'restore-ended'))
		return redirect(outcome.kind === 'restored' ? withFlash(here, 'restored', outcome.notified) : here)
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
			<FlashMessage warning={flash?.key === 'start-in-past' || flash?.key === 'restore-ended'}>
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
					<CoOrganisers
						people={loaderData.coOrganisers}
						mayChoose={loaderData.mayChooseCoOrganisers}
						sent={actionData && 'coOrganiser' in actionData ? actionData.coOrganiser : null}
					/>
					{loaderData.restorable ? (
						<div className="card stack">
							<h2>{t('manage.restoreHeading')}</h2>
							<p className="hint">{t('manage.restoreHint')}</p>
							<Form method="post">
								<button type="submit" name="intent" value="restore-event" className="primary">
									{t('manage.restore')}
								</button>
							</Form>
						</div>
					) : null}
				</aside>
			</div>
		</div>
	)
}

/**
 * Who manages the event besides its organiser (issue 12). The organiser (or a coordinator) adds
 * another organiser by the address they sign in with, and can remove them again.
 */
function CoOrganisers({
	people,
	mayChoose,
	sent,
}: {
	people: Array<{ userId: number; name: string; email: string }>
	mayChoose: boolean
	sent: { email: string; error: string } | null
}) {
	const { t } = useTranslation('events')
	return (
		<div className="card stack">
			<h2 id="co-organisers-heading">{t('coOrganisers.heading')}</h2>
			<p className="hint">{t(mayChoose ? 'coOrganisers.hint' : 'coOrganisers.onlyOrganiser')}</p>
			{people.length === 0 ? (
				<p>{t('coOrganisers.none')}</p>
			) : (
				<ul className="link-list" aria-labelledby="co-organisers-heading">
					{people.map((person) => (
						<li key={person.userId}>
							{person.name} <span className="muted">({person.email})</span>
							{mayChoose ? (
								<Form method="post">
									<input type="hidden" name="userId" value={person.userId} />
									<button type="submit" name="intent" value="remove-co-organiser" className="secondary">
										{t('coOrganisers.remove')}
										<span className="visually-hidden">: {person.name}</span>
									</button>
								</Form>
							) : null}
						</li>
					))}
				</ul>
			)}
			{mayChoose ? (
				<Form method="post" className="form">
					<div className="field">
						<label htmlFor="co-organiser-email">{t('coOrganisers.email')}</label>
						<p className="hint" id="co-organiser-email-hint">
							{t('coOrganisers.emailHint')}
						</p>
						<input
							id="co-organiser-email"
							name="email"
							type="email"
							autoComplete="off"
							maxLength={254}
							defaultValue={sent?.email ?? ''}
							aria-invalid={sent ? true : undefined}
							aria-describedby={sent ? 'co-organiser-email-hint co-organiser-email-error' : 'co-organiser-email-hint'}
						/>
						<ErrorList id="co-organiser-email-error" errors={sent ? [sent.error] : null} />
					</div>
					<button type="submit" name="intent" value="add-co-organiser" className="secondary">
						{t('coOrganisers.add')}
					</button>
				</Form>
			) : null}
		</div>
	)
}
