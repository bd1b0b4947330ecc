import type { DB } from '#db/index.ts'
import type { AgreementStatus, PartnerRole } from '#db/schema.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { approvedPartner } from '#tests/support/partners-reports.ts'

/** Test data for network meetings and agreement renewals (issue 11). */

export const DAY = 86_400_000

/**
 * A partner and one person acting for it, whose one agreement has this status and period (local
 * days, YYYY-MM-DD); by default approved and running far into the future.
 */
export async function partnerWith(
	db: DB,
	{
		status = 'approved',
		periodStart = '2000-01-01',
		periodEnd = '2999-12-31',
		role = 'contact',
		language = 'sv',
		name,
	}: {
		status?: AgreementStatus
		periodStart?: string
		periodEnd?: string
		role?: PartnerRole
		language?: 'sv' | 'en'
		name?: string
	} = {},
) {
	const partner = await approvedPartner(db, { name, role, language })
	const agreement = await db
		.updateTable('agreement')
		.set({ status, period_start: periodStart, period_end: periodEnd })
		.where('partner_id', '=', partner.id)
		.returning('id')
		.executeTakeFirstOrThrow()
	return { ...partner, agreementId: agreement.id }
}

/** A published network meeting for partners, `days` ahead, by a new organiser. */
export async function networkMeeting(db: DB, days = 14, overrides: { capacity?: number | null } = {}) {
	const organiser = await makeUser(db, { role: 'organiser' })
	const event = await makeEvent(
		db,
		organiser.id,
		new Date(Date.now() + days * DAY),
		{ type: 'network-meeting', title: 'Nätverksträff för klimatpartner', audience: 'partners', ...overrides },
		{ now: new Date() },
	)
	return { organiser, event }
}
