import { Link } from 'react-router'
import { formatNumber, localeFor } from '#app/common/format.ts'
import { numberFormat } from '#app/common/intl.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { AreaChart, BarChart, GoalChart } from '#app/ui/charts.tsx'
import type { PactNumbers } from './figures.server.ts'
import type { MonthLabel } from './labels.ts'

/** The sections of /numbers, one per kind of figure, each a heading, a chart and its table. */

function useNumber() {
	const { i18n } = useTranslation('numbers')
	return (value: number) => formatNumber(value, i18n.language)
}

export function KeyFigures({ numbers, thisYear }: { numbers: PactNumbers; thisYear: number }) {
	const { t } = useTranslation('numbers')
	const n = useNumber()
	const year = numbers.events.byYear.find((y) => y.year === thisYear)
	const eventsThisYear = (year?.held ?? 0) + (year?.planned ?? 0)
	const figures: Array<{ key: string; value: string; label: string }> = [
		{
			key: 'residents',
			value: n(numbers.signatures.residents),
			label: t('key.residents', { count: numbers.signatures.residents, city: numbers.pact.city }),
		},
		{
			key: 'others',
			value: n(numbers.signatures.others),
			label: t('key.others', { count: numbers.signatures.others }),
		},
		{ key: 'events', value: n(eventsThisYear), label: t('key.eventsThisYear', { count: eventsThisYear }) },
		{
			key: 'proposals',
			value: n(numbers.proposals.submitted),
			label: t('key.proposals', { count: numbers.proposals.submitted }),
		},
		{
			key: 'volunteers',
			value: n(numbers.ladder.volunteers),
			label: t('key.volunteers', { count: numbers.ladder.volunteers }),
		},
		{ key: 'tonnes', value: n(numbers.co2e.tonnesPerYear), label: t('key.tonnes') },
	]
	return (
		<ul className="numbers-key" aria-label={t('page.keyLabel')}>
			{figures.map((f) => (
				<li key={f.key}>
					<span className="numbers-key-value">{f.value}</span> <span className="numbers-key-label">{f.label}</span>
				</li>
			))}
		</ul>
	)
}

function Section({
	id,
	title,
	lead,
	children,
}: {
	id: string
	title: string
	lead: string
	children: React.ReactNode
}) {
	return (
		<section className="numbers-section" aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{title}</h2>
			<p className="numbers-lead">{lead}</p>
			{children}
		</section>
	)
}

export function SignatureGrowth({ numbers, months }: { numbers: PactNumbers; months: Record<string, MonthLabel> }) {
	const { t } = useTranslation('numbers')
	const n = useNumber()
	const byMonth = numbers.signatures.byMonth
	const first = byMonth[0]
	const last = byMonth.at(-1)
	return (
		<Section id="signatures" title={t('signatures.title')} lead={t('signatures.lead', { city: numbers.pact.city })}>
			{first && last ? (
				<AreaChart
					id="signatures-chart"
					title={t('signatures.chartTitle')}
					description={t('signatures.chartDescription', {
						from: months[first.month]?.long ?? first.month,
						to: months[last.month]?.long ?? last.month,
						first: n(first.totalResidents + first.totalOthers),
						last: n(last.totalResidents + last.totalOthers),
						residents: n(last.totalResidents),
						others: n(last.totalOthers),
					})}
					series={[
						{ label: t('signatures.residents'), tone: 'brand' },
						{ label: t('signatures.others'), tone: 'blue' },
					]}
					points={byMonth.map((m) => ({
						key: m.month,
						axisLabel: months[m.month]?.short ?? m.month,
						values: [m.totalResidents, m.totalOthers],
					}))}
					formatValue={n}
					tableLabel={t('page.table')}
					table={{
						columns: [
							t('signatures.month'),
							t('signatures.signedResidents'),
							t('signatures.signedOthers'),
							t('signatures.total'),
						],
						rows: byMonth.map((m) => ({
							key: m.month,
							header: months[m.month]?.long ?? m.month,
							cells: [n(m.signedResidents), n(m.signedOthers), n(m.totalResidents + m.totalOthers)],
						})),
					}}
				/>
			) : (
				<p>{t('signatures.empty')}</p>
			)}
		</Section>
	)
}

export function Co2eAgainstGoal({ numbers }: { numbers: PactNumbers }) {
	const { t, i18n } = useTranslation('numbers')
	const n = useNumber()
	const { tonnesPerYear, goalTonnesPerYear, shareOfGoal } = numbers.co2e
	const percent = numberFormat(localeFor(i18n.language), { style: 'percent', maximumFractionDigits: 1 }).format(
		shareOfGoal,
	)
	const tonnes = (kg: number) => n(Math.round(kg / 100) / 10)
	const withoutEstimate = numbers.commitments.inProgressWithoutEstimate
	return (
		<Section
			id="co2e"
			title={t('co2e.title')}
			lead={t('co2e.lead', { tonnes: n(tonnesPerYear), goal: n(goalTonnesPerYear) })}
		>
			<GoalChart
				id="co2e-goal"
				title={t('co2e.chartTitle')}
				description={t('co2e.chartDescription', {
					tonnes: n(tonnesPerYear),
					goal: n(goalTonnesPerYear),
					percent,
				})}
				share={shareOfGoal}
				reachedLabel={`${n(tonnesPerYear)} t (${percent})`}
				goalLabel={t('co2e.goal', { goal: n(goalTonnesPerYear) })}
				series={[]}
				tableLabel={t('page.table')}
				table={{
					columns: [t('co2e.chartTitle'), t('co2e.tonnesColumn')],
					rows: [
						{ key: 'reached', header: t('key.tonnes'), cells: [n(tonnesPerYear)] },
						{ key: 'goal', header: t('co2e.goal', { goal: '' }).replace(/[:\s]+$/, ''), cells: [n(goalTonnesPerYear)] },
					],
				}}
			/>
			<BarChart
				id="co2e-categories"
				caption
				title={t('co2e.byCategoryTitle')}
				description={numbers.commitments.byCategory
					.map((c) => `${t(`categories.${c.category}`)}: ${tonnes(c.kgCo2ePerYear)}`)
					.join('; ')}
				series={[{ label: t('co2e.tonnesColumn'), tone: 'brand' }]}
				rows={numbers.commitments.byCategory.map((c) => ({
					key: c.category,
					label: t(`categories.${c.category}`),
					values: [c.kgCo2ePerYear],
					valueLabel: `${tonnes(c.kgCo2ePerYear)} t`,
				}))}
				tableLabel={t('page.table')}
				table={{
					columns: [t('commitments.category'), t('co2e.tonnesColumn')],
					rows: numbers.commitments.byCategory.map((c) => ({
						key: c.category,
						header: t(`categories.${c.category}`),
						cells: [tonnes(c.kgCo2ePerYear)],
					})),
				}}
			/>
			<p className="numbers-note">
				{t('co2e.note')}
				{withoutEstimate > 0 ? ` ${t('co2e.withoutEstimate', { count: withoutEstimate })}` : null}
			</p>
		</Section>
	)
}

export function CommitmentsByCategory({ numbers }: { numbers: PactNumbers }) {
	const { t } = useTranslation('numbers')
	const n = useNumber()
	const { byCategory, ownWords } = numbers.commitments
	return (
		<Section id="commitments" title={t('commitments.title')} lead={t('commitments.lead')}>
			<BarChart
				id="commitments-chart"
				layout="nested"
				title={t('commitments.chartTitle')}
				description={byCategory
					.map(
						(c) =>
							`${t(`categories.${c.category}`)}: ${t('commitments.chosen')} ${n(c.chosen)}, ${t('commitments.inProgress')} ${n(c.inProgress)}`,
					)
					.join('; ')}
				series={[
					{ label: t('commitments.chosen'), tone: 'soft' },
					{ label: t('commitments.inProgress'), tone: 'brand' },
				]}
				rows={byCategory.map((c) => ({
					key: c.category,
					label: t(`categories.${c.category}`),
					values: [c.chosen, c.inProgress],
					valueLabel: n(c.chosen),
				}))}
				tableLabel={t('page.table')}
				table={{
					columns: [t('commitments.category'), t('commitments.chosen'), t('commitments.inProgress')],
					rows: byCategory.map((c) => ({
						key: c.category,
						header: t(`categories.${c.category}`),
						cells: [n(c.chosen), n(c.inProgress)],
					})),
				}}
			/>
			{ownWords.chosen > 0 ? (
				<p className="numbers-note">{t('commitments.ownWords', { count: ownWords.chosen })}</p>
			) : null}
		</Section>
	)
}

export function EventsPerYear({ numbers }: { numbers: PactNumbers }) {
	const { t } = useTranslation('numbers')
	const n = useNumber()
	const years = numbers.events.byYear
	return (
		<Section id="events" title={t('events.title')} lead={t('events.lead')}>
			{years.length === 0 ? (
				<p>{t('events.empty')}</p>
			) : (
				<>
					<BarChart
						id="events-chart"
						title={t('events.chartTitle')}
						description={years
							.map(
								(y) =>
									`${y.year}: ${t('events.held')} ${n(y.held)}${y.planned > 0 ? `, ${t('events.planned')} ${n(y.planned)}` : ''}`,
							)
							.join('; ')}
						series={[
							{ label: t('events.held'), tone: 'brand' },
							{ label: t('events.planned'), tone: 'soft' },
						]}
						rows={years.map((y) => ({
							key: String(y.year),
							label: String(y.year),
							values: [y.held, y.planned],
							valueLabel: n(y.held + y.planned),
						}))}
						tableLabel={t('page.table')}
						table={{
							columns: [t('events.year'), t('events.held'), t('events.planned')],
							rows: years.map((y) => ({
								key: String(y.year),
								header: String(y.year),
								cells: [n(y.held), n(y.planned)],
							})),
						}}
					/>
					<BarChart
						id="attendance-chart"
						caption
						title={t('events.attendanceTitle')}
						description={years.map((y) => `${y.year}: ${n(y.checkedIn)}`).join('; ')}
						series={[{ label: t('events.checkedIn'), tone: 'blue' }]}
						rows={years.map((y) => ({
							key: String(y.year),
							label: String(y.year),
							values: [y.checkedIn],
							valueLabel: n(y.checkedIn),
						}))}
						tableLabel={t('page.table')}
						table={{
							columns: [t('events.year'), t('events.checkedIn')],
							rows: years.map((y) => ({ key: String(y.year), header: String(y.year), cells: [n(y.checkedIn)] })),
						}}
					/>
				</>
			)}
		</Section>
	)
}

export function LadderSteps({ numbers }: { numbers: PactNumbers }) {
	const { t } = useTranslation('numbers')
	// The steps' own names, as the ladder calls them everywhere else.
	const { t: tLadder } = useTranslation('ladder')
	const n = useNumber()
	const steps = numbers.ladder.steps
	const label = (step: 1 | 2 | 3 | 4) => `${step}. ${tLadder(`steps.${step}.title`)}`
	return (
		<Section id="ladder" title={t('ladder.title')} lead={t('ladder.lead')}>
			<BarChart
				id="ladder-chart"
				title={t('ladder.chartTitle')}
				description={steps.map((s) => `${label(s.step)}: ${n(s.people)}`).join('; ')}
				series={[{ label: t('ladder.people'), tone: 'brand' }]}
				rows={steps.map((s) => ({
					key: String(s.step),
					label: label(s.step),
					values: [s.people],
					valueLabel: n(s.people),
				}))}
				tableLabel={t('page.table')}
				table={{
					columns: [t('ladder.step'), t('ladder.people')],
					rows: steps.map((s) => ({ key: String(s.step), header: label(s.step), cells: [n(s.people)] })),
				}}
			/>
		</Section>
	)
}

export function Proposals({ numbers }: { numbers: PactNumbers }) {
	const { t } = useTranslation('numbers')
	const n = useNumber()
	const proposals = numbers.proposals
	const rows = (['total', 'submitted', 'answered', 'accepted', 'partlyAccepted', 'rejected'] as const).map((key) => ({
		key,
		label: t(`proposals.${key}`),
		value: proposals[key],
	}))
	return (
		<Section id="proposals" title={t('proposals.title')} lead={t('proposals.lead')}>
			<BarChart
				id="proposals-chart"
				title={t('proposals.chartTitle')}
				description={rows.map((r) => `${r.label}: ${n(r.value)}`).join('; ')}
				series={[{ label: t('proposals.count'), tone: 'brand' }]}
				rows={rows.map((r) => ({ key: r.key, label: r.label, values: [r.value], valueLabel: n(r.value) }))}
				tableLabel={t('page.table')}
				table={{
					columns: [t('proposals.what'), t('proposals.count')],
					rows: rows.map((r) => ({ key: r.key, header: r.label, cells: [n(r.value)] })),
				}}
			/>
			<p>
				<Link to="/proposals">{t('proposals.link')}</Link>
			</p>
		</Section>
	)
}
