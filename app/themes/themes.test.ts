import { afterEach, describe, expect, test } from 'vitest'
import { makeTheme } from '#tests/support/themes.ts'
import { getDb } from '#db/index.ts'
import { currentTheme, summaryOf } from './themes.server.ts'

const db = getDb()

afterEach(async () => {
	await db.deleteFrom('theme').execute()
})

describe('currentTheme', () => {
	// 1 April 2027, 00:30 in Stockholm (still 31 March in UTC): the pact's day decides.
	const now = new Date('2027-03-31T22:30:00.000Z')

	test('the theme whose period includes today, in the language asked for', async () => {
		await makeTheme(db, { slug: 'vinter', startsOn: '2027-01-01', endsOn: '2027-03-31' })
		await makeTheme(db, {
			slug: 'var',
			titleSv: 'Våren',
			titleEn: 'Spring',
			startsOn: '2027-04-01',
			endsOn: '2027-06-30',
			colour: 'berry',
		})
		expect(await currentTheme(db, 'en', now)).toEqual({
			slug: 'var',
			title: 'Spring',
			summary: 'All spring is about bikes and trains.',
			colour: '#8c1d4f',
			icon: 'bicycle',
			image: null,
			startsOn: '2027-04-01',
			endsOn: '2027-06-30',
		})
	})

	test('the nearest upcoming theme when none runs, and null when there is none ahead', async () => {
		await makeTheme(db, { slug: 'forr', startsOn: '2026-01-01', endsOn: '2026-06-30' })
		expect(await currentTheme(db, 'sv', now)).toBeNull()
		await makeTheme(db, { slug: 'senare', startsOn: '2027-09-01', endsOn: '2027-12-31' })
		await makeTheme(db, { slug: 'snart', startsOn: '2027-05-01', endsOn: '2027-08-31' })
		expect((await currentTheme(db, 'sv', now))?.slug).toBe('snart')
	})
})

describe('summaryOf', () => {
	test('the first paragraph as plain text, past a heading, cut at a word', () => {
		expect(summaryOf('## Om temat\n\nVi [cyklar](https://example.org) **mer** och\nåker _tåg_.\n\nMer.')).toBe(
			'Vi cyklar mer och åker tåg.',
		)
		expect(summaryOf('ett två tre fyra fem sex', 14)).toBe('ett två tre…')
	})
})
