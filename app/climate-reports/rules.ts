import { coveredTonnes } from './trajectory.ts'

/**
 * The checks a report needs the partner's other reports for: pure, so they are tested on their
 * own and the action only has to look the reports up. Each problem names its field and the
 * message key; the action words it in the person's language.
 */

export interface ReportedYear {
	year: number
	scope1Tonnes: number
	scope2Tonnes: number
	isBaseline: boolean
}

export type ReportProblem =
	| { field: 'year'; key: 'futureYear' | 'beforeBaseline' | 'duplicateYear'; year?: number }
	| { field: 'scope1'; key: 'checkUnit'; year: number }

/** How far apart two years' figures may be before we ask whether a unit slipped (kg for tonnes). */
export const UNIT_SLIP = 1000

export function checkReport(
	existing: ReportedYear[],
	input: { year: number; scope1: number; scope2: number },
	{ currentYear, editingYear = null }: { currentYear: number; editingYear?: number | null },
): ReportProblem[] {
	const problems: ReportProblem[] = []
	const others = existing.filter((r) => r.year !== editingYear)
	const baseline = existing.find((r) => r.isBaseline)
	if (input.year > currentYear) problems.push({ field: 'year', key: 'futureYear' })
	else if (editingYear === null && others.some((r) => r.year === input.year))
		problems.push({ field: 'year', key: 'duplicateYear', year: input.year })
	else if (baseline && input.year < baseline.year)
		problems.push({ field: 'year', key: 'beforeBaseline', year: baseline.year })

	// Compared with the nearest reported years on either side, so a slip is caught wherever it is entered.
	const total = input.scope1 + input.scope2
	const before = others.filter((r) => r.year < input.year).sort((a, b) => b.year - a.year)[0]
	const after = others.filter((r) => r.year > input.year).sort((a, b) => a.year - b.year)[0]
	for (const neighbour of [before, after]) {
		if (!neighbour) continue
		const theirs = coveredTonnes(neighbour)
		if (theirs <= 0 || total <= 0) continue
		if (total > theirs * UNIT_SLIP || total < theirs / UNIT_SLIP) {
			problems.push({ field: 'scope1', key: 'checkUnit', year: neighbour.year })
			break
		}
	}
	return problems
}
