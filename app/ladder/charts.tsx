import { useTranslation } from '#app/i18n/use-translation.ts'
import type { LadderStep } from './rules.ts'

/**
 * The coordinators' two charts. Both carry their numbers as text: the funnel is a list with the
 * counts written out; the monthly chart is an SVG picture (aria-hidden) with a table beside it.
 */

export function Funnel({ rows }: { rows: Array<{ step: LadderStep; people: number; share: string }> }) {
	const { t } = useTranslation('ladder')
	const max = Math.max(1, ...rows.map((r) => r.people))
	return (
		<ol className="lad-funnel">
			{rows.map((r) => (
				<li key={r.step}>
					<span className="lad-funnel-label">
						{r.step}. {t(`steps.${r.step}.title`)}
					</span>
					<span className="lad-funnel-track" aria-hidden="true">
						<span className="lad-funnel-fill" style={{ width: `${Math.max(2, (r.people / max) * 100)}%` }} />
					</span>
					<span className="lad-funnel-count">
						{t('admin.funnelPeople', { count: r.people })}
						<small>{t('admin.funnelShare', { percent: r.share })}</small>
					</span>
				</li>
			))}
		</ol>
	)
}

export function MonthlyPromotions({
	months,
}: {
	months: Array<{ month: string; label: string; short: string; byStep: Record<2 | 3 | 4, number>; total: number }>
}) {
	const { t } = useTranslation('ladder')
	const max = Math.max(1, ...months.map((m) => m.total))
	const [width, height, bottom, top] = [600, 220, 28, 16]
	const slot = width / months.length
	const scale = (n: number) => (n / max) * (height - bottom - top)
	return (
		<>
			<svg className="lad-chart" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
				<line className="lad-axis" x1="0" x2={width} y1={height - bottom} y2={height - bottom} />
				{months.map((m, i) => {
					let y = height - bottom
					const x = i * slot + slot * 0.2
					return (
						<g key={m.month}>
							{([2, 3, 4] as const).map((step) => {
								const h = scale(m.byStep[step])
								y -= h
								return h > 0 ? (
									<rect key={step} className={`s${step}`} x={x} y={y} width={slot * 0.6} height={h} rx="2" />
								) : null
							})}
							{m.total > 0 ? (
								<text x={x + slot * 0.3} y={y - 4} textAnchor="middle">
									{m.total}
								</text>
							) : null}
							<text x={x + slot * 0.3} y={height - 8} textAnchor="middle">
								{m.short}
							</text>
						</g>
					)
				})}
			</svg>
			<ul className="lad-legend">
				{([2, 3, 4] as const).map((step) => (
					<li key={step}>
						<span className={`lad-swatch s${step}`} aria-hidden="true" />
						{t('admin.toStep', { step })}
					</li>
				))}
			</ul>
			<details>
				<summary>{t('admin.monthsTable')}</summary>
				<div className="table-wrap">
					<table>
						<caption className="visually-hidden">{t('admin.monthsTitle')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('admin.month')}</th>
								{([2, 3, 4] as const).map((step) => (
									<th key={step} scope="col">
										{t('admin.toStep', { step })}
									</th>
								))}
								<th scope="col">{t('admin.total')}</th>
							</tr>
						</thead>
						<tbody>
							{months.map((m) => (
								<tr key={m.month}>
									<th scope="row">{m.label}</th>
									<td>{m.byStep[2]}</td>
									<td>{m.byStep[3]}</td>
									<td>{m.byStep[4]}</td>
									<td>{m.total}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</details>
		</>
	)
}
