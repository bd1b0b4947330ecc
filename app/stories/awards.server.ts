import { localMonth } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import { approvedPartners } from '#app/partners/partners.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { NomineeKind } from '#db/schema.ts'
import type { AwardInput, NominationInput } from './schemas.ts'

/**
 * The award of the month (månadens tårta): anyone signed in nominates a climate action by a
 * resident or a partner; a coordinator picks the month's winner with a citation. The database
 * holds both rules: one nomination per person, nominee and month, and one award per month.
 */

/** The month a moment falls in, in the pact's time zone: 'YYYY-MM'. */
export function awardMonth(now = new Date()): string {
	return localMonth(now, config.timeZone)
}

/** What makes two nominations name the same resident: case and spacing do not count. */
export function nomineeKey(kind: NomineeKind, name: string, partnerId: number | null): string {
	return kind === 'partner'
		? `partner:${partnerId}`
		: `resident:${name.toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim()}`
}

/** The partners one may nominate: those with an approved agreement, by name. */
export async function nominablePartners(db: DbHandle, now = new Date()) {
	return (await approvedPartners(db, {}, now)).map((partner) => ({ id: partner.id, name: partner.name }))
}

export type NominateOutcome = { ok: true } | { ok: false; reason: 'already' | 'unknownPartner' }

export async function nominate(
	db: DB,
	userId: number,
	input: NominationInput,
	now = new Date(),
): Promise<NominateOutcome> {
	let name = input.nomineeName ?? ''
	let partnerId: number | null = null
	if (input.nomineeKind === 'partner') {
		const partner = (await nominablePartners(db, now)).find((p) => p.id === input.partnerId)
		if (!partner) return { ok: false, reason: 'unknownPartner' }
		name = partner.name
		partnerId = partner.id
	}
	const inserted = await db
		.insertInto('award_nomination')
		.values({
			month: awardMonth(now),
			nominee_kind: input.nomineeKind,
			nominee_name: name,
			nominee_key: nomineeKey(input.nomineeKind, name, partnerId),
			partner_id: partnerId,
			action: input.action,
			nominated_by: userId,
			created_at: now.toISOString(),
		})
		.onConflict((oc) => oc.columns(['month', 'nominated_by', 'nominee_kind', 'nominee_key']).doNothing())
		.executeTakeFirst()
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 ? { ok: true } : { ok: false, reason: 'already' }
}

/** A person's own nominations in a month, as they wrote them. */
export async function nominationsBy(db: DbHandle, userId: number, month: string) {
	return db
		.selectFrom('award_nomination')
		.select(['id', 'nominee_kind', 'nominee_name', 'action'])
		.where('nominated_by', '=', userId)
		.where('month', '=', month)
		.orderBy('id')
		.execute()
}

/**
 * A month's nominations for coordinators, with who nominated and how many named the same nominee
 * (most named first), and the month's award if it is decided.
 */
export async function nominationsFor(db: DbHandle, month: string) {
	const [rows, award] = await Promise.all([
		db
			.selectFrom('award_nomination')
			.innerJoin('user', 'user.id', 'award_nomination.nominated_by')
			.select([
				'award_nomination.id',
				'award_nomination.nominee_kind',
				'award_nomination.nominee_name',
				'award_nomination.nominee_key',
				'award_nomination.action',
				'user.name as nominatedBy',
			])
			.where('award_nomination.month', '=', month)
			.orderBy('award_nomination.id')
			.execute(),
		awardFor(db, month),
	])
	const named = new Map<string, number>()
	for (const row of rows) named.set(row.nominee_key, (named.get(row.nominee_key) ?? 0) + 1)
	const nominations = rows
		.map(({ nominee_key, ...row }) => ({ ...row, sameNominee: named.get(nominee_key)! }))
		.sort((a, b) => b.sameNominee - a.sameNominee || a.id - b.id)
	return { nominations, award }
}

export type DecideOutcome = { ok: true; name: string } | { ok: false; reason: 'unknownNomination' | 'already' }

/** The month's winner: one of that month's nominations. A month that has its award keeps it. */
export async function decideAward(
	db: DB,
	input: AwardInput,
	decidedBy: number,
	now = new Date(),
): Promise<DecideOutcome> {
	const nomination = await db
		.selectFrom('award_nomination')
		.select(['id', 'nominee_name'])
		.where('id', '=', input.nominationId)
		.where('month', '=', input.month)
		.executeTakeFirst()
	if (!nomination) return { ok: false, reason: 'unknownNomination' }
	const inserted = await db
		.insertInto('award')
		.values({
			month: input.month,
			nomination_id: nomination.id,
			citation: input.citation,
			decided_by: decidedBy,
			decided_at: now.toISOString(),
		})
		.onConflict((oc) => oc.column('month').doNothing())
		.executeTakeFirst()
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
		? { ok: true, name: nomination.nominee_name }
		: { ok: false, reason: 'already' }
}

/** An award as pages and emails show it. */
export interface AwardView {
	month: string
	nomineeKind: NomineeKind
	name: string
	action: string
	citation: string
	decidedAt: string
}

function awardsQuery(db: DbHandle) {
	return db
		.selectFrom('award')
		.innerJoin('award_nomination', 'award_nomination.id', 'award.nomination_id')
		.select([
			'award.month',
			'award.citation',
			'award.decided_at as decidedAt',
			'award_nomination.nominee_kind as nomineeKind',
			'award_nomination.nominee_name as name',
			'award_nomination.action',
		])
}

export async function awardFor(db: DbHandle, month: string): Promise<AwardView | null> {
	return (await awardsQuery(db).where('award.month', '=', month).executeTakeFirst()) ?? null
}

/** Every award, newest month first: the archive. */
export async function awardArchive(db: DbHandle, limit = 120): Promise<AwardView[]> {
	return awardsQuery(db).orderBy('award.month', 'desc').limit(limit).execute()
}

/** The newest award (by its month, the table's key): the home page's. */
export async function latestAward(db: DbHandle): Promise<AwardView | null> {
	return (await awardsQuery(db).orderBy('award.month', 'desc').limit(1).executeTakeFirst()) ?? null
}

/** The newest award when it was decided since `since`: news for a digest. */
export async function awardDecidedSince(db: DbHandle, since: Date): Promise<AwardView | null> {
	const award = await latestAward(db)
	return award && award.decidedAt >= since.toISOString() ? award : null
}
