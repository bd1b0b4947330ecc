import { Link } from 'react-router'
import type { Route } from './+types/admin-climate-reports'
import { requirePermission } from '#app/auth/session.server.ts'
import { formatTonnes } from '#app/climate-reports/components.tsx'
import { partnerTargets } from '#app/climate-reports/reports.server.ts'
import { climateRollup } from '#app/climate-reports/rollup.server.ts'
import { formatNumber } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { BarChart } from '#app/ui/charts.tsx'
import { getDb } from '#db/index.ts'
import '#app/climate-reports/reports.css'

export const handle: I18nHandle = { i18n: ['reports'] }

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

/** Coordinators' roll-up: totals per year, who has reported last year, who is behind the trajectory. */
export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'climate-reports:manage')
	const [t, language] = await Promise.all([getT(request, 'reports'), getLanguage(request)])
	const { rows: _rows, ...rollup } = await climateRollup(getDb())
	return { pactName: config.pact.name, title: t('admin.title'), language, targets: partnerTargets(), ...rollup }
}

export default function AdminClimateReports({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('reports')
	const { totals, year, reported, missing, behind, language, targets } = loaderData
	const fmt = (n: number) => formatTonnes(n, language)
	const latest = totals.at(-1)
	const partnerLink = (p: { slug: string; name: string }) => (
		<Link to={`/partners/${encodeURIComponent(p.slug)}`}>{p.name}</Link>
	)
	return (
		<div className="page">
			<h1>{t('admin.title')}</h1>
			<p className="lead">
				{t('admin.lead', { percent: targets.target2030Percent, neutralYear: targets.climateNeutralYear })}
			</p>
			<p>
				<a href="/admin/climate-reports.csv" className="button" download>
					{t('admin.csv')}
				</a>{' '}
				<span className="muted">{t('admin.csvHint')}</span>
			</p>

			<section aria-labelledby="totals-title">
				<h2 id="totals-title">{t('admin.totalsTitle')}</h2>
				{latest ? (
					<BarChart
						id="totals"
						title={t('admin.totalsTitle')}
						description={t('admin.totalsDescription', {
							year: latest.year,
							tonnes: fmt(latest.tonnes),
							partners: formatNumber(latest.partners, language),
						})}
						tableLabel={t('chart.tableLabel')}
						series={[{ label: t('table.total'), tone: 'brand' }]}
						rows={totals.map((y) => ({
							key: String(y.year),
							label: String(y.year),
							values: [y.tonnes],
							valueLabel: `${fmt(y.tonnes)} t`,
						}))}
						table={{
							columns: [t('table.year'), t('table.total'), t('table.scope3'), t('admin.partners')],
							rows: totals.map((y) => ({
								key: String(y.year),
								header: String(y.year),
								cells: [fmt(y.tonnes), fmt(y.scope3Tonnes), formatNumber(y.partners, language)],
							})),
						}}
					/>
				) : (
					<p>{t('admin.noReports')}</p>
				)}
			</section>

			<div className="grid">
				<section className="card stack" aria-labelledby="reported-title">
					<h2 id="reported-title">{t('admin.reportedTitle', { year })}</h2>
					<p>{t('admin.reportedCount', { reported: reported.length, total: reported.length + missing.length })}</p>
					<h3>{t('admin.missingTitle', { year })}</h3>
					{missing.length === 0 ? (
						<p>{t('admin.noneMissing')}</p>
					) : (
						<ul>
							{missing.map((p) => (
								<li key={p.id}>{partnerLink(p)}</li>
							))}
						</ul>
					)}
				</section>
				<section className="card stack">
					<h2 id="behind-title">{t('admin.behindTitle')}</h2>
					<p className="muted">{t('admin.behindLead')}</p>
					{behind.length === 0 ? (
						<p>{t('admin.noneBehind')}</p>
					) : (
						<div className="table-wrap" tabIndex={0} role="region" aria-labelledby="behind-title">
							<table className="report-table">
								<thead>
									<tr>
										<th scope="col">{t('csv.partner')}</th>
										<th scope="col">{t('admin.latestYear')}</th>
										<th scope="col" className="number">
											{t('table.total')}
										</th>
										<th scope="col" className="number">
											{t('table.target')}
										</th>
									</tr>
								</thead>
								<tbody>
									{behind.map((p) => (
										<tr key={p.id}>
											<th scope="row">{partnerLink(p)}</th>
											<td>{p.year}</td>
											<td className="number">{fmt(p.actual)}</td>
											<td className="number">{fmt(p.target)}</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					)}
				</section>
			</div>
		</div>
	)
}
