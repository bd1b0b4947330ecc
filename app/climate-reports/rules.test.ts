import { describe, expect, test } from 'vitest'
import { checkReport } from './rules.ts'

const existing = [
	{ year: 2019, scope1Tonnes: 600, scope2Tonnes: 400, isBaseline: true },
	{ year: 2022, scope1Tonnes: 500, scope2Tonnes: 300, isBaseline: false },
]
const now = { currentYear: 2026 }

describe('checks against the other years', () => {
	test('a plausible year passes', () => {
		expect(checkReport(existing, { year: 2023, scope1: 450, scope2: 300 }, now)).toEqual([])
	})

	test('each absurd input gets its problem', () => {
		expect(checkReport(existing, { year: 2027, scope1: 1, scope2: 1 }, now)[0]).toMatchObject({ key: 'futureYear' })
		expect(checkReport(existing, { year: 2018, scope1: 1, scope2: 1 }, now)[0]).toMatchObject({
			key: 'beforeBaseline',
			year: 2019,
		})
		expect(checkReport(existing, { year: 2022, scope1: 1, scope2: 1 }, now)[0]).toMatchObject({ key: 'duplicateYear' })
		// 800 t in 2022: more than 800 000 t, or less than 0.8 t, is a unit slip.
		expect(checkReport(existing, { year: 2023, scope1: 800_001, scope2: 0 }, now)).toEqual([
			{ field: 'scope1', key: 'checkUnit', year: 2022 },
		])
		expect(checkReport(existing, { year: 2023, scope1: 0.7, scope2: 0 }, now)).toEqual([
			{ field: 'scope1', key: 'checkUnit', year: 2022 },
		])
		expect(checkReport(existing, { year: 2023, scope1: 800_000, scope2: 0 }, now)).toEqual([])
	})

	test('a year entered between two others is held against the later one too', () => {
		expect(checkReport(existing, { year: 2021, scope1: 0.0005, scope2: 0 }, now)[0]).toMatchObject({ key: 'checkUnit' })
	})

	test('editing a year is not a duplicate of itself', () => {
		expect(checkReport(existing, { year: 2022, scope1: 450, scope2: 300 }, { ...now, editingYear: 2022 })).toEqual([])
	})
})
