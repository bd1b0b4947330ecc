import type { ExpressionBuilder } from 'kysely'
import type { DB } from '#db/index.ts'
import type { Database, ProposalOutcome, ProposalStatus } from '#db/schema.ts'

/**
 * Reading proposals: the public tracker (published and not hidden), one proposal as a given person
 * may see it, its timeline, the coordinators' overview, and a theme's proposals for the themes area.
 */

export interface ProposalListItem {
	id: number
	title: string
	summary: string
	status: ProposalStatus
	outcome: ProposalOutcome | null
	supportCount: number
	themeId: number | null
	publishedAt: string | null
	submittedOn: string | null
	answeredOn: string | null
}

const listColumns = [
	'proposal.id',
	'proposal.title',
	'proposal.summary',
	'proposal.status',
	'proposal.outcome',
	'proposal.support_count',
	'proposal.theme_id',
	'proposal.published_at',
	'proposal.submitted_on',
	'proposal.answered_on',
] as const

type ListRow = {
	id: number
	title: string
	summary: string
	status: ProposalStatus
	outcome: ProposalOutcome | null
	support_count: number
	theme_id: number | null
	published_at: string | null
	submitted_on: string | null
	answered_on: string | null
}

function toListItem(row: ListRow): ProposalListItem {
	return {
		id: row.id,
		title: row.title,
		summary: row.summary,
		status: row.status,
		outcome: row.outcome,
		supportCount: row.support_count,
		themeId: row.theme_id,
		publishedAt: row.published_at,
		submittedOn: row.submitted_on,
		answeredOn: row.answered_on,
	}
}

/** What everyone may see: published (not a draft) and not hidden. */
export function isPublic(eb: ExpressionBuilder<Database, 'proposal'>) {
	return eb.and([eb('proposal.status', '!=', 'draft'), eb('proposal.hidden_at', 'is', null)])
}

export interface TrackerFilter {
	status: 'open' | 'submitted' | 'answered' | null
	themeId: number | null
}

/** The public tracker, newest first, filtered by status and theme. */
export async function listProposals(db: DB, filter: TrackerFilter): Promise<ProposalListItem[]> {
	let query = db.selectFrom('proposal').select(listColumns).where(isPublic)
	if (filter.status) query = query.where('proposal.status', '=', filter.status)
	if (filter.themeId) query = query.where('proposal.theme_id', '=', filter.themeId)
	const rows = await query.orderBy('proposal.published_at', 'desc').orderBy('proposal.id', 'desc').execute()
	return rows.map(toListItem)
}

/** A theme's public proposals, most supported first (the themes area shows them on a theme's page). */
export async function themeProposals(db: DB, themeId: number): Promise<ProposalListItem[]> {
	const rows = await db
		.selectFrom('proposal')
		.select(listColumns)
		.where(isPublic)
		.where('proposal.theme_id', '=', themeId)
		.orderBy('proposal.support_count', 'desc')
		.orderBy('proposal.id', 'desc')
		.execute()
	return rows.map(toListItem)
}

/** The person's own proposals, drafts and hidden ones too, so they can find and finish them. */
export async function myProposals(db: DB, userId: number) {
	const rows = await db
		.selectFrom('proposal')
		.select([...listColumns, 'proposal.hidden_at'])
		.where('proposal.author_id', '=', userId)
		.orderBy('proposal.updated_at', 'desc')
		.execute()
	return rows.map((row) => ({ ...toListItem(row), hidden: row.hidden_at !== null }))
}

export interface Viewer {
	userId: number | null
	canManage: boolean
}

/**
 * One proposal as this person may see it, or null: a draft only for its author, a hidden one only
 * for its author and coordinators.
 */
export async function proposalForViewer(db: DB, proposalId: number, viewer: Viewer) {
	const proposal = await db
		.selectFrom('proposal')
		.innerJoin('user', 'user.id', 'proposal.author_id')
		.selectAll('proposal')
		.select('user.name as author_name')
		.where('proposal.id', '=', proposalId)
		.executeTakeFirst()
	if (!proposal) return null
	const isAuthor = viewer.userId === proposal.author_id
	if (proposal.status === 'draft' && !isAuthor) return null
	if (proposal.hidden_at && !isAuthor && !viewer.canManage) return null
	return { ...proposal, isAuthor }
}
export type ViewedProposal = NonNullable<Awaited<ReturnType<typeof proposalForViewer>>>

export interface TimelineEntry {
	id: number
	toStatus: ProposalStatus
	changedAt: string
}

/** The proposal's moves, oldest first. */
export async function proposalTimeline(db: DB, proposalId: number): Promise<TimelineEntry[]> {
	const rows = await db
		.selectFrom('proposal_change')
		.select(['id', 'to_status', 'changed_at'])
		.where('proposal_id', '=', proposalId)
		.orderBy('changed_at')
		.orderBy('id')
		.execute()
	return rows.map((row) => ({ id: row.id, toStatus: row.to_status, changedAt: row.changed_at }))
}

/** Every published proposal for coordinators, hidden ones too, with the reports still open. */
export async function proposalsForCoordinators(db: DB) {
	const rows = await db
		.selectFrom('proposal')
		.select([
			...listColumns,
			'proposal.hidden_at',
			(eb) =>
				eb
					.selectFrom('proposal_report')
					.select((s) => s.fn.countAll<number>().as('n'))
					.whereRef('proposal_report.proposal_id', '=', 'proposal.id')
					.where('proposal_report.resolved_at', 'is', null)
					.as('open_reports'),
		])
		.where('proposal.status', '!=', 'draft')
		.orderBy('proposal.updated_at', 'desc')
		.execute()
	return rows.map((row) => ({
		...toListItem(row),
		hidden: row.hidden_at !== null,
		openReports: Number(row.open_reports ?? 0),
	}))
}
