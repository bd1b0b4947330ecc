import type { DB } from '#db/index.ts'
import type { PartnerRole } from '#db/schema.ts'
import { makeUser } from '#tests/support/events.ts'

/** Test data for climate reports: partners with a running approved agreement and their people, written as rows. */

let counter = 0

export async function approvedPartner(
	db: DB,
	{ name, role = 'contact', language = 'sv' }: { name?: string; role?: PartnerRole; language?: 'sv' | 'en' } = {},
) {
	counter += 1
	const now = new Date().toISOString()
	const partner = await db
		.insertInto('partner')
		.values({
			slug: `partner-${counter}-${Math.random().toString(36).slice(2, 8)}`,
			name: name ?? `Partner ${counter}`,
			type: 'business',
			sector: 'Livsmedel',
			size: '10-49',
			description: 'Ett bageri i centrum.',
			created_at: now,
		})
		.returning(['id', 'slug', 'name'])
		.executeTakeFirstOrThrow()
	await db
		.insertInto('agreement')
		.values({
			partner_id: partner.id,
			status: 'approved',
			period_start: '2000-01-01',
			period_end: '2999-12-31',
			created_at: now,
		})
		.execute()
	const person = await makeUser(db, { language })
	await db.insertInto('partner_member').values({ partner_id: partner.id, user_id: person.id, role }).execute()
	return { ...partner, person }
}

/** A report written as a row, as if submitted earlier. */
export async function reportRow(
	db: DB,
	partnerId: number,
	year: number,
	scope1: number,
	scope2: number,
	{ baseline = false, scope3 = null }: { baseline?: boolean; scope3?: number | null } = {},
) {
	const now = new Date().toISOString()
	await db
		.insertInto('climate_report')
		.values({
			partner_id: partnerId,
			year,
			scope1_tonnes: scope1,
			scope2_tonnes: scope2,
			scope3_tonnes: scope3,
			is_baseline: baseline ? 1 : 0,
			submitted_at: now,
			updated_at: now,
		})
		.execute()
}
