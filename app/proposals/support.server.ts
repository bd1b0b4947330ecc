import { sql } from 'kysely'
import { isSignatory } from '#app/pledge/signatories.server.ts'
import type { DB, DbHandle } from '#db/index.ts'

/**
 * Supporting a proposal: signatories back a proposal that is open for support, once each. The
 * primary key (proposal, person) refuses a second row, and the kept count moves only when a row
 * was written or removed, in the same IMMEDIATE transaction, so two presses at once give one row
 * and a count of one.
 */

export type SupportOutcome =
	| { kind: 'supported'; changed: boolean }
	| { kind: 'not-signatory' }
	| { kind: 'own-proposal' }
	| { kind: 'closed' }
	| { kind: 'not-found' }

export async function supportProposal(
	db: DB,
	proposalId: number,
	userId: number,
	now = new Date(),
): Promise<SupportOutcome> {
	return db.transaction().execute(async (trx) => {
		const proposal = await trx
			.selectFrom('proposal')
			.select(['author_id', 'status', 'hidden_at'])
			.where('id', '=', proposalId)
			.executeTakeFirst()
		if (!proposal || proposal.status === 'draft' || proposal.hidden_at) return { kind: 'not-found' }
		if (proposal.author_id === userId) return { kind: 'own-proposal' }
		if (proposal.status !== 'open') return { kind: 'closed' }
		if (!(await isSignatory(trx, userId))) return { kind: 'not-signatory' }
		const inserted = await trx
			.insertInto('proposal_support')
			.values({ proposal_id: proposalId, user_id: userId, created_at: now.toISOString() })
			.onConflict((oc) => oc.columns(['proposal_id', 'user_id']).doNothing())
			.executeTakeFirst()
		const changed = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1
		if (changed) await moveSupportCount(trx, proposalId, 1)
		return { kind: 'supported', changed }
	})
}

/** Taking one's support back, while the proposal is still open for support. */
export async function withdrawSupport(db: DB, proposalId: number, userId: number): Promise<{ changed: boolean }> {
	return db.transaction().execute(async (trx) => {
		const proposal = await trx.selectFrom('proposal').select('status').where('id', '=', proposalId).executeTakeFirst()
		if (proposal?.status !== 'open') return { changed: false }
		const deleted = await trx
			.deleteFrom('proposal_support')
			.where('proposal_id', '=', proposalId)
			.where('user_id', '=', userId)
			.executeTakeFirst()
		const changed = Number(deleted.numDeletedRows) === 1
		if (changed) await moveSupportCount(trx, proposalId, -1)
		return { changed }
	})
}

async function moveSupportCount(trx: DbHandle, proposalId: number, delta: 1 | -1) {
	await trx
		.updateTable('proposal')
		.set({ support_count: sql<number>`support_count + ${delta}` })
		.where('id', '=', proposalId)
		.execute()
}

/** Whether this person supports the proposal, for the button they see. */
export async function supportsProposal(db: DB, proposalId: number, userId: number): Promise<boolean> {
	const row = await db
		.selectFrom('proposal_support')
		.select('user_id')
		.where('proposal_id', '=', proposalId)
		.where('user_id', '=', userId)
		.executeTakeFirst()
	return row !== undefined
}

/** The count from the rows, for repairing the kept one (decision 0007). */
export async function recountSupport(db: DB): Promise<void> {
	await db
		.updateTable('proposal')
		.set((eb) => ({
			support_count: eb
				.selectFrom('proposal_support')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('proposal_support.proposal_id', '=', 'proposal.id'),
		}))
		.execute()
}
