import { parseWithZod } from '@conform-to/zod/v4'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import { isSignatory } from '#app/pledge/signatories.server.ts'
import { themeChoices } from '#app/themes/themes.server.ts'
import { getDb, type DB } from '#db/index.ts'
import { createDraftSchema, type DraftInput } from './schemas.ts'
import { moveProposal, type MoveOutcome } from './status.server.ts'

/**
 * Writing a proposal: a signatory drafts it, edits it while it is a draft (only they can), and
 * publishes it for support. Nobody else sees a draft.
 */

export type DraftOutcome = { ok: true; proposalId: number } | { ok: false; reason: 'not-signatory' }

export async function createDraft(
	db: DB,
	authorId: number,
	input: DraftInput,
	now = new Date(),
): Promise<DraftOutcome> {
	if (!(await isSignatory(db, authorId))) return { ok: false, reason: 'not-signatory' }
	const row = await db
		.insertInto('proposal')
		.values({
			author_id: authorId,
			theme_id: input.themeId,
			title: input.title,
			summary: input.summary,
			body: input.body,
			status: 'draft',
			submitted_on: null,
			city_reference: null,
			city_url: null,
			outcome: null,
			answer: null,
			answered_on: null,
			hidden_at: null,
			hidden_reason: null,
			hidden_by: null,
			published_at: null,
			created_at: now.toISOString(),
			updated_at: now.toISOString(),
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return { ok: true, proposalId: row.id }
}

export type EditOutcome = 'saved' | 'not-found' | 'not-author' | 'not-draft'

/** Why the author may not edit (or publish) this proposal now, or null when they may. */
async function draftProblem(db: DB, proposalId: number, userId: number): Promise<Exclude<EditOutcome, 'saved'> | null> {
	const proposal = await db
		.selectFrom('proposal')
		.select(['author_id', 'status'])
		.where('id', '=', proposalId)
		.executeTakeFirst()
	if (!proposal) return 'not-found'
	if (proposal.author_id !== userId) return 'not-author'
	if (proposal.status !== 'draft') return 'not-draft'
	return null
}

export async function updateDraft(
	db: DB,
	proposalId: number,
	userId: number,
	input: DraftInput,
	now = new Date(),
): Promise<EditOutcome> {
	const problem = await draftProblem(db, proposalId, userId)
	if (problem) return problem
	const result = await db
		.updateTable('proposal')
		.set({
			title: input.title,
			summary: input.summary,
			body: input.body,
			theme_id: input.themeId,
			updated_at: now.toISOString(),
		})
		.where('id', '=', proposalId)
		.where('status', '=', 'draft')
		.executeTakeFirst()
	return Number(result.numUpdatedRows) === 1 ? 'saved' : 'not-draft'
}

/** The author opens the draft for support; it joins the public tracker. */
export async function publishProposal(
	db: DB,
	proposalId: number,
	userId: number,
	now = new Date(),
): Promise<MoveOutcome | { kind: Exclude<EditOutcome, 'saved'> }> {
	const problem = await draftProblem(db, proposalId, userId)
	if (problem) return { kind: problem }
	// Still a signatory? A withdrawn signature cannot put a proposal before the pact.
	if (!(await isSignatory(db, userId))) return { kind: 'not-author' }
	return moveProposal(db, proposalId, 'draft', 'open', { published_at: now.toISOString() }, userId, now)
}

/** A proposal as its edit form starts, for its author only (anyone else gets null). */
export async function draftForEditing(db: DB, proposalId: number, userId: number) {
	const proposal = await db
		.selectFrom('proposal')
		.select(['id', 'title', 'summary', 'body', 'theme_id', 'status', 'author_id'])
		.where('id', '=', proposalId)
		.executeTakeFirst()
	if (!proposal || proposal.author_id !== userId) return null
	return proposal
}

/** The draft form from a request; the theme must be one the pact has, any other id is refused at the field. */
export async function parseDraftForm(request: Request, formData?: FormData) {
	const [t, language] = await Promise.all([getT(request, 'proposals'), getLanguage(request)])
	const themes = new Set((await themeChoices(getDb(), language)).map((theme) => theme.id))
	return parseWithZod(formData ?? (await request.formData()), {
		schema: createDraftSchema(t).refine((value) => value.themeId === null || themes.has(value.themeId), {
			path: ['themeId'],
			message: t('errors.unknownTheme'),
			// Checked even when another field is wrong, so every message shows at once.
			when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === 'themeId'),
		}),
	})
}
