import { describe, expect, test } from 'vitest'
import { latestStanding, targetTonnes, trajectory } from './trajectory.ts'

const targets = { target2030Percent: 70, climateNeutralYear: 2050 }
const baseline = { year: 2019, tonnes: 1000 }

describe('the trajectory from a baseline of 1000 t in 2019', () => {
	test('reaches 300 t in 2030 and zero in 2050', () => {
		expect(targetTonnes(baseline, 2019, targets)).toBe(1000)
		expect(targetTonnes(baseline, 2030, targets)).toBeCloseTo(300, 10)
		expect(targetTonnes(baseline, 2050, targets)).toBe(0)
		expect(targetTonnes(baseline, 2060, targets)).toBe(0)
	})

	test('falls by 700/11 t a year until 2030, then by 15 t a year', () => {
		// 1000 − 700 × 5/11 = 681.8181…
		expect(targetTonnes(baseline, 2024, targets)).toBeCloseTo(1000 - (700 * 5) / 11, 10)
		expect(targetTonnes(baseline, 2024, targets)).toBeCloseTo(681.8182, 4)
		// 300 − 300 × 10/20
		expect(targetTonnes(baseline, 2040, targets)).toBeCloseTo(150, 10)
	})

	test('has no target before the baseline year', () => {
		expect(targetTonnes(baseline, 2018, targets)).toBeNull()
	})

	test('follows the settings: −50 % by 2030, neutral by 2045', () => {
		const other = { target2030Percent: 50, climateNeutralYear: 2045 }
		expect(targetTonnes(baseline, 2030, other)).toBeCloseTo(500, 10)
		expect(targetTonnes(baseline, 2040, other)).toBeCloseTo(500 - (500 * 10) / 15, 10)
	})

	test('a baseline after 2030 runs straight to zero by the neutral year', () => {
		expect(targetTonnes({ year: 2032, tonnes: 900 }, 2041, targets)).toBeCloseTo(900 - (900 * 9) / 18, 10)
	})
})

describe('a partner against its line', () => {
	const reports = [
		{ year: 2019, scope1Tonnes: 600, scope2Tonnes: 400, scope3Tonnes: 5000 },
		{ year: 2023, scope1Tonnes: 500, scope2Tonnes: 200, scope3Tonnes: null },
		{ year: 2024, scope1Tonnes: 500, scope2Tonnes: 250, scope3Tonnes: null },
	]

	test('compares scope 1 and 2 with the target and says ahead or behind', () => {
		const years = trajectory(reports, 2019, targets)
		expect(years.map((y) => [y.year, y.actual, y.standing])).toEqual([
			[2019, 1000, 'on-track'],
			// target 2023: 1000 − 700 × 4/11 = 745.45
			[2023, 700, 'ahead'],
			// target 2024: 681.82
			[2024, 750, 'behind'],
		])
		expect(years[2]!.difference).toBeCloseTo(750 - 681.8182, 4)
		expect(latestStanding(years)?.standing).toBe('behind')
	})

	test('without its baseline there is no line', () => {
		expect(trajectory(reports.slice(1), 2019, targets)).toEqual([])
	})
})
