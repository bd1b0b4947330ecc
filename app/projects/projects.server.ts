import { uniqueSlug } from '#app/common/slugs.server.ts'
import { markdownToHtml, markdownToText, webProfile } from '#app/common/markdown.server.ts'
import { picturesById } from '#app/images/images.server.ts'
import type { PictureImage } from '#app/images/sources.ts'
import { approvedPartners, getPartner, partnerSlug } from '#app/partners/partners.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { Project, ProjectStatus } from '#db/schema.ts'
import type { ProjectInput } from './schemas.ts'

/**
 * Lighthouse projects: a shared project of several partners, one of them leading it, written by a
 * coordinator. The public pages show only the partners whose agreement is approved and in force;
 * the partners area is asked which those are.
 */

export interface ProjectPartner {
	id: number
	slug: string
	name: string
	isLead: boolean
}

export interface ProjectCard {
	id: number
	slug: string
	title: string
	status: ProjectStatus
	startsOn: string
	extract: string
	image: PictureImage | null
	/** Approved partners only, the lead first, then by name. */
	partners: ProjectPartner[]
}

/** The title and description in the reader's language: English when asked for and written, else Swedish. */
export function inLanguage(project: Project, language: string) {
	const english = language === 'en'
	return {
		title: (english && project.title_en) || project.title,
		description: (english && project.description_en) || project.description,
	}
}

/** The opening words of a description as plain text, cut at a word; list items read as sentences. */
function extractOf(markdown: string, length = 200): string {
	const sentences = markdownToText(markdown)
		.split(/\s*\n\s*/)
		.filter(Boolean)
	const text = sentences.map((sentence) => sentence.replace(/([^.!?:…])$/, '$1.')).join(' ')
	if (text.length <= length) return text
	return `${text.slice(0, text.lastIndexOf(' ', length)).trimEnd()}…`
}

/**
 * The partners of these projects per project, the lead first, then by name: only those approved
 * today (what the public sees), or all of them (what coordinators see).
 */
async function participants(
	db: DbHandle,
	projectIds: number[],
	{ approvedOnly, now = new Date() }: { approvedOnly: boolean; now?: Date },
): Promise<Map<number, ProjectPartner[]>> {
	const byProject = new Map<number, ProjectPartner[]>()
	if (projectIds.length === 0) return byProject
	const rows = await db.selectFrom('project_partner').selectAll().where('project_id', 'in', projectIds).execute()
	const known = approvedOnly
		? await approvedPartners(db, {}, now)
		: await Promise.all([...new Set(rows.map((row) => row.partner_id))].map((id) => getPartner(db, id)))
	const byId = new Map(known.filter((partner) => partner !== undefined).map((partner) => [partner.id, partner]))
	for (const row of rows) {
		const partner = byId.get(row.partner_id)
		if (!partner) continue
		const list = byProject.get(row.project_id) ?? []
		list.push({ id: partner.id, slug: partner.slug, name: partner.name, isLead: row.is_lead === 1 })
		byProject.set(row.project_id, list)
	}
	for (const list of byProject.values())
		list.sort((a, b) => Number(b.isLead) - Number(a.isLead) || a.name.localeCompare(b.name, 'sv'))
	return byProject
}

/** Running projects first, then ideas, paused and completed ones; the newest start first within each. */
const statusOrder: ProjectStatus[] = ['under-way', 'idea', 'paused', 'completed']

/** The public list, optionally of one status. */
export async function listProjects(
	db: DbHandle,
	{ status = null }: { status?: ProjectStatus | null },
	language: string,
	now = new Date(),
): Promise<ProjectCard[]> {
	let query = db.selectFrom('project').selectAll()
	if (status) query = query.where('status', '=', status)
	const rows = await query
		.orderBy((eb) =>
			eb
				.case()
				.when('status', '=', statusOrder[0]!)
				.then(0)
				.when('status', '=', statusOrder[1]!)
				.then(1)
				.when('status', '=', statusOrder[2]!)
				.then(2)
				.else(3)
				.end(),
		)
		.orderBy('starts_on', 'desc')
		.orderBy('id', 'desc')
		.limit(200)
		.execute()
	const [partners, pictures] = await Promise.all([
		participants(
			db,
			rows.map((row) => row.id),
			{ approvedOnly: true, now },
		),
		picturesById(
			db,
			rows.map((row) => row.image_id),
		),
	])
	return rows.map((row) => {
		const { title, description } = inLanguage(row, language)
		return {
			id: row.id,
			slug: row.slug,
			title,
			status: row.status,
			startsOn: row.starts_on,
			extract: extractOf(description),
			image: row.image_id === null ? null : (pictures.get(row.image_id) ?? null),
			partners: partners.get(row.id) ?? [],
		}
	})
}

export async function getProject(db: DbHandle, idOrSlug: number | string): Promise<Project | undefined> {
	const query = db.selectFrom('project').selectAll()
	return typeof idOrSlug === 'number'
		? query.where('id', '=', idOrSlug).executeTakeFirst()
		: query.where('slug', '=', idOrSlug).executeTakeFirst()
}

/** A project's page: its text as HTML in the reader's language, its image and approved partners. */
export async function projectForPage(db: DbHandle, slug: string, language: string, now = new Date()) {
	const project = await getProject(db, slug)
	if (!project) return undefined
	const { title, description } = inLanguage(project, language)
	const [partners, pictures] = await Promise.all([
		participants(db, [project.id], { approvedOnly: true, now }),
		picturesById(db, [project.image_id]),
	])
	return {
		id: project.id,
		slug: project.slug,
		title,
		status: project.status,
		startsOn: project.starts_on,
		descriptionHtml: markdownToHtml(description, webProfile),
		extract: extractOf(description),
		image: project.image_id === null ? null : (pictures.get(project.image_id) ?? null),
		partners: partners.get(project.id) ?? [],
	}
}

/** The projects a partner takes part in, for its own page: running ones first. */
export async function projectsOfPartner(db: DbHandle, partnerId: number, language: string) {
	const rows = await db
		.selectFrom('project_partner')
		.innerJoin('project', 'project.id', 'project_partner.project_id')
		.selectAll('project')
		.select('project_partner.is_lead')
		.where('project_partner.partner_id', '=', partnerId)
		.orderBy('project.starts_on', 'desc')
		.execute()
	return rows
		.map((row) => ({
			slug: row.slug,
			title: inLanguage(row, language).title,
			status: row.status,
			isLead: row.is_lead === 1,
		}))
		.sort((a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status))
}

/** Every project for the coordinators' list, with all its partners (approved or not) and its updates. */
export async function projectsForCoordinators(db: DbHandle) {
	const rows = await db
		.selectFrom('project')
		.leftJoin('project_update', 'project_update.project_id', 'project.id')
		.select((eb) => [
			'project.id',
			'project.slug',
			'project.title',
			'project.status',
			'project.starts_on',
			eb.fn.count<number>('project_update.id').as('updates'),
		])
		.groupBy('project.id')
		.orderBy('project.starts_on', 'desc')
		.execute()
	const partners = await participants(
		db,
		rows.map((row) => row.id),
		{ approvedOnly: false },
	)
	return rows.map((row) => ({ ...row, updates: Number(row.updates), partners: partners.get(row.id) ?? [] }))
}

/** The partners a coordinator may choose for a project: those approved today, and those already in it. */
export async function partnerChoices(db: DbHandle, projectId: number | null, now = new Date()) {
	const approved = (await approvedPartners(db, {}, now)).map((p) => ({ id: p.id, name: p.name }))
	const current =
		projectId === null ? [] : ((await participants(db, [projectId], { approvedOnly: false })).get(projectId) ?? [])
	const extra = current.filter((p) => !approved.some((a) => a.id === p.id)).map((p) => ({ id: p.id, name: p.name }))
	return [...approved, ...extra].sort((a, b) => a.name.localeCompare(b.name, 'sv'))
}

/** "Solpark på Filbornaskolans tak" → "solpark-pa-filbornaskolans-tak", as the partners area makes addresses from names. */
export function projectSlug(title: string): string {
	const slug = partnerSlug(title)
	// partnerSlug falls back to "partner" for a title with no letters or digits it can use.
	return slug === 'partner' && !/partner/i.test(title) ? 'project' : slug
}

function projectColumns(input: ProjectInput) {
	return {
		title: input.title,
		title_en: input.titleEn,
		description: input.description,
		description_en: input.descriptionEn,
		status: input.status,
		starts_on: input.startsOn,
	}
}

export type SaveOutcome = { kind: 'saved'; id: number; slug: string } | { kind: 'unknown-partner' } | { kind: 'gone' }

/**
 * Creates a project (`projectId` null) or saves one, with its partners and lead, in one
 * transaction. Every partner must be approved today or already take part; `imageId` undefined
 * keeps the image, null removes it.
 */
export async function saveProject(
	db: DB,
	projectId: number | null,
	input: ProjectInput,
	{ imageId, userId, now = new Date() }: { imageId: number | null | undefined; userId: number; now?: Date },
): Promise<SaveOutcome> {
	const allowed = new Set((await partnerChoices(db, projectId, now)).map((partner) => partner.id))
	if (!input.partners.every((id) => allowed.has(id))) return { kind: 'unknown-partner' }
	return db.transaction().execute(async (trx) => {
		let saved: { id: number; slug: string } | undefined
		if (projectId === null) {
			const slug = await uniqueSlug(trx, 'project', projectSlug(input.title))
			saved = await trx
				.insertInto('project')
				.values({
					...projectColumns(input),
					slug,
					image_id: imageId ?? null,
					created_by: userId,
					created_at: now.toISOString(),
					updated_at: now.toISOString(),
				})
				.returning(['id', 'slug'])
				.executeTakeFirstOrThrow()
		} else {
			saved = await trx
				.updateTable('project')
				.set({
					...projectColumns(input),
					...(imageId === undefined ? {} : { image_id: imageId }),
					updated_at: now.toISOString(),
				})
				.where('id', '=', projectId)
				.returning(['id', 'slug'])
				.executeTakeFirst()
			if (!saved) return { kind: 'gone' as const }
			await trx.deleteFrom('project_partner').where('project_id', '=', projectId).execute()
		}
		await trx
			.insertInto('project_partner')
			.values(
				input.partners.map((partnerId) => ({
					project_id: saved.id,
					partner_id: partnerId,
					is_lead: partnerId === input.leadId ? (1 as const) : (0 as const),
				})),
			)
			.execute()
		return { kind: 'saved' as const, ...saved }
	})
}

/** Deletes a project with its partners and updates. */
export async function deleteProject(db: DbHandle, projectId: number): Promise<boolean> {
	const result = await db.deleteFrom('project').where('id', '=', projectId).executeTakeFirst()
	return result.numDeletedRows > 0n
}

/** A stored project as the form's starting values. */
export async function projectFormDefaults(db: DbHandle, project: Project) {
	const partners = await db
		.selectFrom('project_partner')
		.select(['partner_id', 'is_lead'])
		.where('project_id', '=', project.id)
		.execute()
	return {
		title: project.title,
		titleEn: project.title_en ?? '',
		description: project.description,
		descriptionEn: project.description_en ?? '',
		status: project.status,
		startsOn: project.starts_on,
		partners: partners.map((row) => String(row.partner_id)),
		leadId: String(partners.find((row) => row.is_lead === 1)?.partner_id ?? ''),
	}
}
