import type { DB, DbHandle } from '#db/index.ts'
import type { PartnershipDayTagKind } from '#db/schema.ts'
import type { RegistrationInput } from './schemas.ts'

/**
 * Partners signing up for a day with what they offer and seek. Who may sign up which partner is
 * the route's guard (`requirePartnerMember`); these functions only write what they are given.
 */

export interface Registration {
	partnerId: number
	name: string
	slug: string
	offers: string[]
	seeks: string[]
	registeredBy: string | null
	updatedAt: string
}

const byTag = (a: string, b: string) => a.localeCompare(b, 'sv')

/** Every partner signed up for the day, by name, with its tags in alphabetical order. */
export async function registrations(db: DbHandle, dayId: number): Promise<Registration[]> {
	const [rows, tags] = await Promise.all([
		db
			.selectFrom('partnership_day_registration as r')
			.innerJoin('partner', 'partner.id', 'r.partner_id')
			.leftJoin('user', 'user.id', 'r.registered_by')
			.select(['r.partner_id', 'partner.name', 'partner.slug', 'user.name as registeredBy', 'r.updated_at'])
			.where('r.day_id', '=', dayId)
			.orderBy('partner.name')
			.execute(),
		db.selectFrom('partnership_day_tag').select(['partner_id', 'kind', 'tag']).where('day_id', '=', dayId).execute(),
	])
	const tagsOf = (partnerId: number, kind: PartnershipDayTagKind) =>
		tags
			.filter((tag) => tag.partner_id === partnerId && tag.kind === kind)
			.map((tag) => tag.tag)
			.sort(byTag)
	return rows.map((row) => ({
		partnerId: row.partner_id,
		name: row.name,
		slug: row.slug,
		offers: tagsOf(row.partner_id, 'offer'),
		seeks: tagsOf(row.partner_id, 'seek'),
		registeredBy: row.registeredBy,
		updatedAt: row.updated_at,
	}))
}

/**
 * Signs a partner up, or saves its new tags: the registration and its tags change together or not
 * at all. 'registered' the first time, 'saved' after.
 */
export async function saveRegistration(
	db: DB,
	dayId: number,
	userId: number,
	input: RegistrationInput,
	now = new Date(),
): Promise<'registered' | 'saved'> {
	const stamp = now.toISOString()
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('partnership_day_registration')
			.select('partner_id')
			.where('day_id', '=', dayId)
			.where('partner_id', '=', input.partnerId)
			.executeTakeFirst()
		if (existing) {
			await trx
				.updateTable('partnership_day_registration')
				.set({ registered_by: userId, updated_at: stamp })
				.where('day_id', '=', dayId)
				.where('partner_id', '=', input.partnerId)
				.execute()
			await trx
				.deleteFrom('partnership_day_tag')
				.where('day_id', '=', dayId)
				.where('partner_id', '=', input.partnerId)
				.execute()
		} else {
			await trx
				.insertInto('partnership_day_registration')
				.values({
					day_id: dayId,
					partner_id: input.partnerId,
					registered_by: userId,
					created_at: stamp,
					updated_at: stamp,
				})
				.execute()
		}
		const tags = [
			...input.offers.map((tag) => ({ kind: 'offer' as const, tag })),
			...input.seeks.map((tag) => ({ kind: 'seek' as const, tag })),
		]
		if (tags.length > 0)
			await trx
				.insertInto('partnership_day_tag')
				.values(tags.map((tag) => ({ day_id: dayId, partner_id: input.partnerId, ...tag })))
				.execute()
		return existing ? 'saved' : 'registered'
	})
}

/** Takes a partner off the day; its tags go with it. False when it was not signed up. */
export async function withdrawRegistration(db: DbHandle, dayId: number, partnerId: number): Promise<boolean> {
	const result = await db
		.deleteFrom('partnership_day_registration')
		.where('day_id', '=', dayId)
		.where('partner_id', '=', partnerId)
		.executeTakeFirst()
	return result.numDeletedRows > 0n
}

/** Tags partners have used on any day, most used first: the forms suggest them. */
export async function tagSuggestions(db: DbHandle, limit = 200): Promise<string[]> {
	const rows = await db
		.selectFrom('partnership_day_tag')
		.select((eb) => ['tag', eb.fn.countAll<number>().as('uses')])
		.groupBy('tag')
		.orderBy('uses', 'desc')
		.orderBy('tag')
		.limit(limit)
		.execute()
	return rows.map((row) => row.tag)
}
