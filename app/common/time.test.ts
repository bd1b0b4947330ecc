import { describe, expect, test } from 'vitest'
import { addToLocalDate, isLocalDate, localToUtc, utcToLocal } from './time.ts'

const zone = 'Europe/Stockholm'

describe('local time in Stockholm ↔ UTC', () => {
	test('winter and summer have different offsets', () => {
		expect(localToUtc({ date: '2027-01-15', time: '18:00' }, zone).toISOString()).toBe('2027-01-15T17:00:00.000Z')
		expect(localToUtc({ date: '2027-07-15', time: '18:00' }, zone).toISOString()).toBe('2027-07-15T16:00:00.000Z')
	})

	test('the day clocks go forward (2027-03-28): before and after the change', () => {
		expect(localToUtc({ date: '2027-03-28', time: '01:30' }, zone).toISOString()).toBe('2027-03-28T00:30:00.000Z')
		expect(localToUtc({ date: '2027-03-28', time: '03:00' }, zone).toISOString()).toBe('2027-03-28T01:00:00.000Z')
		expect(localToUtc({ date: '2027-03-28', time: '18:00' }, zone).toISOString()).toBe('2027-03-28T16:00:00.000Z')
	})

	test('a time in the skipped hour moves past the gap', () => {
		expect(localToUtc({ date: '2027-03-28', time: '02:30' }, zone).toISOString()).toBe('2027-03-28T01:30:00.000Z')
		expect(utcToLocal('2027-03-28T01:30:00.000Z', zone)).toEqual({ date: '2027-03-28', time: '03:30' })
	})

	test('a time that happens twice when clocks go back is the first one', () => {
		// 2027-10-31 02:30 happens at 00:30Z (summer time) and at 01:30Z (winter time).
		expect(localToUtc({ date: '2027-10-31', time: '02:30' }, zone).toISOString()).toBe('2027-10-31T00:30:00.000Z')
		expect(localToUtc({ date: '2027-10-31', time: '04:00' }, zone).toISOString()).toBe('2027-10-31T03:00:00.000Z')
	})

	test('round trip over a whole year at every hour', () => {
		for (let day = 0; day < 365; day += 1) {
			const date = addToLocalDate('2027-01-01', { days: day })
			for (const time of ['00:00', '09:15', '12:00', '23:59']) {
				expect(utcToLocal(localToUtc({ date, time }, zone), zone)).toEqual({ date, time })
			}
		}
	})

	test('other zones work too', () => {
		expect(localToUtc({ date: '2027-03-14', time: '12:00' }, 'America/New_York').toISOString()).toBe(
			'2027-03-14T16:00:00.000Z',
		)
		expect(localToUtc({ date: '2027-06-01', time: '12:00' }, 'UTC').toISOString()).toBe('2027-06-01T12:00:00.000Z')
	})

	test('rejects dates that do not exist', () => {
		expect(isLocalDate('2027-02-29')).toBe(false)
		expect(isLocalDate('2028-02-29')).toBe(true)
		expect(() => localToUtc({ date: '2027-13-01', time: '10:00' }, zone)).toThrow(RangeError)
	})

	test('months in a series keep the day, or the last day of a short month', () => {
		expect(addToLocalDate('2027-01-31', { months: 1 })).toBe('2027-02-28')
		expect(addToLocalDate('2027-11-15', { months: 3 })).toBe('2028-02-15')
		expect(addToLocalDate('2027-03-22', { days: 7 })).toBe('2027-03-29')
	})
})
