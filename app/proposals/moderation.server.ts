import type { DB } from '#db/index.ts'

/**
 * Moderation: anyone signed in may report a proposal, once, with a reason; coordinators read the
 * reports, and hide a proposal with a reason its author sees (everyone else no longer finds it),
 * or show it again. Acting on a proposal closes its open reports.
 */

export type ReportOutcome = 'reported' | 'already-reported' | 'not-found'

export async function reportProposal(
	db: DB,
	proposalId: number,
	userId: number,
	reason: string,
	now = new Date(),
): Promise<ReportOutcome> {
	const proposal = await db.selectFrom('proposal').select('status').where('id', '=', proposalId).executeTakeFirst()
	if (!proposal || proposal.status === 'draft') return 'not-found'
	const result = await db
		.insertInto('proposal_report')
		.values({ proposal_id: proposalId, user_id: userId, reason, created_at: now.toISOString(), resolved_at: null })
		.onConflict((oc) => oc.columns(['proposal_id', 'user_id']).doNothing())
		.executeTakeFirst()
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? 'reported' : 'already-reported'
}

export async function hideProposal(db: DB, proposalId: number, by: number, reason: string, now = new Date()) {
	return db.transaction().execute(async (trx) => {
		const hidden = await trx
			.updateTable('proposal')
			.set({ hidden_at: now.toISOString(), hidden_reason: reason, hidden_by: by, updated_at: now.toISOString() })
			.where('id', '=', proposalId)
			.executeTakeFirst()
		await resolve(trx, proposalId, now)
		return Number(hidden.numUpdatedRows) === 1
	})
}

export async function unhideProposal(db: DB, proposalId: number, now = new Date()): Promise<boolean> {
	const shown = await db
		.updateTable('proposal')
		.set({ hidden_at: null, hidden_reason: null, hidden_by: null, updated_at: now.toISOString() })
		.where('id', '=', proposalId)
		.where('hidden_at', 'is not', null)
		.executeTakeFirst()
	return Number(shown.numUpdatedRows) === 1
}

/** The reports were read and the proposal stays as it is. */
export async function resolveReports(db: DB, proposalId: number, now = new Date()): Promise<void> {
	await resolve(db, proposalId, now)
}

async function resolve(db: Pick<DB, 'updateTable'>, proposalId: number, now: Date) {
	await db
		.updateTable('proposal_report')
		.set({ resolved_at: now.toISOString() })
		.where('proposal_id', '=', proposalId)
		.where('resolved_at', 'is', null)
		.execute()
}

export interface OpenReport {
	id: number
	reason: string
	createdAt: string
	reporter: string
}

/** The reports not yet acted on, for one proposal. */
export async function openReports(db: DB, proposalId: number): Promise<OpenReport[]> {
	const rows = await db
		.selectFrom('proposal_report')
		.innerJoin('user', 'user.id', 'proposal_report.user_id')
		.select(['proposal_report.id', 'proposal_report.reason', 'proposal_report.created_at', 'user.name'])
		.where('proposal_report.proposal_id', '=', proposalId)
		.where('proposal_report.resolved_at', 'is', null)
		.orderBy('proposal_report.created_at')
		.execute()
	return rows.map((row) => ({ id: row.id, reason: row.reason, createdAt: row.created_at, reporter: row.name }))
}
