import type { DbHandle } from '#db/index.ts'

/**
 * The coordinators' catalogue of climate challenges. A challenge is retired rather than deleted:
 * agreements that chose it keep it, new ones no longer see it.
 */

export interface ChallengeInput {
	titleSv: string
	titleEn: string
	description: string
}

export async function addChallenge(db: DbHandle, input: ChallengeInput): Promise<number> {
	const row = await db
		.insertInto('climate_challenge')
		.values({ title_sv: input.titleSv, title_en: input.titleEn, description: input.description, retired_at: null })
		.returning('id')
		.executeTakeFirstOrThrow()
	return row.id
}

export async function setChallengeRetired(
	db: DbHandle,
	id: number,
	retired: boolean,
	now = new Date(),
): Promise<boolean> {
	const result = await db
		.updateTable('climate_challenge')
		.set({ retired_at: retired ? now.toISOString() : null })
		.where('id', '=', id)
		.executeTakeFirst()
	return result.numUpdatedRows > 0n
}

/** How many running or pending agreements name each challenge, for the coordinators' list. */
export async function challengeUse(db: DbHandle): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('agreement_challenge')
		.select(['challenge_id', (eb) => eb.fn.countAll<number>().as('count')])
		.groupBy('challenge_id')
		.execute()
	return new Map(rows.map((row) => [row.challenge_id, Number(row.count)]))
}
