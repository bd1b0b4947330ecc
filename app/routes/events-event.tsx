import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/events-event'
import { refusePublicForm } from '#app/auth/rate-limit.server.ts'
import { getUser } from '#app/auth/session.server.ts'
import { managesEvent } from '#app/events/organisers.server.ts'
import { config } from '#app/config.server.ts'
import { PlacesLeft } from '#app/events/components/event-card.tsx'
import { eventPageData, findEvent } from '#app/events/listing.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDateTime, formatEventWhen } from '#app/common/format.ts'
import { markdownToHtml, webProfile } from '#app/common/markdown.server.ts'
import {
	canStillCancel,
	cancelRsvp,
	leaveHelperShift,
	rsvp,
	rsvpIsOpen,
	shiftBelongsToEvent,
	takeHelperShift,
} from '#app/events/rsvp.server.ts'
import { rsvpSchema, type EventType } from '#app/events/schemas.ts'
import { mayJoinAudience } from '#app/events/audiences.server.ts'
import { AudienceBadge, PartnersOnly } from '#app/events/components/audience.tsx'
import { eventDescription, eventTitle } from '#app/events/languages.ts'
import { getPicture, openGraphImageUrl } from '#app/images/images.server.ts'
import { Picture } from '#app/images/picture.tsx'
import { socialMeta } from '#app/common/social.ts'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { isQuestionIntent, questionAction, questionsSection } from '#app/questions/actions.server.ts'
import { QuestionsSection } from '#app/questions/components.tsx'
import { PartnershipDayNotice } from '#app/partnership-day/components.tsx'
import { partnershipDayPath } from '#app/partnership-day/partnership-day.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { FormErrors } from '#app/ui/forms.tsx'
import { HoneypotField } from '#app/ui/honeypot.tsx'
import { getDb } from '#db/index.ts'
import '#app/events/events.css'

export const handle: I18nHandle = { i18n: ['events', 'questions', 'partnership-day'] }

export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	const description = `${data.when}${data.event.place ? `, ${data.event.place}` : ''}`
	return [
		{ title: `${data.event.title} – ${data.pactName}` },
		{ name: 'description', content: description },
		...socialMeta({ title: data.event.title, description, url: data.url, image: data.socialImage }),
	]
}

/**
 * Drafts exist only for the people who manage the event (its organiser, co-organisers and
 * coordinators); everyone else is told there is no such page. They alone see the organiser's
 * tools and moderate questions here.
 */
async function visibleEvent(request: Request, slugOrId: string) {
	const event = await findEvent(getDb(), slugOrId)
	if (!event) throw new Response('Not found', { status: 404 })
	const user = await getUser(request)
	const canOrganise = user ? await managesEvent(getDb(), user.id, event) : false
	if (event.status === 'draft' && !canOrganise) throw new Response('Not found', { status: 404 })
	return { event, user, canOrganise }
}

/** The confirmations this page shows after an RSVP or a shift (app/common/flash.ts); "waiting-3" carries the place in the queue. */
const messages = {
	going: 'done.going',
	'already-going': 'done.alreadyGoing',
	waiting: 'done.waiting',
	'already-waiting': 'done.alreadyWaiting',
	cancelled: 'done.cancelled',
	'not-going': 'done.notGoing',
	'shift-taken': 'done.shiftTaken',
	'shift-left': 'done.shiftLeft',
	'shift-full': 'done.shiftFull',
	closed: 'done.closed',
	unavailable: 'done.unavailable',
	'not-in-audience': 'done.notInAudience',
} as const

export async function loader({ request, params }: Route.LoaderArgs) {
	const { event, user, canOrganise } = await visibleEvent(request, params.event)
	const url = new URL(request.url)
	// /events/<id> works, but the address people share is the one with the slug.
	if (params.event !== event.slug) throw redirect(`/events/${event.slug}${url.search}`, 301)
	const language = await getLanguage(request)
	const now = new Date()
	const page = await eventPageData(getDb(), event, user?.id ?? null)
	const [title, description] = [eventTitle(event, language), eventDescription(event, language)]
	const image = await getPicture(getDb(), event.image_id)
	return {
		pactName: config.pact.name,
		event: {
			id: event.id,
			slug: event.slug,
			type: event.type,
			audience: event.audience,
			title: title.text,
			titleLang: title.lang,
			status: event.status,
			place: event.place,
			onlineUrl: event.online_url,
			capacity: event.capacity,
		},
		when: formatEventWhen(event.starts_at, event.ends_at, language, config.timeZone),
		rsvpCloses: event.rsvp_closes_at ? formatDateTime(event.rsvp_closes_at, language, config.timeZone) : null,
		descriptionHtml: markdownToHtml(description.text, webProfile),
		descriptionLang: description.lang,
		image,
		url: `${config.appUrl}/events/${event.slug}`,
		socialImage: image ? { url: openGraphImageUrl(image.id), alt: image.alt } : null,
		page,
		isPast: event.ends_at <= now.toISOString(),
		rsvpOpen: rsvpIsOpen(event, now),
		// An event for partners: only people who act for one (and organisers) take a place (issue 11).
		mayJoin: user ? await mayJoinAudience(getDb(), event.audience, user.id, now) : event.audience === 'everyone',
		canCancel: canStillCancel(event, now),
		signedIn: Boolean(user),
		canOrganise,
		returned: Boolean(user) && url.searchParams.has('join'),
		flash: readFlash(url, messages),
		// Politician Q&As collect questions and votes beforehand (app/questions).
		questions: await questionsSection(event, { userId: user?.id ?? null, canOrganise }, url, language),
		// A partnership day's event links to the day's page (app/partnership-day).
		partnershipDay: await partnershipDayPath(getDb(), event.id),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const { event, user, canOrganise } = await visibleEvent(request, params.event)
	const here = `/events/${event.slug}`
	// Signing in from the RSVP button brings the person back to this event.
	if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: `${here}?join=1` })}`)
	const form = await request.formData()
	if (isQuestionIntent(form)) return questionAction(request, form, event, user, canOrganise, context.clientIp)
	// Taking a place or a shift is a public form (docs/decisions/0020); cancelling is never refused.
	if (form.get('intent') === 'rsvp' || form.get('intent') === 'take-shift') {
		const refused = await refusePublicForm(getDb(), request, form, {
			form: 'rsvp',
			clientIp: context.clientIp,
			person: user.id,
		})
		if (refused) return data({ form: 'rsvp', refusal: refused.formErrors }, { status: refused.status })
	}
	const submission = parseWithZod(form, { schema: rsvpSchema })
	if (submission.status !== 'success') throw new Response('Bad request', { status: 400 })
	const db = getDb()
	const input = submission.value
	let done: { key: keyof typeof messages; count?: number }
	switch (input.intent) {
		case 'rsvp': {
			const outcome = await rsvp(db, event.id, user.id)
			if (outcome.kind === 'going') done = { key: outcome.changed ? 'going' : 'already-going' }
			else if (outcome.kind === 'waiting')
				done = { key: outcome.changed ? 'waiting' : 'already-waiting', count: outcome.placeInQueue }
			else done = { key: outcome.kind }
			break
		}
		case 'cancel': {
			const outcome = await cancelRsvp(db, event.id, user.id)
			done = { key: outcome.kind === 'cancelled' ? (outcome.changed ? 'cancelled' : 'not-going') : outcome.kind }
			break
		}
		case 'take-shift': {
			if (!(await shiftBelongsToEvent(db, input.shiftId, event.id))) {
				done = { key: 'unavailable' }
				break
			}
			const outcome = await takeHelperShift(db, input.shiftId, user.id)
			done = { key: outcome.kind === 'taken' ? 'shift-taken' : outcome.kind === 'full' ? 'shift-full' : outcome.kind }
			break
		}
		case 'leave-shift': {
			if (await shiftBelongsToEvent(db, input.shiftId, event.id)) await leaveHelperShift(db, input.shiftId, user.id)
			done = { key: 'shift-left' }
			break
		}
	}
	return redirect(withFlash(here, done.key, done.count), 303)
}

export default function EventPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('events')
	const { event, page, flash } = loaderData
	const cancelled = event.status === 'cancelled'
	const signInHref = `/login?${new URLSearchParams({ redirectTo: `/events/${event.slug}?join=1` })}`
	return (
		<div className="page event-page">
			<p className="breadcrumb">
				<Link to="/events">← {t('event.back')}</Link>
			</p>
			<p className="event-kicker">
				<span className={`type-badge type-${event.type}`}>{t(`types.${event.type as EventType}`)}</span>{' '}
				<AudienceBadge audience={event.audience} />
			</p>
			<h1 lang={event.titleLang}>{event.title}</h1>
			{event.status === 'draft' ? <p className="notice notice-warning">{t('event.draftBanner')}</p> : null}
			{cancelled ? <p className="notice notice-danger">{t('event.cancelledBanner')}</p> : null}
			{loaderData.isPast && !cancelled ? <p className="notice">{t('event.pastBanner')}</p> : null}
			{loaderData.partnershipDay ? <PartnershipDayNotice href={loaderData.partnershipDay} /> : null}
			<FlashMessage>{flash ? t(messages[flash.key], { position: flash.count }) : null}</FlashMessage>

			<div className="event-layout">
				<div className="event-main">
					{loaderData.image ? (
						<Picture
							image={loaderData.image}
							className="event-image"
							sizes="(min-width: 64rem) 40rem, calc(100vw - 2rem)"
							eager
						/>
					) : null}
					<dl className="event-facts">
						<div>
							<dt>{t('event.when')}</dt>
							<dd>{loaderData.when}</dd>
						</div>
						{event.place ? (
							<div>
								<dt>{t('event.where')}</dt>
								<dd>{event.place}</dd>
							</div>
						) : null}
						{event.onlineUrl ? (
							<div>
								<dt>{t('event.online')}</dt>
								<dd>
									<a href={event.onlineUrl} rel="nofollow noreferrer">
										{event.onlineUrl}
									</a>
								</dd>
							</div>
						) : null}
						{page.organiser ? (
							<div>
								<dt>{t('event.organiser')}</dt>
								<dd>{page.organiser}</dd>
							</div>
						) : null}
						{!loaderData.isPast && !cancelled ? (
							<div>
								<dt>{t('event.places')}</dt>
								<dd>
									{event.capacity === null ? (
										t('places.unlimited')
									) : (
										<PlacesLeft capacity={event.capacity} going={page.going} />
									)}
								</dd>
							</div>
						) : null}
						{loaderData.rsvpCloses && !loaderData.isPast && !cancelled ? (
							<div>
								<dt>{t('event.rsvpCloses')}</dt>
								<dd>{loaderData.rsvpCloses}</dd>
							</div>
						) : null}
					</dl>

					{loaderData.descriptionHtml ? (
						<section aria-labelledby="about-heading">
							<h2 id="about-heading">{t('event.about')}</h2>
							<div
								className="event-description"
								lang={loaderData.descriptionLang}
								dangerouslySetInnerHTML={{ __html: loaderData.descriptionHtml }}
							/>
						</section>
					) : null}

					{page.shifts.length > 0 && !cancelled ? (
						<section aria-labelledby="helpers-heading" className="helpers">
							<h2 id="helpers-heading">{t('helpers.heading')}</h2>
							{!loaderData.isPast ? <p>{t('helpers.lead')}</p> : null}
							<ul className="shift-list">
								{page.shifts.map((shift) => (
									<li key={shift.id} className="shift">
										<div>
											<p className="shift-title" id={`shift-${shift.id}`}>
												{shift.title}
											</p>
											<p className="muted">{t('helpers.count', { taken: shift.taken, count: shift.needed })}</p>
										</div>
										<ShiftAction
											shift={shift}
											open={loaderData.canCancel}
											signedIn={loaderData.signedIn}
											signInHref={signInHref}
										/>
									</li>
								))}
							</ul>
						</section>
					) : null}

					{loaderData.questions ? (
						<QuestionsSection data={loaderData.questions} actionData={actionData} signInHref={signInHref} />
					) : null}
				</div>

				<aside className="event-aside" aria-labelledby="rsvp-heading">
					<div className="card stack rsvp-card">
						<h2 id="rsvp-heading">{t('rsvp.heading')}</h2>
						<RsvpBox
							data={loaderData}
							signInHref={signInHref}
							refusal={actionData && 'refusal' in actionData ? actionData.refusal : undefined}
						/>
						{!cancelled && event.status === 'published' ? (
							<p>
								<a href={`/events/${event.slug}/calendar.ics`} download={`${event.slug}.ics`}>
									{t('event.addToCalendar')}
								</a>
								<br />
								<span className="hint">{t('event.addToCalendarHint')}</span>
							</p>
						) : null}
					</div>
					{loaderData.canOrganise ? (
						<nav className="card organiser-tools" aria-labelledby="organiser-tools-heading">
							<h2 id="organiser-tools-heading">{t('event.organiserTools')}</h2>
							<ul className="link-list">
								<li>
									<Link to={`/organise/events/${event.id}`}>{t('event.edit')}</Link>
								</li>
								<li>
									<Link to={`/organise/events/${event.id}/attendees`}>{t('event.attendees')}</Link>
								</li>
								<li>
									<Link to={`/organise/events/${event.id}/check-in`}>{t('event.checkIn')}</Link>
								</li>
							</ul>
							{loaderData.isPast ? <p className="muted">{t('event.attended', { count: page.attended })}</p> : null}
						</nav>
					) : null}
				</aside>
			</div>
		</div>
	)
}

function RsvpBox({
	data,
	signInHref,
	refusal,
}: {
	data: Route.ComponentProps['loaderData']
	signInHref: string
	refusal?: string[]
}) {
	const { t } = useTranslation('events')
	const { event, page } = data
	if (event.status === 'cancelled') return <p>{t('rsvp.cancelledEvent')}</p>
	if (data.isPast) return <p>{t('rsvp.pastEvent')}</p>
	const mine = page.myRsvp
	if (mine?.status === 'going') {
		return (
			<>
				<p className="rsvp-state rsvp-going">{t('rsvp.going')}</p>
				{data.canCancel ? (
					<Form method="post">
						<button type="submit" name="intent" value="cancel" className="danger">
							{t('rsvp.cancel')}
						</button>
					</Form>
				) : null}
			</>
		)
	}
	if (mine?.status === 'waiting') {
		return (
			<>
				<p className="rsvp-state rsvp-waiting">{t('rsvp.waiting', { position: mine.placeInQueue })}</p>
				<p className="hint">{t('rsvp.waitingHint')}</p>
				{data.canCancel ? (
					<Form method="post">
						<button type="submit" name="intent" value="cancel" className="secondary">
							{t('rsvp.leaveWaitlist')}
						</button>
					</Form>
				) : null}
			</>
		)
	}
	if (!data.rsvpOpen) return <p>{t('rsvp.closed')}</p>
	if (!data.mayJoin) return <PartnersOnly signedIn={data.signedIn} signInHref={signInHref} />
	const full = event.capacity !== null && (page.placesLeft === 0 || page.waiting > 0)
	if (!data.signedIn) {
		return (
			<>
				{full ? <p className="hint">{t('rsvp.fullHint')}</p> : null}
				<p>
					<Link to={signInHref} className="button">
						{t('rsvp.signInToRsvp')}
					</Link>
				</p>
				<p className="hint">{t('rsvp.signInHint')}</p>
			</>
		)
	}
	return (
		<>
			{data.returned ? <p className="notice">{t('rsvp.returned')}</p> : null}
			{full ? <p className="hint">{t('rsvp.fullHint')}</p> : null}
			<Form method="post">
				<FormErrors errors={refusal} />
				<HoneypotField />
				<button type="submit" name="intent" value="rsvp" className="primary">
					{full ? t('rsvp.joinWaitlist') : t('rsvp.join')}
				</button>
			</Form>
		</>
	)
}

function ShiftAction({
	shift,
	open,
	signedIn,
	signInHref,
}: {
	shift: { id: number; title: string; needed: number; taken: number; mine: boolean }
	open: boolean
	signedIn: boolean
	signInHref: string
}) {
	const { t } = useTranslation('events')
	if (shift.mine) {
		return (
			<div className="shift-action">
				<span className="badge badge-mine">{t('helpers.yours')}</span>
				{open ? (
					<Form method="post">
						<input type="hidden" name="shiftId" value={shift.id} />
						<button
							type="submit"
							name="intent"
							value="leave-shift"
							className="secondary"
							aria-describedby={`shift-${shift.id}`}
						>
							{t('helpers.leave')}
						</button>
					</Form>
				) : null}
			</div>
		)
	}
	if (!open) return null
	if (shift.taken >= shift.needed) return <span className="badge badge-full">{t('helpers.full')}</span>
	if (!signedIn) {
		return (
			<Link to={signInHref} className="button secondary" aria-describedby={`shift-${shift.id}`}>
				{t('helpers.signIn')}
			</Link>
		)
	}
	return (
		<Form method="post" className="shift-action">
			<input type="hidden" name="shiftId" value={shift.id} />
			<button
				type="submit"
				name="intent"
				value="take-shift"
				className="secondary"
				aria-describedby={`shift-${shift.id}`}
			>
				{t('helpers.take')}
			</button>
		</Form>
	)
}
