import type { DB } from '#db/index.ts'
import type { PartnerRole } from '#db/schema.ts'
import { makeUser } from '#tests/support/events.ts'
import { approvedPartner } from '#tests/support/partners-reports.ts'

export { approvedPartner } from '#tests/support/partners-reports.ts'
export { coordinator } from '#tests/support/stories.ts'

/** Test data for mentoring and lighthouse projects. */

/** A partner whose agreement is signed but not yet approved, with its contact. */
export async function waitingPartner(db: DB, name = 'Väntande AB') {
	const partner = await approvedPartner(db, { name })
	await db.updateTable('agreement').set({ status: 'submitted' }).where('partner_id', '=', partner.id).execute()
	return partner
}

/** Another person who acts for the partner (a reporter, unless told otherwise). */
export async function addMember(db: DB, partnerId: number, role: PartnerRole = 'reporter', name?: string) {
	const person = await makeUser(db, { name })
	await db.insertInto('partner_member').values({ partner_id: partnerId, user_id: person.id, role }).execute()
	return person
}

/** The outbox rows introducing a mentorship's two sides, keyed as the mentoring area keys them. */
export async function introductionMails(db: DB, mentorshipId: number) {
	return db
		.selectFrom('outbox')
		.select(['to_address', 'subject', 'text', 'idempotency_key'])
		.where('idempotency_key', 'like', `mentorship:${mentorshipId}:introduction:%`)
		.orderBy('id')
		.execute()
}

export async function mentorshipsOfMentee(db: DB, menteeId: number) {
	return db.selectFrom('mentorship').selectAll().where('mentee_partner_id', '=', menteeId).orderBy('id').execute()
}

/** The coordinators' project form as a browser posts it. */
export function projectForm(partnerIds: number[], overrides: Record<string, string | string[]> = {}) {
	return {
		title: 'Solpark på skolans tak',
		titleEn: 'A solar park on the school roof',
		description: 'Skolan, bostadsbolaget och grannarna äger **solparken** tillsammans.',
		descriptionEn: '',
		status: 'idea',
		startsOn: '2026-03-01',
		partners: partnerIds.map(String),
		leadId: String(partnerIds[0]),
		imageId: '',
		imageAlt: '',
		...overrides,
	}
}

/** A project and its partners written as rows; the first partner leads. */
export async function projectRow(
	db: DB,
	partnerIds: number[],
	{
		title = 'Lådcykelpool',
		status = 'under-way' as const,
		slug,
	}: { title?: string; status?: 'idea' | 'under-way' | 'completed' | 'paused'; slug?: string } = {},
) {
	const now = new Date().toISOString()
	const project = await db
		.insertInto('project')
		.values({
			slug: slug ?? `projekt-${Math.random().toString(36).slice(2, 10)}`,
			title,
			description: 'Butikerna delar på **lådcyklar**.',
			status,
			starts_on: '2026-01-15',
			created_at: now,
			updated_at: now,
		})
		.returning(['id', 'slug', 'title'])
		.executeTakeFirstOrThrow()
	if (partnerIds.length)
		await db
			.insertInto('project_partner')
			.values(
				partnerIds.map((partnerId, index) => ({
					project_id: project.id,
					partner_id: partnerId,
					is_lead: index === 0 ? (1 as const) : (0 as const),
				})),
			)
			.execute()
	return project
}
