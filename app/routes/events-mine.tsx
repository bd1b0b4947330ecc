import { useTranslation } from '#app/i18n/use-translation.ts'
import { Form, Link, redirect } from 'react-router'
import type { Route } from './+types/events-mine'
import { requireUser } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { feedToken, personalFeedUrl, resetFeedToken } from '#app/events/calendar.server.ts'
import { withTitleIn } from '#app/events/languages.ts'
import { myEvents, type MyEvent } from '#app/events/my-events.server.ts'
import { formatEventWhen } from '#app/common/format.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { getDb } from '#db/index.ts'
import '#app/events/events.css'

export const handle: I18nHandle = { i18n: ['events'] }

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

function withWhen(e: MyEvent, language: SupportedLanguage) {
	return { ...withTitleIn(e, language), when: formatEventWhen(e.starts_at, e.ends_at, language, config.timeZone) }
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const [t, language] = [await getT(request, 'events'), await getLanguage(request)]
	const db = getDb()
	const { upcoming, past } = await myEvents(db, user.id)
	const feedUrl = personalFeedUrl(await feedToken(db, user.id))
	return {
		title: t('mine.title'),
		upcoming: upcoming.map((e) => withWhen(e, language)),
		past: past.map((e) => withWhen(e, language)),
		feedUrl,
		webcalUrl: feedUrl.replace(/^https?:/, 'webcal:'),
		reset: new URL(request.url).searchParams.has('reset'),
	}
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	await resetFeedToken(getDb(), user.id)
	return redirect('/events/mine?reset=1', 303)
}

type Item = ReturnType<typeof withWhen>

export default function MyEvents({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('events')
	return (
		<div className="page narrow-wide">
			<h1>{t('mine.title')}</h1>
			<p className="lead">{t('mine.lead')}</p>
			<h2>{t('mine.upcoming')}</h2>
			{loaderData.upcoming.length === 0 ? (
				<p>
					{t('mine.none')} <Link to="/events">{t('mine.browse')}</Link>
				</p>
			) : (
				<ul className="my-events">
					{loaderData.upcoming.map((e) => (
						<MyEventItem key={e.id} event={e} />
					))}
				</ul>
			)}

			<section aria-labelledby="feed-heading" className="card stack feed-card">
				<h2 id="feed-heading">{t('mine.feedHeading')}</h2>
				<p>{t('mine.feedLead')}</p>
				<FlashMessage>{loaderData.reset ? t('mine.resetDone') : null}</FlashMessage>
				<div className="field">
					<label htmlFor="feed-url">{t('mine.feedLabel')}</label>
					<input
						id="feed-url"
						type="text"
						readOnly
						value={loaderData.feedUrl}
						onFocus={(e) => e.currentTarget.select()}
					/>
				</div>
				<p>
					<a href={loaderData.webcalUrl} className="button secondary">
						{t('mine.subscribe')}
					</a>
				</p>
				<Form method="post" className="stack">
					<p className="hint">{t('mine.resetHint')}</p>
					<button type="submit" className="secondary">
						{t('mine.reset')}
					</button>
				</Form>
			</section>

			{loaderData.past.length > 0 ? (
				<>
					<h2>{t('mine.past')}</h2>
					<ul className="my-events">
						{loaderData.past.map((e) => (
							<MyEventItem key={e.id} event={e} />
						))}
					</ul>
				</>
			) : null}
		</div>
	)
}

function MyEventItem({ event }: { event: Item }) {
	const { t } = useTranslation('events')
	return (
		<li className="my-event">
			<Link to={`/events/${event.slug}`} className="my-event-title" lang={event.titleLang}>
				{event.title}
			</Link>
			<span className="muted">{event.when}</span>
			<span className="my-event-tags">
				{event.status === 'cancelled' ? <span className="badge badge-cancelled">{t('status.cancelled')}</span> : null}
				{event.rsvp?.status === 'going' ? <span className="badge badge-going">{t('mine.going')}</span> : null}
				{event.rsvp?.status === 'waiting' ? (
					<span className="badge badge-full">{t('mine.waiting', { position: event.rsvp.placeInQueue })}</span>
				) : null}
				{event.shifts.length > 0 ? (
					<span className="badge badge-mine">{t('mine.helping', { shifts: event.shifts.join(', ') })}</span>
				) : null}
				{event.attended ? <span className="badge badge-going">{t('mine.attended')}</span> : null}
			</span>
		</li>
	)
}
