import type { ExpressionBuilder } from 'kysely'
import type { DB, DbHandle } from '#db/index.ts'
import type { Database } from '#db/schema.ts'
import { isVolunteerInterest, type VolunteerInterest } from './rules.ts'

/** What people said they would help with: for the person's page, the coordinators and the organisers. */

export async function setVolunteerInterests(
	db: DB,
	userId: number,
	interests: readonly string[],
	now = new Date(),
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('volunteer_interest').where('user_id', '=', userId).execute()
		if (interests.length > 0) {
			await trx
				.insertInto('volunteer_interest')
				.values(
					[...new Set(interests)].map((interest) => ({ user_id: userId, interest, created_at: now.toISOString() })),
				)
				.execute()
		}
	})
}

export async function volunteerInterestsOf(db: DbHandle, userId: number): Promise<string[]> {
	const rows = await db.selectFrom('volunteer_interest').select('interest').where('user_id', '=', userId).execute()
	return rows.map((r) => r.interest)
}

/** A condition on `user` for lists of people: only those who said they would help with `interest`. */
export function wouldHelpWith(interest: VolunteerInterest) {
	return (eb: ExpressionBuilder<Database, 'user'>) =>
		eb.exists(
			eb
				.selectFrom('volunteer_interest')
				.select('volunteer_interest.user_id')
				.whereRef('volunteer_interest.user_id', '=', 'user.id')
				.where('volunteer_interest.interest', '=', interest),
		)
}

/** Each person's interests, for a list of people. */
export async function interestsByUser(db: DB, userIds: number[]): Promise<Map<number, VolunteerInterest[]>> {
	const map = new Map<number, VolunteerInterest[]>()
	// In chunks: SQLite limits the number of bound parameters.
	for (let i = 0; i < userIds.length; i += 500) {
		const rows = await db
			.selectFrom('volunteer_interest')
			.select(['user_id', 'interest'])
			.where('user_id', 'in', userIds.slice(i, i + 500))
			.execute()
		for (const r of rows)
			if (isVolunteerInterest(r.interest)) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.interest])
	}
	return map
}
