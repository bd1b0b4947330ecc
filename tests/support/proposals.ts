import type { DB } from '#db/index.ts'
import { createDraft, publishProposal } from '#app/proposals/drafts.server.ts'
import type { DraftInput } from '#app/proposals/schemas.ts'
import { makeUser } from '#tests/support/events.ts'
import { signedPerson } from '#tests/support/ladder.ts'

/** Test data for proposals and questions: people and proposals made through the app's own functions. */

export { signedPerson }

export function draftInput(overrides: Partial<DraftInput> = {}): DraftInput {
	return {
		title: 'Säkra cykelparkeringar vid alla stationer',
		summary: 'Låsbara cykelparkeringar vid Knutpunkten.',
		body: 'Många skulle cykla till tåget om cykeln stod **säkert**.',
		themeId: null,
		...overrides,
	}
}

export async function coordinator(db: DB) {
	return makeUser(db, { role: 'coordinator', name: 'Karin Koordinator' })
}

/** A signatory's proposal, published and open for support. */
export async function openProposal(db: DB, overrides: Partial<DraftInput> = {}) {
	const author = await signedPerson(db)
	const draft = await createDraft(db, author.userId, draftInput(overrides))
	if (!draft.ok) throw new Error('could not draft the test proposal')
	await publishProposal(db, draft.proposalId, author.userId)
	return { proposalId: draft.proposalId, author }
}

export async function proposalRow(db: DB, proposalId: number) {
	return db.selectFrom('proposal').selectAll().where('id', '=', proposalId).executeTakeFirstOrThrow()
}

/** The outbox rows about a proposal, keyed as the proposals area keys them. */
export async function proposalMails(db: DB, proposalId: number) {
	return db
		.selectFrom('outbox')
		.select(['to_address', 'subject', 'idempotency_key', 'text'])
		.where('idempotency_key', 'like', `proposal:${proposalId}:%`)
		.orderBy('id')
		.execute()
}
