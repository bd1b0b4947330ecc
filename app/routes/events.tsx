import { useTranslation } from '#app/i18n/use-translation.ts'
import { Form, Link } from 'react-router'
import type { Route } from './+types/events'
import { getUser, userHasPermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { EventCard } from '#app/events/components/event-card.tsx'
import { EVENTS_PER_PAGE, listEvents } from '#app/events/listing.server.ts'
import { formatMonth, formatShortDate, formatTimeRange } from '#app/common/format.ts'
import { eventFilterSchema, eventTypes } from '#app/events/schemas.ts'
import { addToLocalDate, localMonth } from '#app/common/time.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { socialMeta } from '#app/common/social.ts'
import { getDb } from '#db/index.ts'
import '#app/events/events.css'

export const handle: I18nHandle = { i18n: ['events'] }

export function meta({ data }: Route.MetaArgs) {
	return [
		{ title: data?.title },
		{ name: 'description', content: data?.description },
		{ tagName: 'link', rel: 'alternate', type: 'text/calendar', title: data?.title, href: data?.feedUrl },
		...(data ? socialMeta({ title: data.title, description: data.description, url: `${data.appUrl}/events` }) : []),
	]
}

export async function loader({ request }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const filter = eventFilterSchema.parse(Object.fromEntries(url.searchParams))
	const [t, language, user] = [await getT(request, 'events'), await getLanguage(request), await getUser(request)]
	const now = new Date()
	const { events, total } = await listEvents(getDb(), filter, now)
	// A year of months to choose from: ahead for upcoming events, back for past ones.
	const thisMonth = localMonth(now, config.timeZone)
	const months = Array.from({ length: 12 }, (_, i) =>
		addToLocalDate(`${thisMonth}-01`, { months: filter.when === 'past' ? -i : i }).slice(0, 7),
	)
	return {
		title: `${t('list.title')} – ${config.pact.name}`,
		appUrl: config.appUrl,
		description: t('list.lead'),
		// The feed in the page's language: a calendar app subscribing to it sends no language of its own.
		feedUrl: `/events.ics?lang=${language}`,
		filter,
		months: months.map((value) => ({ value, label: formatMonth(value, language) })),
		groups: groupByMonth(
			events.map((e) => ({
				...e,
				month: localMonth(e.starts_at, config.timeZone),
				date: formatShortDate(e.starts_at, language, config.timeZone),
				time: formatTimeRange(e.starts_at, e.ends_at, language, config.timeZone),
			})),
		).map((g) => ({ ...g, label: formatMonth(g.month, language) })),
		count: total,
		pages: Math.max(1, Math.ceil(total / EVENTS_PER_PAGE)),
		signedIn: Boolean(user),
		canOrganise: user ? await userHasPermission(getDb(), user.id, 'events:organise') : false,
		// A month asked for that the calendar cannot show (`?month=9999-12`) is left out, and said so.
		monthRefused: url.searchParams.has('month') && url.searchParams.get('month') !== '' && !filter.month,
	}
}

function groupByMonth<T extends { month: string }>(items: T[]): Array<{ month: string; events: T[] }> {
	const groups: Array<{ month: string; events: T[] }> = []
	for (const item of items) {
		const last = groups.at(-1)
		if (last?.month === item.month) last.events.push(item)
		else groups.push({ month: item.month, events: [item] })
	}
	return groups
}

export default function Events({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('events')
	const { filter } = loaderData
	const filtered = Boolean(filter.type || filter.month || filter.audience)
	const tab = (when: 'upcoming' | 'past') => {
		const params = new URLSearchParams()
		if (when === 'past') params.set('when', 'past')
		if (filter.type) params.set('type', filter.type)
		if (filter.audience) params.set('audience', filter.audience)
		const query = params.toString()
		return query ? `/events?${query}` : '/events'
	}
	// The same list, another page: every filter kept.
	const pageLink = (page: number) => {
		const params = new URLSearchParams()
		if (filter.when === 'past') params.set('when', 'past')
		if (filter.type) params.set('type', filter.type)
		if (filter.audience) params.set('audience', filter.audience)
		if (filter.month) params.set('month', filter.month)
		if (page > 1) params.set('page', String(page))
		const query = params.toString()
		return query ? `/events?${query}` : '/events'
	}
	return (
		<div className="page events-page">
			<div className="events-heading">
				<div>
					<h1>{t('list.title')}</h1>
					<p className="lead">{t('list.lead')}</p>
				</div>
				<ul className="events-shortcuts">
					{loaderData.signedIn ? (
						<li>
							<Link to="/events/mine">{t('list.myEvents')}</Link>
						</li>
					) : null}
					{loaderData.canOrganise ? (
						<li>
							<Link to="/organise/events">{t('list.organise')}</Link>
						</li>
					) : null}
					<li>
						<a href={loaderData.feedUrl} download>
							{t('list.subscribe')}
						</a>
						<span className="hint"> – {t('list.subscribeHint')}</span>
					</li>
				</ul>
			</div>

			<nav aria-label={t('list.tabsLabel')} className="tabs">
				<Link to={tab('upcoming')} aria-current={filter.when === 'upcoming' ? 'page' : undefined}>
					{t('list.upcoming')}
				</Link>
				<Link to={tab('past')} aria-current={filter.when === 'past' ? 'page' : undefined}>
					{t('list.past')}
				</Link>
			</nav>

			<Form method="get" className="filters" role="search" aria-label={t('list.filterLegend')}>
				{filter.when === 'past' ? <input type="hidden" name="when" value="past" /> : null}
				<div className="field">
					<label htmlFor="filter-type">{t('list.type')}</label>
					<select id="filter-type" name="type" defaultValue={filter.type ?? ''}>
						<option value="">{t('list.allTypes')}</option>
						{eventTypes.map((type) => (
							<option key={type} value={type}>
								{t(`types.${type}`)}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="filter-audience">{t('list.audience')}</label>
					<select id="filter-audience" name="audience" defaultValue={filter.audience ?? ''}>
						<option value="">{t('list.allAudiences')}</option>
						<option value="partners">{t('audience.badge')}</option>
					</select>
				</div>
				<div className="field">
					<label htmlFor="filter-month">{t('list.month')}</label>
					<select id="filter-month" name="month" defaultValue={filter.month ?? ''}>
						<option value="">{t('list.allMonths')}</option>
						{loaderData.months.map((m) => (
							<option key={m.value} value={m.value}>
								{m.label}
							</option>
						))}
					</select>
				</div>
				<div className="button-row">
					<button type="submit" className="secondary">
						{t('list.filter')}
					</button>
					{filtered ? (
						<Link to={filter.when === 'past' ? '/events?when=past' : '/events'}>{t('list.clear')}</Link>
					) : null}
				</div>
			</Form>

			{loaderData.monthRefused ? <p className="notice notice-warning">{t('list.monthRefused')}</p> : null}
			<p className="muted" role="status">
				{t('list.count', { count: loaderData.count })}
			</p>
			{loaderData.count === 0 ? (
				<p>{filtered || filter.when === 'past' ? t('list.empty') : t('list.emptyUpcoming')}</p>
			) : null}
			{loaderData.groups.map((group) => (
				<section key={group.month} aria-labelledby={`month-${group.month}`}>
					<h2 id={`month-${group.month}`} className="month-heading">
						{group.label}
					</h2>
					<ul className="event-list">
						{group.events.map((e) => (
							<li key={e.id}>
								<EventCard event={e} past={filter.when === 'past'} />
							</li>
						))}
					</ul>
				</section>
			))}
			{loaderData.pages > 1 ? (
				<nav aria-label={t('list.pagesLabel')} className="pager">
					{filter.page > 1 ? (
						<Link to={pageLink(filter.page - 1)} rel="prev">
							{t('list.previousPage')}
						</Link>
					) : null}
					<span>{t('list.pageOf', { page: Math.min(filter.page, loaderData.pages), pages: loaderData.pages })}</span>
					{filter.page < loaderData.pages ? (
						<Link to={pageLink(filter.page + 1)} rel="next">
							{t('list.nextPage')}
						</Link>
					) : null}
				</nav>
			) : null}
		</div>
	)
}
