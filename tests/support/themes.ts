import type { DB } from '#db/index.ts'
import { createTheme } from '#app/themes/manage.server.ts'
import type { ThemeInput } from '#app/themes/schemas.ts'

/** Test data for themes: made through the same function the coordinators' form uses. */

let made = 0

export function themeInput(overrides: Partial<ThemeInput> = {}): ThemeInput {
	made += 1
	return {
		titleSv: 'Resor och transporter',
		titleEn: 'Travel and transport',
		slug: `resor-${made}`,
		descriptionSv: 'Hela våren handlar om **cykel** och tåg.\n\nAndra stycket.',
		descriptionEn: 'All spring is about **bikes** and trains.\n\nSecond paragraph.',
		startsOn: '2027-03-01',
		endsOn: '2027-06-30',
		colour: 'sea',
		icon: 'bicycle',
		kickOffEventId: null,
		commitmentCategory: 'transport',
		...overrides,
	}
}

export async function makeTheme(db: DB, overrides: Partial<ThemeInput> = {}): Promise<number> {
	const outcome = await createTheme(db, themeInput(overrides))
	if (outcome.kind !== 'saved') throw new Error(`theme not made: ${outcome.kind}`)
	return outcome.id
}

/** The theme form's fields as a browser posts them. */
export function themeForm(overrides: Record<string, string> = {}): Record<string, string> {
	made += 1
	return {
		intent: 'save',
		titleSv: 'Mat',
		titleEn: 'Food',
		slug: `mat-${made}`,
		descriptionSv: 'Maten vi äter ger en fjärdedel av vårt avtryck.',
		descriptionEn: 'The food we eat is a quarter of our footprint.',
		startsOn: '2027-08-15',
		endsOn: '2027-12-31',
		colour: 'harvest',
		icon: 'carrot',
		kickOffEventId: '',
		commitmentCategory: 'food',
		imageAlt: '',
		imageId: '',
		...overrides,
	}
}
