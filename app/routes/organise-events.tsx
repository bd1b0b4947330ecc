import { useTranslation } from '#app/i18n/use-translation.ts'
import { Link } from 'react-router'
import type { Route } from './+types/organise-events'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { listEventsForOrganisers, type EventListItem } from '#app/events/listing.server.ts'
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
	await requirePermission(request, 'events:organise')
	const [t, language] = [await getT(request, 'events'), await getLanguage(request)]
	const { upcoming, past } = await listEventsForOrganisers(getDb())
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

function EventTable({ rows, labelledBy }: { rows: Row[]; labelledBy: string }) {
	const { t } = useTranslation('events')
	if (rows.length === 0) return <p>{t('organise.none')}</p>
	return (
		// Focusable and named, so the table can be scrolled sideways by keyboard on a phone.
		<div className="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy}>
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
							<td>{e.capacity === null ? e.going : `${e.going} / ${e.capacity}`}</td>
							<td>{e.waiting}</td>
							<td>{e.helpersNeeded > 0 ? `${e.helpersTaken} / ${e.helpersNeeded}` : '–'}</td>
							<td>
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
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
