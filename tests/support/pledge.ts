import { sql } from 'kysely'
import type { DB } from '#db/index.ts'
import type { CommitmentCategory } from '#db/schema.ts'
import { CONSENT_VERSION, type SignInput } from '#app/pledge/schemas.ts'

/** Test data for the pledge area (unit and integration tests): commitments, sign-form input, counts. */

let made = 0

/** Adds catalogue commitments, one per category given; returns their ids in order. */
export async function addTestCommitments(db: DB, categories: CommitmentCategory[]): Promise<number[]> {
	const ids: number[] = []
	for (const category of categories) {
		made += 1
		const row = await db
			.insertInto('commitment')
			.values({
				category,
				title_sv: `Teståtagande ${made} (${category})`,
				title_en: `Test commitment ${made} (${category})`,
				kg_co2e_per_year: 100 * made,
				source: 'Naturvårdsverket',
				created_at: new Date().toISOString(),
				retired_at: null,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		ids.push(row.id)
	}
	return ids
}

/** The catalogue most pledge tests choose from: a transport, a food and an energy commitment. */
export async function bikeVegHeat(db: DB): Promise<{ bike: number; veg: number; heat: number }> {
	const [bike, veg, heat] = (await addTestCommitments(db, ['transport', 'food', 'energy'])) as [number, number, number]
	return { bike, veg, heat }
}

/** How many confirmed pledges chose the commitment, as the app keeps it. */
export async function chosenCount(db: DB, id: number): Promise<number> {
	const row = await db.selectFrom('commitment').select('chosen_count').where('id', '=', id).executeTakeFirstOrThrow()
	return row.chosen_count
}

let people = 0

/** A valid sign-form result for a fresh address, with overrides. */
export function signInput(overrides: Partial<SignInput> = {}): SignInput {
	people += 1
	return {
		name: `Test Person ${people}`,
		email: `person${people}-${Math.random().toString(36).slice(2, 8)}@example.se`,
		livesInMunicipality: true,
		district: 'Tågaborg',
		commitmentIds: [],
		ownWords: [],
		showFirstName: false,
		newsletterConsent: false,
		consent: true,
		...overrides,
	}
}

/**
 * The pact's counts as COUNT(*) over the rows, written here in plain SQL on purpose: independent
 * of the module under test.
 */
export async function recount(db: DB) {
	const pact = await sql<{ residents: number; others: number }>`
		select
			(select count(*) from signature where status = 'confirmed' and lives_in_municipality = 1) as residents,
			(select count(*) from signature where status = 'confirmed' and lives_in_municipality = 0) as others
	`.execute(db)
	const chosen = await sql<{ id: number; n: number }>`
		select c.id as id, (
			select count(*) from pledge_commitment pc join signature s on s.id = pc.signature_id
			where pc.commitment_id = c.id and s.status = 'confirmed'
		) as n
		from commitment c order by c.id
	`.execute(db)
	return { pact: pact.rows[0]!, chosen: Object.fromEntries(chosen.rows.map((r) => [r.id, r.n])) }
}

/** The counts as the app keeps them, in the same shape as recount(). */
export async function keptCounts(db: DB) {
	const pact = await db
		.selectFrom('pact_count')
		.select(['residents', 'others'])
		.where('id', '=', 1)
		.executeTakeFirstOrThrow()
	const chosen = await db.selectFrom('commitment').select(['id', 'chosen_count']).orderBy('id').execute()
	return { pact, chosen: Object.fromEntries(chosen.map((r) => [r.id, r.chosen_count])) }
}

export { CONSENT_VERSION }
