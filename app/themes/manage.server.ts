import type { DB, DbHandle } from '#db/index.ts'
import type { ThemeInput } from './schemas.ts'

/** The coordinators' side of themes: create, edit, delete. */

export type SaveThemeOutcome = { kind: 'saved'; id: number } | { kind: 'slugTaken' } | { kind: 'unavailable' }

function themeColumns(input: ThemeInput) {
	return {
		slug: input.slug,
		title_sv: input.titleSv,
		title_en: input.titleEn,
		description_sv: input.descriptionSv,
		description_en: input.descriptionEn,
		starts_on: input.startsOn,
		ends_on: input.endsOn,
		colour: input.colour,
		icon: input.icon,
		kick_off_event_id: input.kickOffEventId,
		commitment_category: input.commitmentCategory,
	}
}

/** Whether another theme already has this address. */
async function slugTaken(db: DbHandle, slug: string, exceptId: number | null): Promise<boolean> {
	let query = db.selectFrom('theme').select('id').where('slug', '=', slug)
	if (exceptId !== null) query = query.where('id', '!=', exceptId)
	return (await query.executeTakeFirst()) !== undefined
}

/**
 * A new theme. The kick-off event, when there is one, is also put in the theme, so it shows
 * among the theme's events without the organiser setting it twice.
 */
export async function createTheme(
	db: DB,
	input: ThemeInput,
	imageId: number | null = null,
	now = new Date(),
): Promise<SaveThemeOutcome> {
	return db.transaction().execute(async (trx) => {
		if (await slugTaken(trx, input.slug, null)) return { kind: 'slugTaken' }
		const row = await trx
			.insertInto('theme')
			.values({
				...themeColumns(input),
				image_id: imageId,
				created_at: now.toISOString(),
				updated_at: now.toISOString(),
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		await claimKickOff(trx, row.id, input.kickOffEventId)
		return { kind: 'saved', id: row.id }
	})
}

/** Saves a theme's fields; `imageId` undefined keeps its image, null removes it. */
export async function updateTheme(
	db: DB,
	id: number,
	input: ThemeInput,
	imageId?: number | null,
	now = new Date(),
): Promise<SaveThemeOutcome> {
	return db.transaction().execute(async (trx) => {
		if (await slugTaken(trx, input.slug, id)) return { kind: 'slugTaken' }
		const result = await trx
			.updateTable('theme')
			.set({
				...themeColumns(input),
				...(imageId === undefined ? {} : { image_id: imageId }),
				updated_at: now.toISOString(),
			})
			.where('id', '=', id)
			.executeTakeFirst()
		if (result.numUpdatedRows === 0n) return { kind: 'unavailable' }
		await claimKickOff(trx, id, input.kickOffEventId)
		return { kind: 'saved', id }
	})
}

/** The kick-off belongs to the theme it opens, unless an organiser already put it in another. */
async function claimKickOff(trx: DbHandle, themeId: number, eventId: number | null) {
	if (eventId === null) return
	await trx
		.updateTable('event')
		.set({ theme_id: themeId })
		.where('id', '=', eventId)
		.where('theme_id', 'is', null)
		.execute()
}

/** Deletes a theme; its events stay and lose the theme, its followers' rows go with it. */
export async function deleteTheme(db: DB, id: number): Promise<boolean> {
	const result = await db.deleteFrom('theme').where('id', '=', id).executeTakeFirst()
	return result.numDeletedRows > 0n
}
