/**
 * The partner's path to the municipality's targets: a straight line from the baseline year's
 * emissions to −X % by 2030, then on to zero by the climate-neutral year. Pure arithmetic, so
 * the page, the roll-up, the CSV and the tests all draw the same line.
 *
 * What is compared is scope 1 and 2 (what a partner controls and every partner can count);
 * scope 3 is reported beside it when known, but a partner that starts counting it later would
 * otherwise look as if its emissions rose.
 */

export const MILESTONE_YEAR = 2030

export interface Targets {
	/** Reduction by 2030 against the baseline, in percent: 70 means −70 %. */
	target2030Percent: number
	/** The year emissions reach net zero. */
	climateNeutralYear: number
}

export interface Baseline {
	year: number
	tonnes: number
}

export interface YearReport {
	year: number
	scope1Tonnes: number
	scope2Tonnes: number
	scope3Tonnes: number | null
}

/** Scope 1 and 2: what the trajectory is held against. */
export function coveredTonnes(report: Pick<YearReport, 'scope1Tonnes' | 'scope2Tonnes'>): number {
	return report.scope1Tonnes + report.scope2Tonnes
}

/** The trajectory's tonnes for a year; null before the baseline, 0 from the climate-neutral year. */
export function targetTonnes(baseline: Baseline, year: number, targets: Targets): number | null {
	if (year < baseline.year) return null
	const neutral = targets.climateNeutralYear
	if (year >= neutral) return 0
	const at2030 = baseline.tonnes * (1 - targets.target2030Percent / 100)
	// A baseline after 2030 has missed the milestone: its line runs straight to zero.
	const [fromYear, fromTonnes, toYear, toTonnes] =
		baseline.year < MILESTONE_YEAR && year <= MILESTONE_YEAR
			? [baseline.year, baseline.tonnes, MILESTONE_YEAR, at2030]
			: baseline.year < MILESTONE_YEAR
				? [MILESTONE_YEAR, at2030, neutral, 0]
				: [baseline.year, baseline.tonnes, neutral, 0]
	return fromTonnes + ((toTonnes - fromTonnes) * (year - fromYear)) / (toYear - fromYear)
}

export type Standing = 'ahead' | 'on-track' | 'behind'

export interface TrajectoryYear {
	year: number
	target: number
	actual: number
	/** actual − target: below zero is ahead of the line. */
	difference: number
	standing: Standing
}

/** At or under the line within half a percent of it counts as on track; rounding should not make a partner "behind". */
function standingOf(actual: number, target: number): Standing {
	const tolerance = Math.max(0.005 * target, 1e-9)
	if (actual > target + tolerance) return 'behind'
	if (actual < target - tolerance) return 'ahead'
	return 'on-track'
}

/** Every reported year held against the line drawn from the baseline, in year order. */
export function trajectory(reports: YearReport[], baselineYear: number, targets: Targets): TrajectoryYear[] {
	const sorted = [...reports].sort((a, b) => a.year - b.year)
	const base = sorted.find((r) => r.year === baselineYear)
	if (!base) return []
	const baseline = { year: baselineYear, tonnes: coveredTonnes(base) }
	return sorted
		.filter((r) => r.year >= baselineYear)
		.map((r) => {
			const target = targetTonnes(baseline, r.year, targets)!
			const actual = coveredTonnes(r)
			return { year: r.year, target, actual, difference: actual - target, standing: standingOf(actual, target) }
		})
}

/** The newest year's standing, which is what "behind the trajectory" means in the roll-up. */
export function latestStanding(years: TrajectoryYear[]): TrajectoryYear | null {
	return years.at(-1) ?? null
}
