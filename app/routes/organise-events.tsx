import { useTranslation } from '#app/i18n/use-translation.ts'
import { Link } from 'react-router'
import type { Route } from './+types/organise-events'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { listEventsForOrganisers, type EventListItem } from '#app/events/listing.server.ts'
import { managedEventIds } from '#app/events/organisers.server.ts'
import { formatShortDate, formatTimeRange } from '#app/common/format.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import type { EventType } from '#app/events/schemas.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { getDb } from '#db/index.ts'
import '#app/events/events.css'

export const handle: I18nHandle = { i18n: ['events'] }

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

function row(e: EventListItem, language: SupportedLanguage) {
	return {
		...e,
		date: formatShortDate(e.starts_at, language, config.timeZone),
		time: formatTimeRange(e.starts_at, e.ends_at, language, config.timeZone),
	}
}

export async function loader({ request }: Route.LoaderArgs) {
	const organiser = await requirePermission(request, 'events:organise')
	const [t, language] = [await getT(request, 'events'), await getLanguage(request)]
	// An organiser's own events and those they co-organise; a coordinator's, every event.
	const only = await managedEventIds(getDb(), organiser.id)
	const { upcoming, past } = await listEventsForOrganisers(getDb(), new Date(), only)
	return {
		title: t('organise.title'),
		upcoming: upcoming.map((e) => row(e, language)),
		past: past.map((e) => row(e, language)),
	}
}

type Row = ReturnType<typeof row>

export default function OrganiseEvents({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('events')
	return (
		<div className="page">
			<h1>{t('organise.title')}</h1>
			<p className="lead">{t('organise.lead')}</p>
			<p>
				<Link to="/organise/events/new" className="button">
					{t('organise.new')}
				</Link>
			</p>
			<h2 id="upcoming-heading">{t('organise.upcoming')}</h2>
			<EventTable rows={loaderData.upcoming} labelledBy="upcoming-heading" />
			<h2 id="past-heading">{t('organise.past')}</h2>
			<EventTable rows={loaderData.past} labelledBy="past-heading" />
		</div>
	)
}

/**
 * The events as a table on a wide screen and as a list of cards on a phone, where a seven-column
 * table pushed the attendee and check-in links off-screen (issue 12). Only one is displayed (CSS),
 * so assistive technology meets each event once.
 */
function EventTable({ rows, labelledBy }: { rows: Row[]; labelledBy: string }) {
	const { t } = useTranslation('events')
	if (rows.length === 0) return <p>{t('organise.none')}</p>
	return (
		<>
			<ul className="organise-cards" aria-labelledby={labelledBy}>
				{rows.map((e) => (
					<li key={e.id} className="card organise-card">
						<h3>
							<Link to={`/organise/events/${e.id}`}>{e.title}</Link>
						</h3>
						<p className="muted">
							{e.date}, {e.time} · {t(`types.${e.type as EventType}`)}
						</p>
						<p>
							<span className={`badge badge-${e.status}`}>{t(`status.${e.status}`)}</span>
						</p>
						<dl className="organise-figures">
							<EventFigures e={e} />
						</dl>
						<EventLinks e={e} />
					</li>
				))}
			</ul>
			{/* Focusable and named, so the table can be scrolled sideways by keyboard when it is tight. */}
			<div className="table-wrap organise-table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy}>
				<table aria-labelledby={labelledBy} className="organise-table">
					<thead>
						<tr>
							<th scope="col">{t('organise.date')}</th>
							<th scope="col">{t('organise.event')}</th>
							<th scope="col">{t('organise.statusColumn')}</th>
							<th scope="col">{t('organise.going')}</th>
							<th scope="col">{t('organise.waiting')}</th>
							<th scope="col">{t('organise.helpers')}</th>
							<th scope="col">{t('organise.actions')}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((e) => (
							<tr key={e.id}>
								<td>
									{e.date}
									<br />
									<span className="muted">{e.time}</span>
								</td>
								<th scope="row">
									<Link to={`/organise/events/${e.id}`}>{e.title}</Link>
									{/* The English site shows this title; organisers see both to keep them in step. */}
									{e.title_en ? (
										<>
											<br />
											<span className="muted">
												{t('organise.inEnglish')} <span lang="en">{e.title_en}</span>
											</span>
										</>
									) : null}
									<br />
									<span className="muted">{t(`types.${e.type as EventType}`)}</span>
								</th>
								<td>
									<span className={`badge badge-${e.status}`}>{t(`status.${e.status}`)}</span>
								</td>
								{figures(e).map(([key, value]) => (
									<td key={key}>{value}</td>
								))}
								<td>
									<EventLinks e={e} />
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</>
	)
}

/** Going (of the places), waiting, helpers (of those needed): the same figures in the table and on a card. */
function figures(e: Row) {
	return [
		['going', e.capacity === null ? String(e.going) : `${e.going} / ${e.capacity}`],
		['waiting', String(e.waiting)],
		['helpers', e.helpersNeeded > 0 ? `${e.helpersTaken} / ${e.helpersNeeded}` : '–'],
	] as const
}

function EventFigures({ e }: { e: Row }) {
	const { t } = useTranslation('events')
	return figures(e).map(([key, value]) => (
		<div key={key}>
			<dt>{t(`organise.${key}`)}</dt>
			<dd>{value}</dd>
		</div>
	))
}

/** The attendee list, the door and the public page; each link named with the event for screen readers. */
function EventLinks({ e }: { e: Row }) {
	const { t } = useTranslation('events')
	return (
		<ul className="inline-links">
			<li>
				<Link to={`/organise/events/${e.id}/attendees`}>
					{t('organise.attendees')}
					<span className="visually-hidden">: {e.title}</span>
				</Link>
			</li>
			<li>
				<Link to={`/organise/events/${e.id}/check-in`}>
					{t('organise.checkIn')}
					<span className="visually-hidden">: {e.title}</span>
				</Link>
			</li>
			<li>
				<Link to={`/events/${e.slug}`}>
					{t('organise.view')}
					<span className="visually-hidden">: {e.title}</span>
				</Link>
			</li>
		</ul>
	)
}
