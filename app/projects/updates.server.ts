import { approvedPartners, partnersOf } from '#app/partners/partners.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { ProjectStatus } from '#db/schema.ts'
import type { UpdateInput } from './schemas.ts'

/**
 * A project's updates: the people who act for a partner taking part (with an approved agreement)
 * post them, optionally moving the project to a new status; coordinators correct or hide them.
 */

/** The partners this person may post for on this project: theirs, taking part, approved today. */
export async function postingPartners(
	db: DbHandle,
	projectId: number,
	userId: number,
	now = new Date(),
): Promise<Array<{ id: number; name: string }>> {
	const mine = await partnersOf(db, userId)
	if (mine.length === 0) return []
	const [taking, approved] = await Promise.all([
		db
			.selectFrom('project_partner')
			.select('partner_id')
			.where('project_id', '=', projectId)
			.where(
				'partner_id',
				'in',
				mine.map((partner) => partner.id),
			)
			.execute(),
		approvedPartners(db, {}, now),
	])
	const ids = new Set(taking.map((row) => row.partner_id))
	const approvedIds = new Set(approved.map((partner) => partner.id))
	return mine
		.filter((partner) => ids.has(partner.id) && approvedIds.has(partner.id))
		.map((partner) => ({ id: partner.id, name: partner.name }))
}

/** Posts an update for one of the person's partners; a status change moves the project in the same transaction. */
export async function postUpdate(
	db: DB,
	projectId: number,
	userId: number,
	input: UpdateInput,
	now = new Date(),
): Promise<'posted' | 'not-participating'> {
	const allowed = await postingPartners(db, projectId, userId, now)
	if (!allowed.some((partner) => partner.id === input.partnerId)) return 'not-participating'
	return db.transaction().execute(async (trx) => {
		const project = await trx.selectFrom('project').select('status').where('id', '=', projectId).executeTakeFirst()
		if (!project) return 'not-participating' as const
		// "Under way" again when it already is: no change to record.
		const newStatus = input.newStatus && input.newStatus !== project.status ? input.newStatus : null
		await trx
			.insertInto('project_update')
			.values({
				project_id: projectId,
				partner_id: input.partnerId,
				author_id: userId,
				body: input.body,
				new_status: newStatus,
				created_at: now.toISOString(),
			})
			.execute()
		if (newStatus)
			await trx
				.updateTable('project')
				.set({ status: newStatus, updated_at: now.toISOString() })
				.where('id', '=', projectId)
				.execute()
		return 'posted' as const
	})
}

export interface UpdateView {
	id: number
	body: string
	newStatus: ProjectStatus | null
	createdAt: string
	author: string | null
	partner: { slug: string; name: string } | null
	hidden: boolean
	edited: boolean
}

/** A project's updates, newest first; hidden ones only when asked (coordinators). */
export async function projectUpdates(
	db: DbHandle,
	projectId: number,
	{ withHidden = false }: { withHidden?: boolean } = {},
): Promise<UpdateView[]> {
	let query = db
		.selectFrom('project_update')
		.leftJoin('user', 'user.id', 'project_update.author_id')
		.select([
			'project_update.id',
			'project_update.body',
			'project_update.new_status',
			'project_update.created_at',
			'project_update.hidden_at',
			'project_update.edited_at',
			'project_update.partner_id',
			'user.name as author',
		])
		.where('project_update.project_id', '=', projectId)
	if (!withHidden) query = query.where('project_update.hidden_at', 'is', null)
	const rows = await query.orderBy('project_update.created_at', 'desc').orderBy('project_update.id', 'desc').execute()
	// Names of partners whose agreement is approved; an update by any other keeps its text but not its link.
	const approved = new Map((await approvedPartners(db)).map((partner) => [partner.id, partner]))
	return rows.map((row) => {
		const partner = row.partner_id === null ? undefined : approved.get(row.partner_id)
		return {
			id: row.id,
			body: row.body,
			newStatus: row.new_status,
			createdAt: row.created_at,
			author: row.author,
			partner: partner ? { slug: partner.slug, name: partner.name } : null,
			hidden: row.hidden_at !== null,
			edited: row.edited_at !== null,
		}
	})
}

/** A coordinator corrects an update's text. False when the project has no such update. */
export async function editUpdate(
	db: DbHandle,
	projectId: number,
	updateId: number,
	body: string,
	coordinatorId: number,
	now = new Date(),
): Promise<boolean> {
	const result = await db
		.updateTable('project_update')
		.set({ body, edited_at: now.toISOString(), edited_by: coordinatorId })
		.where('id', '=', updateId)
		.where('project_id', '=', projectId)
		.executeTakeFirst()
	return result.numUpdatedRows > 0n
}

/** A coordinator hides an update from the public page, or shows it again. */
export async function setUpdateHidden(
	db: DbHandle,
	projectId: number,
	updateId: number,
	hidden: boolean,
	coordinatorId: number,
	now = new Date(),
): Promise<boolean> {
	const result = await db
		.updateTable('project_update')
		.set(hidden ? { hidden_at: now.toISOString(), hidden_by: coordinatorId } : { hidden_at: null, hidden_by: null })
		.where('id', '=', updateId)
		.where('project_id', '=', projectId)
		.executeTakeFirst()
	return result.numUpdatedRows > 0n
}
