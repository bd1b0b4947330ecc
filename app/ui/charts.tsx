import type { ReactNode } from 'react'
import './charts.css'

/**
 * Charts drawn as SVG on the server, no chart library (docs/decisions/0016-charts-as-server-svg.md).
 * Each is a picture with a name and a description in words (role="img", <title>, <desc>) and a
 * table of the same figures behind it, so nothing is only in the picture. Labels are finished
 * text: the caller formats numbers and dates in the page's language.
 */

export type ChartTone = 'brand' | 'soft' | 'blue'

export interface ChartSeries {
	label: string
	tone: ChartTone
}

export interface ChartTable {
	/** The first column's heading (what each row is), then one heading per figure. */
	columns: string[]
	rows: Array<{ key: string; header: string; cells: Array<string | number> }>
}

interface FigureProps {
	id: string
	title: string
	description: string
	series: ChartSeries[]
	table: ChartTable
	/** The summary of the <details> that holds the table. */
	tableLabel: string
	/** Shows the title above the chart as a heading: for a second chart under one section heading. */
	caption?: boolean
}

/** Width of every chart's drawing in SVG units: about a phone's width, so text keeps its size there. */
const width = 360

function ChartFigure({
	id,
	title,
	description,
	series,
	table,
	tableLabel,
	caption = false,
	height,
	children,
}: FigureProps & { height: number; children: ReactNode }) {
	return (
		<figure className="chart">
			{caption ? <h3 className="chart-caption">{title}</h3> : null}
			<svg
				className="chart-svg"
				viewBox={`0 0 ${width} ${height}`}
				role="img"
				aria-labelledby={`${id}-title`}
				aria-describedby={`${id}-desc`}
			>
				<title id={`${id}-title`}>{title}</title>
				<desc id={`${id}-desc`}>{description}</desc>
				{children}
			</svg>
			{series.length > 1 ? (
				<ul className="chart-legend">
					{series.map((s) => (
						<li key={s.label}>
							<span className={`chart-swatch chart-${s.tone}`} aria-hidden="true" />
							{s.label}
						</li>
					))}
				</ul>
			) : null}
			<details className="chart-details">
				<summary>{tableLabel}</summary>
				{/* Focusable so that a table wider than the screen can be scrolled from the keyboard. */}
				<div className="table-wrap" tabIndex={0} role="region" aria-label={`${tableLabel}: ${title}`}>
					<table className="chart-table">
						<caption>{title}</caption>
						<thead>
							<tr>
								{table.columns.map((column, i) => (
									<th key={column} scope="col" className={i > 0 ? 'number' : undefined}>
										{column}
									</th>
								))}
							</tr>
						</thead>
						<tbody>
							{table.rows.map((row) => (
								<tr key={row.key}>
									<th scope="row">{row.header}</th>
									{row.cells.map((cell, i) => (
										<td key={i} className="number">
											{cell}
										</td>
									))}
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</details>
		</figure>
	)
}

export interface BarRow {
	key: string
	label: string
	/** One value per series. */
	values: number[]
	/** The figure written at the end of the bar. */
	valueLabel: string
}

/**
 * Horizontal bars, one row per thing, its label above the bar so long labels fit on a phone.
 * `stacked`: the series' values add up along the bar (held + planned events). `nested`: later
 * series are parts of the first, drawn over it from the start (chosen, of which started).
 */
export function BarChart({
	rows,
	layout = 'stacked',
	...figure
}: FigureProps & { rows: BarRow[]; layout?: 'stacked' | 'nested' }) {
	const rowHeight = 48
	const height = Math.max(1, rows.length) * rowHeight + 4
	const barSpace = width - 72
	const lengthOf = (row: BarRow) =>
		layout === 'stacked' ? row.values.reduce((a, b) => a + b, 0) : (row.values[0] ?? 0)
	const max = Math.max(1, ...rows.map(lengthOf))
	const scale = (n: number) => (n / max) * barSpace
	return (
		<ChartFigure {...figure} height={height}>
			{rows.map((row, r) => {
				const top = r * rowHeight
				let x = 0
				return (
					<g key={row.key}>
						<text className="chart-label" x="0" y={top + 16}>
							{row.label}
						</text>
						<rect className="chart-track" x="0" y={top + 23} width={barSpace} height="16" rx="3" />
						{row.values.map((value, s) => {
							const w = scale(value)
							const start = layout === 'stacked' ? x : 0
							if (layout === 'stacked') x += w
							return w > 0 ? (
								<rect
									key={s}
									className={`chart-${figure.series[s]?.tone ?? 'brand'}`}
									x={start}
									y={top + 23}
									width={Math.max(w, 2)}
									height="16"
									rx="3"
								/>
							) : null
						})}
						<text className="chart-value" x={scale(lengthOf(row)) + 6} y={top + 37}>
							{row.valueLabel}
						</text>
					</g>
				)
			})}
		</ChartFigure>
	)
}

export interface AreaPoint {
	key: string
	/** Written under the axis for some points (first, last and a few between). */
	axisLabel: string
	/** One value per series, stacked from the first. */
	values: number[]
}

/** A round number at least `value`, for the top of an axis: 1, 2, 2.5, 5 times a power of ten. */
export function axisTop(value: number): number {
	if (value <= 1) return 1
	const power = 10 ** Math.floor(Math.log10(value))
	return [1, 2, 2.5, 5, 10].map((m) => m * power).find((top) => top >= value)!
}

/** The frame of a chart over time: its height and margins, and values upwards from nought to a round top. */
function timeFrame(left: number, values: number[]) {
	const height = 220
	const [right, top, bottom] = [12, 12, 26]
	const plotWidth = width - left - right
	const plotBottom = height - bottom
	const yTop = axisTop(Math.max(0, ...values))
	const y = (n: number) => plotBottom - (n / yTop) * (plotBottom - top)
	return { height, left, right, plotWidth, yTop, y }
}

/** Gridlines at nought, half the top and the top, each with its value on the left. */
function ValueAxis({
	frame: { left, right, yTop, y },
	formatValue,
}: {
	frame: ReturnType<typeof timeFrame>
	formatValue: (n: number) => string
}) {
	return [0, yTop / 2, yTop].map((tick) => (
		<g key={tick}>
			<line className="chart-grid" x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} />
			<text className="chart-axis" x={left - 6} y={y(tick) + 4} textAnchor="end">
				{formatValue(tick)}
			</text>
		</g>
	))
}

/** The labels under the time axis: the first point's, the last's and two between. */
function TimeLabels({
	points,
	x,
	height,
}: {
	points: Array<{ key: string; axisLabel: string }>
	x: (i: number) => number
	height: number
}) {
	const labelled = [...new Set([0, 1, 2, 3].map((j) => Math.round((j * (points.length - 1)) / 3)))]
	return labelled.map((i) => (
		<text
			key={points[i]!.key}
			className="chart-axis"
			x={x(i)}
			y={height - 6}
			textAnchor={points.length === 1 ? 'middle' : i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'}
		>
			{points[i]!.axisLabel}
		</text>
	))
}

/** Stacked areas over time (signatures month by month), with a line along the total. */
export function AreaChart({
	points,
	formatValue,
	...figure
}: FigureProps & { points: AreaPoint[]; formatValue: (n: number) => string }) {
	const totals = points.map((p) => p.values.reduce((a, b) => a + b, 0))
	const frame = timeFrame(40, totals)
	const { height, left, plotWidth, y } = frame
	// One point is drawn as a flat line across the chart.
	const xs =
		points.length === 1
			? [left, left + plotWidth]
			: points.map((_, i) => left + (i * plotWidth) / Math.max(1, points.length - 1))
	const drawn = points.length === 1 ? [points[0]!, points[0]!] : points
	const layers = figure.series.map((_, s) => drawn.map((p) => p.values.slice(0, s + 1).reduce((a, b) => a + b, 0)))
	const line = (values: number[]) => values.map((v, i) => `${xs[i]!.toFixed(1)},${y(v).toFixed(1)}`).join(' ')
	return (
		<ChartFigure {...figure} height={height}>
			<ValueAxis frame={frame} formatValue={formatValue} />
			{layers.map((upper, s) => {
				const lower = s === 0 ? upper.map(() => 0) : layers[s - 1]!
				const outline = `${line(upper)} ${line(lower).split(' ').reverse().join(' ')}`
				return <polygon key={s} className={`chart-${figure.series[s]!.tone}`} points={outline} />
			})}
			{layers.length > 0 ? <polyline className="chart-line" points={line(layers.at(-1)!)} /> : null}
			<TimeLabels points={points} x={(i) => (points.length === 1 ? left + plotWidth / 2 : xs[i]!)} height={height} />
		</ChartFigure>
	)
}

/** How far a figure has come towards a goal: a track, filled to the share reached. */
export function GoalChart({
	share,
	reachedLabel,
	goalLabel,
	...figure
}: FigureProps & { share: number; reachedLabel: string; goalLabel: string }) {
	const fill = Math.min(1, Math.max(0, share)) * width
	return (
		<ChartFigure {...figure} height={62}>
			<rect className="chart-track" x="0" y="4" width={width} height="28" rx="6" />
			{share > 0 ? <rect className="chart-brand" x="0" y="4" width={Math.max(fill, 4)} height="28" rx="6" /> : null}
			<text className="chart-value" x="0" y="54">
				{reachedLabel}
			</text>
			<text className="chart-axis" x={width} y="54" textAnchor="end">
				{goalLabel}
			</text>
		</ChartFigure>
	)
}

export interface LinePoint {
	key: string
	/** Written under the axis for the first, last and a few points between. */
	axisLabel: string
	/** One value per series; null where a series has no figure (a year not reported). */
	values: Array<number | null>
}

/**
 * Lines over time, one per series (a partner's reported emissions and its trajectory): the first
 * series drawn solid with a dot at each figure, the rest dashed. Gaps stay gaps.
 */
export function LineChart({
	points,
	formatValue,
	...figure
}: FigureProps & { points: LinePoint[]; formatValue: (n: number) => string }) {
	const all = points.flatMap((p) => p.values.filter((v): v is number => v !== null))
	const frame = timeFrame(48, all)
	const { height, left, plotWidth, y } = frame
	const x = (i: number) =>
		points.length === 1 ? left + plotWidth / 2 : left + (i * plotWidth) / Math.max(1, points.length - 1)
	return (
		<ChartFigure {...figure} height={height}>
			<ValueAxis frame={frame} formatValue={formatValue} />
			{figure.series.map((s, si) => {
				// Runs of consecutive figures, so a year without one breaks the line.
				const runs: string[][] = [[]]
				points.forEach((p, i) => {
					const v = p.values[si]
					if (v === null || v === undefined) runs.push([])
					else runs.at(-1)!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`)
				})
				return (
					<g key={s.label} className={`chart-series chart-stroke-${s.tone}${si > 0 ? ' chart-dashed' : ''}`}>
						{runs
							.filter((run) => run.length > 1)
							.map((run, r) => (
								<polyline key={r} points={run.join(' ')} />
							))}
						{si === 0
							? points.map((p, i) =>
									p.values[0] === null || p.values[0] === undefined ? null : (
										<circle key={p.key} cx={x(i)} cy={y(p.values[0])} r="4" />
									),
								)
							: null}
					</g>
				)
			})}
			<TimeLabels points={points} x={x} height={height} />
		</ChartFigure>
	)
}
