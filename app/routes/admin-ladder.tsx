import { useTranslation } from '#app/i18n/use-translation.ts'
import { Form, Link } from 'react-router'
import type { Route } from './+types/admin-ladder'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { formatDate, formatMonth, localeFor } from '#app/common/format.ts'
import { dateTimeFormat, numberFormat } from '#app/common/intl.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { Funnel, MonthlyPromotions } from '#app/ladder/charts.tsx'
import { activityFilters, type ActivityFilter } from '#app/ladder/filters.ts'
import { reevaluateAll } from '#app/ladder/ladder.server.ts'
import { ladderFunnel, ladderMembers, promotionsByMonth } from '#app/ladder/coordinators.server.ts'
import { signatoryDistricts } from '#app/pledge/pledge.server.ts'
import { ladderSteps, volunteerInterests } from '#app/ladder/rules.ts'
import { parseMemberFilter } from '#app/ladder/schemas.ts'
import { getDb } from '#db/index.ts'
import '#app/ladder/ladder.css'

export const handle: I18nHandle = { i18n: ['ladder'] }

/** The coordinators' view of the ladder: the funnel, steps up per month, and who stands where. */

const activityKeys = {
	recent: 'admin.activityRecent',
	year: 'admin.activityYear',
	dormant: 'admin.activityDormant',
} as const satisfies Record<ActivityFilter, string>

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'members:manage')
	const db = getDb()
	const now = new Date()
	// Idempotent catch-up: shifts that became "done" when their event ended since the last look.
	await reevaluateAll(db, now)
	const url = new URL(request.url)
	const filter = parseMemberFilter(url)
	const [language, t, funnel, months, members, districts] = await Promise.all([
		getLanguage(request),
		getT(request, 'ladder'),
		ladderFunnel(db),
		promotionsByMonth(db, config.timeZone, now),
		ladderMembers(db, filter, now),
		signatoryDistricts(db),
	])
	const signed = funnel.reduce((sum, r) => sum + r.people, 0)
	const percent = numberFormat(localeFor(language), { style: 'percent', maximumFractionDigits: 0 })
	const shortMonth = dateTimeFormat(localeFor(language), { month: 'short', timeZone: 'UTC' })
	const date = (iso: string | null) => (iso ? formatDate(iso, language, config.timeZone) : null)
	return {
		title: t('admin.title'),
		filter,
		csvQuery: url.search,
		funnel: funnel.map((r) => ({ ...r, share: percent.format(signed ? r.people / signed : 0) })),
		months: months.map((m) => {
			const [y, mo] = m.month.split('-').map(Number) as [number, number]
			return {
				...m,
				label: formatMonth(m.month, language),
				short: shortMonth.format(new Date(Date.UTC(y, mo - 1, 15))).replace('.', ''),
			}
		}),
		members: members.map((m) => ({ ...m, since: date(m.reachedAt), lastActive: date(m.lastActivity) })),
		districts,
	}
}

export default function AdminLadder({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('ladder')
	const { filter, members } = loaderData
	return (
		<div className="page lad-admin">
			<h1>{t('admin.title')}</h1>
			<p className="lead">{t('admin.lead')}</p>
			<p className="button-row">
				<Link to="/admin/ladder/settings">{t('admin.settingsLink')}</Link>
				<Link to="/ladder/volunteers">{t('admin.volunteersLink')}</Link>
			</p>

			<div className="lad-two">
				<section aria-labelledby="funnel-title" className="card">
					<h2 id="funnel-title">{t('admin.funnelTitle')}</h2>
					<Funnel rows={loaderData.funnel} />
				</section>
				<section aria-labelledby="months-title" className="card">
					<h2 id="months-title">{t('admin.monthsTitle')}</h2>
					<p className="hint">{t('admin.monthsLead')}</p>
					<MonthlyPromotions months={loaderData.months} />
				</section>
			</div>

			<section aria-labelledby="list-title" className="lad-section">
				<h2 id="list-title">{t('admin.listTitle')}</h2>
				<Form method="get" className="lad-filters" aria-label={t('admin.filter')}>
					<div className="field">
						<label htmlFor="filter-step">{t('admin.step')}</label>
						<select id="filter-step" name="step" defaultValue={filter.step ?? ''}>
							<option value="">{t('admin.anyStep')}</option>
							{ladderSteps.map((s) => (
								<option key={s} value={s}>
									{s}. {t(`steps.${s}.title`)}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="filter-district">{t('admin.district')}</label>
						<select id="filter-district" name="district" defaultValue={filter.district ?? ''}>
							<option value="">{t('admin.anyDistrict')}</option>
							{loaderData.districts.map((d) => (
								<option key={d} value={d}>
									{d}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="filter-interest">{t('admin.interest')}</label>
						<select id="filter-interest" name="interest" defaultValue={filter.interest ?? ''}>
							<option value="">{t('admin.anyInterest')}</option>
							{volunteerInterests.map((i) => (
								<option key={i} value={i}>
									{t(`interests.${i}`)}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="filter-activity">{t('admin.activity')}</label>
						<select id="filter-activity" name="activity" defaultValue={filter.activity ?? ''}>
							<option value="">{t('admin.anyActivity')}</option>
							{activityFilters.map((a) => (
								<option key={a} value={a}>
									{t(activityKeys[a])}
								</option>
							))}
						</select>
					</div>
					<div className="button-row">
						<button type="submit" className="primary">
							{t('admin.filter')}
						</button>
						<Link to="/admin/ladder">{t('admin.clearFilter')}</Link>
					</div>
				</Form>
				<p className="button-row" role="status">
					<strong>{t('admin.count', { count: members.length })}</strong>
					<a href={`/admin/ladder.csv${loaderData.csvQuery}`} download>
						{t('admin.csv')}
					</a>
				</p>
				{members.length === 0 ? (
					<p>{t('admin.empty')}</p>
				) : (
					<div className="table-wrap">
						<table className="lad-table">
							<caption className="visually-hidden">{t('admin.listTitle')}</caption>
							<thead>
								<tr>
									<th scope="col">{t('admin.name')}</th>
									<th scope="col">{t('admin.step')}</th>
									<th scope="col">{t('admin.district')}</th>
									<th scope="col">{t('admin.since')}</th>
									<th scope="col">{t('admin.lastActivity')}</th>
									<th scope="col">{t('admin.interests')}</th>
								</tr>
							</thead>
							<tbody>
								{members.map((m) => (
									<tr key={m.userId}>
										<th scope="row">
											<Link to={`/admin/ladder/${m.userId}`} aria-label={t('admin.change', { name: m.name })}>
												<bdi>{m.name}</bdi>
											</Link>
										</th>
										<td>
											<span className="lad-step-badge">{m.step}</span>
											{m.ruleStep < m.step ? (
												<span className="lad-note">{t('admin.ruleNote', { step: m.ruleStep })}</span>
											) : null}
										</td>
										<td>
											<bdi>{m.district ?? t('admin.never')}</bdi>
										</td>
										<td>{m.since ?? t('admin.never')}</td>
										<td>{m.lastActive ?? t('admin.never')}</td>
										<td>
											{m.interests.length ? m.interests.map((i) => t(`interests.${i}`)).join(', ') : t('admin.never')}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
		</div>
	)
}
