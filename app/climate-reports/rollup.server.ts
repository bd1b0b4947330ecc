import { csvCell } from '#app/common/csv.ts'
import { formatSortableDate } from '#app/common/format.ts'
import { approvedPartners } from '#app/partners/partners.server.ts'
import type { DB } from '#db/index.ts'
import type { PartnerType } from '#db/schema.ts'
import { currentYear, partnerTargets } from './reports.server.ts'
import { coveredTonnes, trajectory, type Standing, type Targets } from './trajectory.ts'

/**
 * The coordinators' view of every partner's reports: totals per year, who has reported for last
 * year, who is behind the trajectory, and the same rows as CSV for the municipality's own
 * climate report. A few dozen partners over a few years: computed per request.
 */

export interface RollupRow {
	partnerId: number
	partnerName: string
	partnerSlug: string
	partnerType: PartnerType
	sector: string
	year: number
	baselineYear: number | null
	scope1Tonnes: number
	scope2Tonnes: number
	scope3Tonnes: number | null
	total: number
	target: number | null
	standing: Standing | null
	updatedAt: string
}

export interface YearTotal {
	year: number
	/** Scope 1 and 2 added up over the partners that reported the year. */
	tonnes: number
	scope3Tonnes: number
	partners: number
}

export interface PartnerStanding {
	id: number
	name: string
	slug: string
	year: number
	actual: number
	target: number
}

export interface Rollup {
	year: number
	totals: YearTotal[]
	reported: Array<{ id: number; name: string; slug: string }>
	missing: Array<{ id: number; name: string; slug: string }>
	behind: PartnerStanding[]
	rows: RollupRow[]
}

/** Every report with its partner and its place against the partner's trajectory, by partner and year. */
export async function rollupRows(db: DB, targets: Targets = partnerTargets()): Promise<RollupRow[]> {
	const rows = await db
		.selectFrom('climate_report')
		.innerJoin('partner', 'partner.id', 'climate_report.partner_id')
		.select([
			'partner.id as partnerId',
			'partner.name as partnerName',
			'partner.slug as partnerSlug',
			'partner.type as partnerType',
			'partner.sector',
			'climate_report.year',
			'climate_report.scope1_tonnes',
			'climate_report.scope2_tonnes',
			'climate_report.scope3_tonnes',
			'climate_report.is_baseline',
			'climate_report.updated_at',
		])
		.orderBy('partner.name')
		.orderBy('climate_report.year')
		.execute()
	const byPartner = new Map<number, typeof rows>()
	for (const row of rows) byPartner.set(row.partnerId, [...(byPartner.get(row.partnerId) ?? []), row])
	return [...byPartner.values()].flatMap((reports) => {
		const baselineYear = reports.find((r) => r.is_baseline === 1)?.year ?? null
		const years = baselineYear
			? trajectory(
					reports.map((r) => ({
						year: r.year,
						scope1Tonnes: r.scope1_tonnes,
						scope2Tonnes: r.scope2_tonnes,
						scope3Tonnes: r.scope3_tonnes,
					})),
					baselineYear,
					targets,
				)
			: []
		const onLine = new Map(years.map((y) => [y.year, y]))
		return reports.map((r) => ({
			partnerId: r.partnerId,
			partnerName: r.partnerName,
			partnerSlug: r.partnerSlug,
			partnerType: r.partnerType,
			sector: r.sector,
			year: r.year,
			baselineYear,
			scope1Tonnes: r.scope1_tonnes,
			scope2Tonnes: r.scope2_tonnes,
			scope3Tonnes: r.scope3_tonnes,
			total: coveredTonnes({ scope1Tonnes: r.scope1_tonnes, scope2Tonnes: r.scope2_tonnes }),
			target: onLine.get(r.year)?.target ?? null,
			standing: onLine.get(r.year)?.standing ?? null,
			updatedAt: r.updated_at,
		}))
	})
}

export async function climateRollup(db: DB, now = new Date(), targets: Targets = partnerTargets()): Promise<Rollup> {
	const year = currentYear(now) - 1
	const [rows, partners] = await Promise.all([rollupRows(db, targets), approvedPartners(db, {}, now)])
	const totals = new Map<number, YearTotal>()
	for (const row of rows) {
		const total = totals.get(row.year) ?? { year: row.year, tonnes: 0, scope3Tonnes: 0, partners: 0 }
		total.tonnes += row.total
		total.scope3Tonnes += row.scope3Tonnes ?? 0
		total.partners += 1
		totals.set(row.year, total)
	}
	const reportedIds = new Set(rows.filter((r) => r.year === year).map((r) => r.partnerId))
	const short = (p: { id: number; name: string; slug: string }) => ({ id: p.id, name: p.name, slug: p.slug })
	const latest = new Map<number, RollupRow>()
	for (const row of rows) if (row.standing) latest.set(row.partnerId, row)
	return {
		year,
		totals: [...totals.values()].sort((a, b) => a.year - b.year),
		reported: partners.filter((p) => reportedIds.has(p.id)).map(short),
		missing: partners.filter((p) => !reportedIds.has(p.id)).map(short),
		behind: [...latest.values()]
			.filter((r) => r.standing === 'behind')
			.map((r) => ({
				id: r.partnerId,
				name: r.partnerName,
				slug: r.partnerSlug,
				year: r.year,
				actual: r.total,
				target: r.target!,
			})),
		rows,
	}
}

/** Tonnes in a CSV cell: a plain decimal point and at most three decimals, whatever the language. */
function tonnesCell(value: number | null): string {
	return csvCell(value === null ? null : String(Math.round(value * 1000) / 1000))
}

/** The roll-up's rows as CSV: headers and words (type, standing) come finished in the coordinator's language. */
export function rollupCsv(
	rows: RollupRow[],
	headers: string[],
	words: { type: (type: PartnerType) => string; standing: (standing: Standing) => string },
	timeZone: string,
): string {
	const lines = rows.map((r) =>
		[
			csvCell(r.partnerName),
			csvCell(words.type(r.partnerType)),
			csvCell(r.sector),
			csvCell(r.year),
			csvCell(r.baselineYear),
			tonnesCell(r.scope1Tonnes),
			tonnesCell(r.scope2Tonnes),
			tonnesCell(r.scope3Tonnes),
			tonnesCell(r.total),
			tonnesCell(r.target),
			csvCell(r.standing ? words.standing(r.standing) : null),
			csvCell(formatSortableDate(r.updatedAt, timeZone)),
		].join(','),
	)
	return [headers.map(csvCell).join(','), ...lines].join('\r\n') + '\r\n'
}
