import { redirect } from 'react-router'
import { getUser, userHasPermission } from '#app/auth/session.server.ts'
import { uniqueSlug } from '#app/common/slugs.server.ts'
import { utcToLocal } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { Partner, PartnerRole, PartnerType } from '#db/schema.ts'
import { agreementInForce, draftAgreementValues } from './agreements.server.ts'
import type { PartnerInput } from './schemas.ts'

/**
 * Partner organisations and the people who act for them. The other areas (climate reports,
 * stories, awards) reach partners only through this module's exported functions.
 */

export type PartnerMembership = Pick<Partner, 'id' | 'slug' | 'name' | 'type'> & { role: PartnerRole }

/** The partners a person acts for, with their role in each, by name. */
export async function partnersOf(db: DbHandle, userId: number): Promise<PartnerMembership[]> {
	return db
		.selectFrom('partner_member')
		.innerJoin('partner', 'partner.id', 'partner_member.partner_id')
		.select(['partner.id', 'partner.slug', 'partner.name', 'partner.type', 'partner_member.role'])
		.where('partner_member.user_id', '=', userId)
		.orderBy('partner.name')
		.execute()
}

/** A partner by its id or its address (slug); undefined when there is none. */
export async function getPartner(db: DbHandle, idOrSlug: number | string): Promise<Partner | undefined> {
	const query = db.selectFrom('partner').selectAll()
	return typeof idOrSlug === 'number' || /^\d+$/.test(idOrSlug)
		? query.where('id', '=', Number(idOrSlug)).executeTakeFirst()
		: query.where('slug', '=', idOrSlug).executeTakeFirst()
}

/**
 * Guard for a partner's own pages: a visitor is sent to sign in, a signed-in person who does not
 * act for the partner (in one of `roles`) gets 403, and an unknown partner 404.
 */
export async function requirePartnerMember(
	db: DB,
	request: Request,
	partnerId: number,
	roles: readonly PartnerRole[] = ['contact', 'reporter'],
): Promise<{ user: { id: number; email: string; name: string }; partner: Partner; role: PartnerRole }> {
	const user = await getUser(request)
	if (!user) {
		const url = new URL(request.url)
		throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`)
	}
	const partner = await getPartner(db, partnerId)
	if (!partner) throw new Response('Not found', { status: 404 })
	const member = await db
		.selectFrom('partner_member')
		.select('role')
		.where('partner_id', '=', partnerId)
		.where('user_id', '=', user.id)
		.executeTakeFirst()
	if (!member || !roles.includes(member.role)) throw new Response('Forbidden', { status: 403 })
	return { user, partner, role: member.role }
}

/**
 * Guard for the pages only a partner's contacts use, found by its address: anyone else signed in
 * gets 403, an unknown address (or a number) 404.
 */
export async function requirePartnerContact(db: DB, request: Request, slug: string | undefined) {
	const found = slug ? await getPartner(db, slug) : undefined
	if (!found || found.slug !== slug) throw new Response('Not found', { status: 404 })
	return requirePartnerMember(db, request, found.id, ['contact'])
}

/** Today in the pact's time zone, YYYY-MM-DD: agreements run from and to local days. */
export function localToday(now = new Date()): string {
	return utcToLocal(now, config.timeZone).date
}

export interface DirectoryFilters {
	type?: PartnerType | null
	sector?: string | null
	challengeId?: number | null
}

export type ApprovedPartner = Partner & { agreement_id: number; period_end: string }

/**
 * Partners whose agreement is approved and still running today: the public directory, by name.
 * Filters narrow it by type, sector and a climate challenge their agreement names.
 */
export async function approvedPartners(
	db: DbHandle,
	filters: DirectoryFilters = {},
	now = new Date(),
): Promise<ApprovedPartner[]> {
	const today = localToday(now)
	let query = db
		.selectFrom('partner')
		.innerJoin('agreement', 'agreement.partner_id', 'partner.id')
		.selectAll('partner')
		.select(['agreement.id as agreement_id', 'agreement.period_end'])
		.where('agreement.status', '=', 'approved')
		.where('agreement.period_start', '<=', today)
		.where('agreement.period_end', '>=', today)
	if (filters.type) query = query.where('partner.type', '=', filters.type)
	if (filters.sector) query = query.where('partner.sector', '=', filters.sector)
	if (filters.challengeId)
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('agreement_challenge')
					.select('agreement_challenge.agreement_id')
					.whereRef('agreement_challenge.agreement_id', '=', 'agreement.id')
					.where('agreement_challenge.challenge_id', '=', filters.challengeId!),
			),
		)
	const rows = await query.orderBy('partner.name').orderBy('agreement.period_end', 'desc').execute()
	// A renewed agreement may overlap its predecessor for a day: one row per partner.
	const seen = new Set<number>()
	return rows.filter((row) => !seen.has(row.id) && seen.add(row.id))
}

/**
 * Whether the person acts for a partner (in any role) whose agreement is approved and running
 * today: who may come to network meetings (registered with the events area in app/areas.server.ts).
 */
export async function actsForApprovedPartner(db: DbHandle, userId: number, now = new Date()): Promise<boolean> {
	const today = localToday(now)
	const row = await db
		.selectFrom('partner_member')
		.innerJoin('agreement', 'agreement.partner_id', 'partner_member.partner_id')
		.select('agreement.id')
		.where('partner_member.user_id', '=', userId)
		.where('agreement.status', '=', 'approved')
		.where('agreement.period_start', '<=', today)
		.where('agreement.period_end', '>=', today)
		.limit(1)
		.executeTakeFirst()
	return row !== undefined
}

/** The sectors partners have given, for the directory's filter. */
export async function partnerSectors(db: DbHandle): Promise<string[]> {
	const rows = await db.selectFrom('partner').select('sector').distinct().orderBy('sector').execute()
	return rows.map((row) => row.sector)
}

/** "Bageriet Kärnan AB" → "bageriet-karnan-ab". */
export function partnerSlug(name: string): string {
	const words = name
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '')
	return words || 'partner'
}

function partnerColumns(input: PartnerInput) {
	return {
		name: input.name,
		type: input.type,
		sector: input.sector,
		size: input.size,
		district: input.district,
		website: input.website,
		description: input.description,
	}
}

/**
 * Registers an organisation: the partner, the person as its contact, and a draft agreement for
 * them to fill in and sign, in one transaction.
 */
export async function registerPartner(
	db: DB,
	userId: number,
	input: PartnerInput,
	logoImageId: number | null,
	now = new Date(),
): Promise<{ id: number; slug: string; agreementId: number }> {
	return db.transaction().execute(async (trx) => {
		const slug = await uniqueSlug(trx, 'partner', partnerSlug(input.name))
		const partner = await trx
			.insertInto('partner')
			.values({ ...partnerColumns(input), slug, logo_image_id: logoImageId, created_at: now.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
		await trx
			.insertInto('partner_member')
			.values({ partner_id: partner.id, user_id: userId, role: 'contact' })
			.execute()
		const agreement = await trx
			.insertInto('agreement')
			.values(draftAgreementValues(partner.id, localToday(now), now))
			.returning('id')
			.executeTakeFirstOrThrow()
		return { id: partner.id, slug, agreementId: agreement.id }
	})
}

/** Saves a partner's details; `logoImageId` undefined keeps its logo, null removes it. The address stays. */
export async function updatePartner(
	db: DbHandle,
	partnerId: number,
	input: PartnerInput,
	logoImageId?: number | null,
): Promise<void> {
	await db
		.updateTable('partner')
		.set({ ...partnerColumns(input), ...(logoImageId === undefined ? {} : { logo_image_id: logoImageId }) })
		.where('id', '=', partnerId)
		.execute()
}

export interface PartnerPerson {
	userId: number
	name: string
	email: string
	role: PartnerRole
}

/** Who acts for a partner: contacts first, then reporters, by name. */
export async function partnerMembers(db: DbHandle, partnerId: number): Promise<PartnerPerson[]> {
	const rows = await db
		.selectFrom('partner_member')
		.innerJoin('user', 'user.id', 'partner_member.user_id')
		.select(['user.id as userId', 'user.name', 'user.email', 'partner_member.role'])
		.where('partner_member.partner_id', '=', partnerId)
		.orderBy('user.name')
		.execute()
	return rows.sort((a, b) => (a.role === b.role ? 0 : a.role === 'contact' ? -1 : 1))
}

/** A partner's contacts, who sign and are emailed about its agreements, with the language they read. */
export async function partnerContacts(db: DbHandle, partnerId: number) {
	return db
		.selectFrom('partner_member')
		.innerJoin('user', 'user.id', 'partner_member.user_id')
		.select(['user.id', 'user.email', 'user.language'])
		.where('partner_member.partner_id', '=', partnerId)
		.where('partner_member.role', '=', 'contact')
		.execute()
}

export type AddReporterOutcome = 'added' | 'already' | 'no-account'

/** Lets the person with this address report for the partner; they need an account already. */
export async function addReporter(db: DbHandle, partnerId: number, email: string): Promise<AddReporterOutcome> {
	const user = await db.selectFrom('user').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst()
	if (!user) return 'no-account'
	const result = await db
		.insertInto('partner_member')
		.values({ partner_id: partnerId, user_id: user.id, role: 'reporter' })
		.onConflict((oc) => oc.columns(['partner_id', 'user_id']).doNothing())
		.executeTakeFirst()
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? 'added' : 'already'
}

/** Removes a reporter. Contacts are not removed here: a partner always keeps someone who signs. */
export async function removeReporter(db: DbHandle, partnerId: number, userId: number): Promise<boolean> {
	const result = await db
		.deleteFrom('partner_member')
		.where('partner_id', '=', partnerId)
		.where('user_id', '=', userId)
		.where('role', '=', 'reporter')
		.executeTakeFirst()
	return result.numDeletedRows > 0n
}

/**
 * A partner's public page: found by address, shown when its agreement is in force, and otherwise
 * only to the people who act for it and to coordinators (404 for everyone else).
 */
export async function partnerForPage(db: DB, request: Request, slug: string | undefined, now = new Date()) {
	const partner = slug && !/^\d+$/.test(slug) ? await getPartner(db, slug) : undefined
	if (!partner) throw new Response('Not found', { status: 404 })
	const agreement = await agreementInForce(db, partner.id, now)
	const user = await getUser(request)
	const role = user
		? (
				await db
					.selectFrom('partner_member')
					.select('role')
					.where('partner_id', '=', partner.id)
					.where('user_id', '=', user.id)
					.executeTakeFirst()
			)?.role
		: undefined
	if (!agreement && !role && !(user && (await userHasPermission(db, user.id, 'partners:manage'))))
		throw new Response('Not found', { status: 404 })
	return { partner, agreement, isContact: role === 'contact' }
}
