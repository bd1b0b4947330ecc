import type { DB, DbHandle } from '#db/index.ts'

/**
 * The pact's running totals (docs/decisions/0007-counts-kept-current.md). Only confirmed
 * signatures count; residents of the municipality apart from people from elsewhere. Every change
 * to a signature moves these in the same transaction; `recountPact` rebuilds them from the rows.
 */

export interface PactCounts {
	residents: number
	others: number
}

export async function readPactCounts(db: DbHandle): Promise<PactCounts> {
	const row = await db.selectFrom('pact_count').select(['residents', 'others']).where('id', '=', 1).executeTakeFirst()
	return { residents: row?.residents ?? 0, others: row?.others ?? 0 }
}

/** A confirmed signature starts or stops counting, as a resident or as someone from elsewhere. */
export async function movePactCount(trx: DbHandle, livesInMunicipality: boolean | 0 | 1, delta: 1 | -1): Promise<void> {
	const column = livesInMunicipality ? 'residents' : 'others'
	await trx
		.updateTable('pact_count')
		.set((eb) => ({ [column]: eb(column, '+', delta) }))
		.where('id', '=', 1)
		.execute()
}

/** Catalogue commitments start or stop being carried by a confirmed signature. */
export async function moveChosenCounts(trx: DbHandle, commitmentIds: readonly number[], delta: 1 | -1): Promise<void> {
	if (commitmentIds.length === 0) return
	await trx
		.updateTable('commitment')
		.set((eb) => ({ chosen_count: eb('chosen_count', '+', delta) }))
		.where('id', 'in', commitmentIds)
		.execute()
}

/** What the counts are, counted over every row: the truth the kept counts must equal. */
export async function countFromRows(db: DbHandle): Promise<{ pact: PactCounts; chosen: Map<number, number> }> {
	const byResidency = await db
		.selectFrom('signature')
		.select(['lives_in_municipality', (eb) => eb.fn.countAll<number>().as('n')])
		.where('status', '=', 'confirmed')
		.groupBy('lives_in_municipality')
		.execute()
	const pact: PactCounts = { residents: 0, others: 0 }
	for (const row of byResidency) pact[row.lives_in_municipality ? 'residents' : 'others'] = Number(row.n)

	const commitments = await db
		.selectFrom('commitment')
		.leftJoin('pledge_commitment', 'pledge_commitment.commitment_id', 'commitment.id')
		.leftJoin('signature', (join) =>
			join.onRef('signature.id', '=', 'pledge_commitment.signature_id').on('signature.status', '=', 'confirmed'),
		)
		.select(['commitment.id', (eb) => eb.fn.count<number>('signature.id').as('n')])
		.groupBy('commitment.id')
		.execute()
	return { pact, chosen: new Map(commitments.map((row) => [row.id, Number(row.n)])) }
}

/** Rebuilds the kept counts from the rows (after loading demo content, or to repair). */
export async function recountPact(db: DB): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const { pact, chosen } = await countFromRows(trx)
		await trx.updateTable('pact_count').set(pact).where('id', '=', 1).execute()
		for (const [id, n] of chosen) {
			await trx.updateTable('commitment').set({ chosen_count: n }).where('id', '=', id).execute()
		}
	})
}
