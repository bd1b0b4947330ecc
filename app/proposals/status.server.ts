import { formatDate } from '#app/common/format.ts'
import { config } from '#app/config.server.ts'
import { supportedLanguages, type SupportedLanguage } from '#app/i18n/i18n.ts'
import { composeEmail, queueEmail, renderEmail, type RenderedEmail } from '#app/mail/send-email.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { Proposal, ProposalStatus } from '#db/schema.ts'
import ProposalStatusEmail from '#emails/proposal-status.tsx'
import type { AnswerInput, SubmitInput } from './schemas.ts'

/**
 * How a proposal moves: draft → open (its author publishes it) → submitted to the city → answered
 * (coordinators). Every move is a timeline row, and the author and every supporter get one email
 * about it: the key names the proposal, the move and the person, so a repeated job or a retried
 * delivery never sends a second.
 */

export type MoveOutcome = { kind: 'moved'; changeId: number } | { kind: 'unchanged' } | { kind: 'not-found' }

/** What a move writes on the proposal besides its status. */
type MoveFields = Partial<
	Pick<Proposal, 'submitted_on' | 'city_reference' | 'city_url' | 'outcome' | 'answer' | 'answered_on' | 'published_at'>
>

export function proposalUrl(proposalId: number): string {
	return `${config.appUrl}/proposals/${proposalId}`
}

/** A YYYY-MM-DD day as people read it; noon keeps it the same day in every time zone near ours. */
export function formatDay(day: string | null, language: SupportedLanguage): string | null {
	return day ? formatDate(`${day}T12:00:00Z`, language, config.timeZone) : null
}

/**
 * The message about the proposal as it will be after the move, in each language and for author
 * and supporter, rendered before the transaction that queues it (rendering is slow and the
 * transaction holds the write lock). Four renders, whatever the number of supporters.
 */
async function renderMoveEmails(after: Proposal & { status: 'open' | 'submitted' | 'answered' }) {
	const rendered = new Map<string, RenderedEmail>()
	for (const language of supportedLanguages) {
		for (const toAuthor of [true, false]) {
			const props = {
				language,
				title: after.title,
				status: after.status,
				toAuthor,
				submittedOn: formatDay(after.submitted_on, language),
				reference: after.city_reference,
				cityUrl: after.city_url,
				outcome: after.outcome,
				answer: after.answer,
				answeredOn: formatDay(after.answered_on, language),
				url: proposalUrl(after.id),
			}
			rendered.set(`${language}:${toAuthor}`, await renderEmail(composeEmail(ProposalStatusEmail, props, { to: '' })))
		}
	}
	return rendered
}

/**
 * Moves a proposal from `from` to `to` when it is still at `from` (so two coordinators pressing
 * at once, or one pressing twice, move it once), writes the timeline and queues the emails.
 */
export async function moveProposal(
	db: DB,
	proposalId: number,
	from: ProposalStatus,
	to: 'open' | 'submitted' | 'answered',
	fields: MoveFields,
	changedBy: number,
	now = new Date(),
): Promise<MoveOutcome> {
	const before = await db.selectFrom('proposal').selectAll().where('id', '=', proposalId).executeTakeFirst()
	if (!before) return { kind: 'not-found' }
	if (before.status !== from) return { kind: 'unchanged' }
	const emails = await renderMoveEmails({ ...before, ...fields, status: to })
	return db.transaction().execute(async (trx) => {
		const moved = await trx
			.updateTable('proposal')
			.set({ ...fields, status: to, updated_at: now.toISOString() })
			.where('id', '=', proposalId)
			.where('status', '=', from)
			.executeTakeFirst()
		if (Number(moved.numUpdatedRows) === 0) return { kind: 'unchanged' } as const
		const change = await trx
			.insertInto('proposal_change')
			.values({
				proposal_id: proposalId,
				from_status: from,
				to_status: to,
				changed_by: changedBy,
				changed_at: now.toISOString(),
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		await queueMoveEmails(trx, proposalId, change.id, emails, now)
		return { kind: 'moved', changeId: change.id } as const
	})
}

/** The author and every supporter, each once (the author cannot also be a supporter). */
async function queueMoveEmails(
	trx: DbHandle,
	proposalId: number,
	changeId: number,
	emails: Map<string, RenderedEmail>,
	now: Date,
) {
	const author = await trx
		.selectFrom('proposal')
		.innerJoin('user', 'user.id', 'proposal.author_id')
		.select(['user.id', 'user.email', 'user.language'])
		.where('proposal.id', '=', proposalId)
		.executeTakeFirstOrThrow()
	const supporters = await trx
		.selectFrom('proposal_support')
		.innerJoin('user', 'user.id', 'proposal_support.user_id')
		.select(['user.id', 'user.email', 'user.language'])
		.where('proposal_support.proposal_id', '=', proposalId)
		.where('user.id', '!=', author.id)
		.execute()
	for (const [person, toAuthor] of [[author, true] as const, ...supporters.map((s) => [s, false] as const)]) {
		const email = emails.get(`${person.language}:${toAuthor}`)!
		await queueEmail(
			trx,
			{ ...email, to: person.email, idempotencyKey: `proposal:${proposalId}:change:${changeId}:person:${person.id}` },
			now,
		)
	}
}

/** A coordinator sent the proposal to the city: the day, the city's reference, a link to its register. */
export function submitToCity(
	db: DB,
	proposalId: number,
	input: Omit<SubmitInput, 'intent'>,
	by: number,
	now = new Date(),
) {
	return moveProposal(
		db,
		proposalId,
		'open',
		'submitted',
		{ submitted_on: input.submittedOn, city_reference: input.reference, city_url: input.cityUrl },
		by,
		now,
	)
}

/** The city answered: accepted, partly accepted or rejected, in its words and on its day. */
export function recordCityAnswer(
	db: DB,
	proposalId: number,
	input: Omit<AnswerInput, 'intent'>,
	by: number,
	now = new Date(),
) {
	return moveProposal(
		db,
		proposalId,
		'submitted',
		'answered',
		{ outcome: input.outcome, answer: input.answer, answered_on: input.answeredOn },
		by,
		now,
	)
}
