import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/partners-reports'
import {
	currentYear,
	partnerReports,
	partnerTargets,
	partnerTrajectory,
	submitReport,
} from '#app/climate-reports/reports.server.ts'
import { formatTonnes, ReportForm, StandingBadge, TrajectoryFigure } from '#app/climate-reports/components.tsx'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate } from '#app/common/format.ts'
import { markdownToHtml, webProfile } from '#app/common/markdown.server.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { getPartner, requirePartnerMember } from '#app/partners/partners.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { getDb } from '#db/index.ts'
import '#app/climate-reports/reports.css'

export const handle: I18nHandle = { i18n: ['reports'] }

const flashes = { created: 'done.created', saved: 'done.saved' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

/** The partner by its address, and the signed-in person acting for it (contact or reporter). */
async function guard(request: Request, slug: string) {
	const db = getDb()
	const partner = await getPartner(db, slug)
	if (!partner) throw new Response('Not found', { status: 404 })
	return requirePartnerMember(db, request, partner.id)
}

/** `?edit=2024` opens that year's report in the form; anything else is the form for a new year. */
function editingYearOf(request: Request): number | null {
	const value = Number(new URL(request.url).searchParams.get('edit'))
	return Number.isInteger(value) && value > 0 ? value : null
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { partner } = await guard(request, params.slug)
	const [t, language] = await Promise.all([getT(request, 'reports'), getLanguage(request)])
	const reports = await partnerReports(getDb(), partner.id)
	const targets = partnerTargets()
	const editing = reports.find((r) => r.year === editingYearOf(request)) ?? null
	const year = currentYear()
	const lastYear = year - 1
	return {
		pactName: config.pact.name,
		title: t('page.titleFor', { partner: partner.name }),
		partner: { name: partner.name, slug: partner.slug },
		language,
		targets,
		maxYear: year,
		due: reports.some((r) => r.year === lastYear)
			? null
			: {
					year: lastYear,
					deadline: formatDate(`${year}-${config.reportDeadline}T12:00:00Z`, language, config.timeZone),
				},
		reports: reports.map((r) => ({ ...r, actionsHtml: r.actions ? markdownToHtml(r.actions, webProfile) : '' })),
		trajectory: partnerTrajectory(reports, targets),
		editing: editing
			? {
					year: editing.year,
					scope1: String(editing.scope1Tonnes),
					scope2: String(editing.scope2Tonnes),
					scope3: editing.scope3Tonnes === null ? '' : String(editing.scope3Tonnes),
					actions: editing.actions,
				}
			: null,
		flash: readFlash(new URL(request.url), flashes),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { partner, user } = await guard(request, params.slug)
	const outcome = await submitReport(request, getDb(), partner.id, user.id, editingYearOf(request))
	if (!outcome.ok) return data(outcome.reply, { status: 400 })
	return redirect(
		withFlash(`/partners/${encodeURIComponent(partner.slug)}/reports`, outcome.created ? 'created' : 'saved'),
		303,
	)
}

export default function PartnerReports({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('reports')
	const { partner, reports, trajectory, editing, targets, language, flash, due } = loaderData
	const standingOf = new Map(trajectory.map((y) => [y.year, y]))
	const fmt = (n: number) => formatTonnes(n, language)
	const here = `/partners/${encodeURIComponent(partner.slug)}/reports`
	return (
		<div className="page">
			<p className="breadcrumb">
				<Link to={`/partners/${encodeURIComponent(partner.slug)}`}>← {partner.name}</Link>
			</p>
			<h1>{loaderData.title}</h1>
			{flash ? <FlashMessage>{t(flashes[flash.key])}</FlashMessage> : null}
			<p className="lead">
				{t('page.lead', { percent: targets.target2030Percent, neutralYear: targets.climateNeutralYear })}
			</p>
			{due && reports.length > 0 ? <p className="notice">{t('page.deadline', due)}</p> : null}

			{reports.length > 0 ? (
				// Not a landmark itself: the scrolling table is the one region named by this heading (axe's landmark-unique).
				<section className="stack">
					<h2 id="reports-title">{t('page.reportsTitle')}</h2>
					<TrajectoryFigure years={trajectory} language={language} />
					<p className="muted">{t('page.scopeNote')}</p>
					<div className="table-wrap" tabIndex={0} role="region" aria-labelledby="reports-title">
						<table className="report-table">
							<thead>
								<tr>
									<th scope="col">{t('table.year')}</th>
									<th scope="col" className="number">
										{t('table.scope1')}
									</th>
									<th scope="col" className="number">
										{t('table.scope2')}
									</th>
									<th scope="col" className="number">
										{t('table.scope3')}
									</th>
									<th scope="col" className="number">
										{t('table.target')}
									</th>
									<th scope="col">{t('table.standing')}</th>
									<th scope="col">
										<span className="visually-hidden">{t('table.edit')}</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{reports.map((r) => {
									const onLine = standingOf.get(r.year)
									return (
										<tr key={r.year}>
											<th scope="row">
												{r.year}
												{r.isBaseline ? <span className="muted"> ({t('page.baseline')})</span> : null}
											</th>
											<td className="number">{fmt(r.scope1Tonnes)}</td>
											<td className="number">{fmt(r.scope2Tonnes)}</td>
											<td className="number">{r.scope3Tonnes === null ? '–' : fmt(r.scope3Tonnes)}</td>
											<td className="number">{onLine ? fmt(onLine.target) : '–'}</td>
											<td>{onLine ? <StandingBadge standing={onLine.standing} /> : null}</td>
											<td>
												<Link to={`${here}?edit=${r.year}#report-form-title`}>{t('page.edit', { year: r.year })}</Link>
											</td>
										</tr>
									)
								})}
							</tbody>
						</table>
					</div>
					<h3>{t('page.actionsTitle')}</h3>
					<ul className="report-years">
						{[...reports].reverse().map((r) => (
							<li key={r.year} className="card">
								<strong>{r.year}</strong>
								{r.actionsHtml ? (
									<div className="report-actions" dangerouslySetInnerHTML={{ __html: r.actionsHtml }} />
								) : (
									<p className="report-actions muted">{t('page.noActions')}</p>
								)}
							</li>
						))}
					</ul>
				</section>
			) : null}

			<ReportForm
				key={editing?.year ?? 'new'}
				lastResult={actionData}
				mode={editing ? 'edit' : reports.length === 0 ? 'baseline' : 'new'}
				editingYear={editing?.year ?? null}
				defaultValue={editing ?? undefined}
				maxYear={loaderData.maxYear}
				cancelTo={here}
			/>
		</div>
	)
}
