import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from 'react-router'
import { formatNumber } from '#app/common/format.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { LineChart } from '#app/ui/charts.tsx'
import { FormErrors, TextareaField, TextField } from '#app/ui/forms.tsx'
import { createReportSchema } from './schemas.ts'
import type { Standing, TrajectoryYear } from './trajectory.ts'

/** Tonnes as people read them: one decimal at most, in the page's language. */
export function formatTonnes(value: number, language: string): string {
	return formatNumber(Math.round(value * 10) / 10, language)
}

export function StandingBadge({ standing }: { standing: Standing }) {
	const { t } = useTranslation('reports')
	return <span className={`report-standing report-${standing}`}>{t(`standing.${standing}`)}</span>
}

interface ReportFormValues {
	year: string | number
	scope1: string
	scope2: string
	scope3: string
	actions: string
}

/**
 * A year's report: the baseline first (the form says so), then one year at a time. Editing keeps
 * the year, which the form then shows but does not send.
 */
export function ReportForm({
	lastResult,
	mode,
	editingYear,
	defaultValue,
	maxYear,
	cancelTo,
}: {
	lastResult?: SubmissionResult<string[]>
	mode: 'baseline' | 'new' | 'edit'
	editingYear: number | null
	defaultValue?: Partial<ReportFormValues>
	maxYear: number
	cancelTo: string
}) {
	const { t } = useTranslation('reports')
	const [form, fields] = useForm({
		id: `climate-report-${editingYear ?? 'new'}`,
		lastResult,
		defaultValue,
		constraint: getZodConstraint(createReportSchema(t)),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => {
			if (editingYear !== null) formData.set('year', String(editingYear))
			return parseWithZod(formData, { schema: createReportSchema(t) })
		},
	})
	const heading =
		mode === 'edit'
			? t('form.editTitle', { year: editingYear })
			: mode === 'baseline'
				? t('form.baselineTitle')
				: t('form.newTitle')
	return (
		<section className="card stack" aria-labelledby="report-form-title">
			<h2 id="report-form-title">{heading}</h2>
			{mode === 'baseline' ? <p>{t('page.baselineLead')}</p> : null}
			<Form method="post" className="form" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				{mode === 'edit' ? null : (
					<TextField
						meta={fields.year}
						type="number"
						label={mode === 'baseline' ? t('form.baselineYear') : t('form.year')}
						min={1990}
						max={maxYear}
						className="report-year"
					/>
				)}
				<div className="report-scopes">
					<TextField meta={fields.scope1} inputMode="text" label={t('form.scope1')} hint={t('form.scope1Hint')} />
					<TextField meta={fields.scope2} inputMode="text" label={t('form.scope2')} hint={t('form.scope2Hint')} />
					<TextField
						meta={fields.scope3}
						inputMode="text"
						label={t('form.scope3')}
						hint={t('form.scope3Hint')}
						optional
					/>
				</div>
				<TextareaField meta={fields.actions} label={t('form.actions')} hint={t('form.actionsHint')} rows={6} />
				<div className="button-row">
					<button type="submit" className="primary">
						{t('form.save')}
					</button>
					{mode === 'edit' ? <Link to={cancelTo}>{t('form.cancel')}</Link> : null}
				</div>
			</Form>
		</section>
	)
}

/** The partner's reported scope 1 + 2 against its trajectory, year by year, with the table behind it. */
export function TrajectoryFigure({ years, language }: { years: TrajectoryYear[]; language: string }) {
	const { t } = useTranslation('reports')
	if (years.length === 0) return null
	const first = years[0]!.year
	const last = years.at(-1)!
	const reported = new Map(years.map((y) => [y.year, y]))
	const span = Array.from({ length: last.year - first + 1 }, (_, i) => first + i)
	const fmt = (n: number) => formatTonnes(n, language)
	return (
		<LineChart
			id="trajectory"
			title={t('chart.title')}
			description={t('chart.description', {
				baselineYear: first,
				year: last.year,
				actual: fmt(last.actual),
				target: fmt(last.target),
			})}
			tableLabel={t('chart.tableLabel')}
			series={[
				{ label: t('chart.reported'), tone: 'brand' },
				{ label: t('chart.target'), tone: 'blue' },
			]}
			points={span.map((year) => {
				const y = reported.get(year)
				// The line is drawn between reported years only; a missing year stays a gap in both.
				return { key: String(year), axisLabel: String(year), values: [y?.actual ?? null, y?.target ?? null] }
			})}
			formatValue={fmt}
			table={{
				columns: [t('chart.year'), t('chart.reported'), t('chart.target'), t('chart.difference')],
				rows: years.map((y) => ({
					key: String(y.year),
					header: String(y.year),
					cells: [fmt(y.actual), fmt(y.target), `${y.difference > 0 ? '+' : ''}${fmt(y.difference)}`],
				})),
			}}
		/>
	)
}
