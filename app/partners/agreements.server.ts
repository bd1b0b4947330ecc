import { addToLocalDate } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import { composeEmail, queueEmail, renderEmail, type RenderedEmail } from '#app/mail/send-email.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import type { Agreement, AgreementStatus } from '#db/schema.ts'
import AgreementReviewedEmail from '#emails/agreement-reviewed.tsx'
import { getPartner, localToday, partnerContacts } from './partners.server.ts'
import type { AgreementInput } from './schemas.ts'

/**
 * Partnership agreements: a draft the contact fills in and signs (→ submitted), a coordinator's
 * review (→ approved, or returned with a comment and signed again), a period of AGREEMENT_YEARS
 * from approval, and renewal as a new agreement for the next period.
 */

/** The last day of a period that starts on `start` and runs for the configured years. */
export function periodEnd(start: string, years = config.partners.agreementYears): string {
	return addToLocalDate(addToLocalDate(start, { months: 12 * years }), { days: -1 })
}

/** A new draft: the settings' targets, a period from `start` (set again when it is approved). */
export function draftAgreementValues(partnerId: number, start: string, now = new Date()) {
	return {
		partner_id: partnerId,
		status: 'draft' as const,
		period_start: start,
		period_end: periodEnd(start),
		co2_target_2030_percent: config.partners.target2030Percent,
		climate_neutral_year: config.partners.climateNeutralYear,
		created_at: now.toISOString(),
	}
}

/**
 * What a page shows as the status: an approved agreement past its last day has expired. This is
 * the one place that says so; 'expired' is never stored. An agreement's period is what decides
 * whether it is in force (an approved renewal may start months ahead, so 'approved' alone never
 * meant "in force"), and every query for agreements in force reads the period. A stored 'expired'
 * would be a second copy of it, wrong from midnight until a job ran, and every reader of "the
 * newest approved agreement" (renewal, reminders) would have to accept both.
 */
export function shownStatus(agreement: Pick<Agreement, 'status' | 'period_end'>, now = new Date()): AgreementStatus {
	return agreement.status === 'approved' && agreement.period_end < localToday(now) ? 'expired' : agreement.status
}

export interface Challenge {
	id: number
	title_sv: string
	title_en: string
	description: string
	retired_at: string | null
}

/** The challenge catalogue; retired ones only when asked (the coordinators' page). */
export async function challengeCatalogue(db: DbHandle, { withRetired = false } = {}): Promise<Challenge[]> {
	let query = db.selectFrom('climate_challenge').selectAll()
	if (!withRetired) query = query.where('retired_at', 'is', null)
	return query.orderBy('title_sv').execute()
}

export type AgreementWithChallenges = Agreement & { challenges: Challenge[] }

async function withChallenges(db: DbHandle, agreement: Agreement): Promise<AgreementWithChallenges> {
	const challenges = await db
		.selectFrom('agreement_challenge')
		.innerJoin('climate_challenge', 'climate_challenge.id', 'agreement_challenge.challenge_id')
		.selectAll('climate_challenge')
		.where('agreement_challenge.agreement_id', '=', agreement.id)
		.orderBy('climate_challenge.title_sv')
		.execute()
	return { ...agreement, challenges }
}

/** A partner's agreements, the newest period first. */
export async function agreementsOf(db: DbHandle, partnerId: number): Promise<Agreement[]> {
	return db
		.selectFrom('agreement')
		.selectAll()
		.where('partner_id', '=', partnerId)
		.orderBy('period_start', 'desc')
		.orderBy('id', 'desc')
		.execute()
}

/** The agreement in force today, with its challenges: what the public pages show. */
export async function agreementInForce(
	db: DbHandle,
	partnerId: number,
	now = new Date(),
): Promise<AgreementWithChallenges | undefined> {
	const today = localToday(now)
	const row = await db
		.selectFrom('agreement')
		.selectAll()
		.where('partner_id', '=', partnerId)
		.where('status', '=', 'approved')
		.where('period_start', '<=', today)
		.where('period_end', '>=', today)
		.orderBy('period_end', 'desc')
		.executeTakeFirst()
	return row ? withChallenges(db, row) : undefined
}

/** The agreement the contact works on: the newest one not yet approved, else none. */
export async function openAgreement(db: DbHandle, partnerId: number): Promise<AgreementWithChallenges | undefined> {
	const row = await db
		.selectFrom('agreement')
		.selectAll()
		.where('partner_id', '=', partnerId)
		.where('status', 'in', ['draft', 'returned', 'submitted'])
		.orderBy('id', 'desc')
		.executeTakeFirst()
	return row ? withChallenges(db, row) : undefined
}

export async function getAgreement(db: DbHandle, agreementId: number): Promise<AgreementWithChallenges | undefined> {
	const row = await db.selectFrom('agreement').selectAll().where('id', '=', agreementId).executeTakeFirst()
	return row ? withChallenges(db, row) : undefined
}

export type SignOutcome = 'signed' | 'not-editable' | 'unknown-challenge'

/**
 * The contact signs a draft or a returned agreement: its commitments and challenges are stored and
 * it goes to the coordinators. Nothing is written unless every challenge is in the catalogue and
 * offered (or already on this agreement, should it have been retired since).
 */
export async function signAgreement(
	db: DB,
	agreementId: number,
	partnerId: number,
	userId: number,
	input: AgreementInput,
	now = new Date(),
): Promise<SignOutcome> {
	return db.transaction().execute(async (trx) => {
		const agreement = await trx
			.selectFrom('agreement')
			.select(['id', 'status'])
			.where('id', '=', agreementId)
			.where('partner_id', '=', partnerId)
			.executeTakeFirst()
		if (!agreement || (agreement.status !== 'draft' && agreement.status !== 'returned')) return 'not-editable'
		const allowed = await trx
			.selectFrom('climate_challenge')
			.select('id')
			.where('id', 'in', input.challenges)
			.where((eb) =>
				eb.or([
					eb('retired_at', 'is', null),
					eb.exists(
						eb
							.selectFrom('agreement_challenge')
							.select('challenge_id')
							.where('agreement_id', '=', agreementId)
							.whereRef('challenge_id', '=', 'climate_challenge.id'),
					),
				]),
			)
			.execute()
		if (allowed.length !== input.challenges.length) return 'unknown-challenge'
		await trx
			.updateTable('agreement')
			.set({
				status: 'submitted',
				communication_commitment: input.communication,
				education_commitment: input.education,
				co2_baseline_year: input.baselineYear,
				co2_target_2030_percent: input.target2030Percent,
				climate_neutral_year: input.climateNeutralYear,
				signed_by: userId,
				signed_at: now.toISOString(),
			})
			.where('id', '=', agreementId)
			.execute()
		await trx.deleteFrom('agreement_challenge').where('agreement_id', '=', agreementId).execute()
		await trx
			.insertInto('agreement_challenge')
			.values(input.challenges.map((challengeId) => ({ agreement_id: agreementId, challenge_id: challengeId })))
			.execute()
		return 'signed'
	})
}

export interface SubmittedAgreement {
	id: number
	partnerId: number
	partnerName: string
	partnerSlug: string
	signedAt: string | null
	signedBy: string | null
	periodStart: string
}

/** What waits for a coordinator: submitted agreements, the longest waiting first. */
export async function submittedAgreements(db: DbHandle): Promise<SubmittedAgreement[]> {
	return db
		.selectFrom('agreement')
		.innerJoin('partner', 'partner.id', 'agreement.partner_id')
		.leftJoin('user', 'user.id', 'agreement.signed_by')
		.select([
			'agreement.id',
			'partner.id as partnerId',
			'partner.name as partnerName',
			'partner.slug as partnerSlug',
			'agreement.signed_at as signedAt',
			'user.name as signedBy',
			'agreement.period_start as periodStart',
		])
		.where('agreement.status', '=', 'submitted')
		.orderBy('agreement.signed_at')
		.execute()
}

export type ReviewDecision = { intent: 'approve' } | { intent: 'return'; comment: string }
export type ReviewOutcome = 'reviewed' | 'not-submitted'

/**
 * A coordinator approves a submitted agreement (its period starts today, or when the agreement it
 * renews ends) or sends it back with a comment. Every contact of the partner is emailed once:
 * the key names the agreement, the decision and the moment, and the status check lets only one of
 * two coordinators pressing at once through.
 */
export async function reviewAgreement(
	db: DB,
	agreementId: number,
	coordinatorId: number,
	decision: ReviewDecision,
	now = new Date(),
): Promise<ReviewOutcome> {
	const agreement = await getAgreement(db, agreementId)
	if (!agreement || agreement.status !== 'submitted') return 'not-submitted'
	const partner = (await getPartner(db, agreement.partner_id))!
	const today = localToday(now)
	const start = agreement.period_start > today ? agreement.period_start : today
	const end = periodEnd(start)
	const contacts = await partnerContacts(db, partner.id)
	// Rendered before the transaction, once per language, so the write stays short.
	const rendered = new Map<string, RenderedEmail>()
	for (const language of new Set(contacts.map((contact) => contact.language))) {
		const props = {
			language,
			partnerName: partner.name,
			decision: decision.intent === 'approve' ? ('approved' as const) : ('returned' as const),
			comment: decision.intent === 'return' ? decision.comment : null,
			periodStart: start,
			periodEnd: end,
			url: `${config.appUrl}/partners/${partner.slug}/${decision.intent === 'approve' ? 'agreement' : 'sign'}`,
		}
		rendered.set(language, await renderEmail(composeEmail(AgreementReviewedEmail, props, { to: '' })))
	}
	return db.transaction().execute(async (trx) => {
		const result = await trx
			.updateTable('agreement')
			.set({
				status: decision.intent === 'approve' ? 'approved' : 'returned',
				reviewed_by: coordinatorId,
				reviewed_at: now.toISOString(),
				review_comment: decision.intent === 'return' ? decision.comment : null,
				...(decision.intent === 'approve' ? { period_start: start, period_end: end } : {}),
			})
			.where('id', '=', agreementId)
			.where('status', '=', 'submitted')
			.executeTakeFirst()
		if (result.numUpdatedRows === 0n) return 'not-submitted'
		for (const contact of contacts)
			await queueEmail(
				trx,
				{
					...rendered.get(contact.language)!,
					to: contact.email,
					idempotencyKey: `agreement:${agreementId}:${decision.intent}:${now.toISOString()}:person:${contact.id}`,
				},
				now,
			)
		return 'reviewed'
	})
}

export type RenewOutcome = { kind: 'renewed' | 'already-open'; agreementId: number } | { kind: 'nothing-to-renew' }

/**
 * Renewal: a new draft for the period after the newest approved agreement, starting from its
 * commitments and challenges, which the contact reviews and signs again.
 */
export async function renewAgreement(db: DB, partnerId: number, now = new Date()): Promise<RenewOutcome> {
	return db.transaction().execute(async (trx) => {
		const open = await openAgreement(trx, partnerId)
		if (open) return { kind: 'already-open', agreementId: open.id }
		const latest = await trx
			.selectFrom('agreement')
			.selectAll()
			.where('partner_id', '=', partnerId)
			.where('status', '=', 'approved')
			.orderBy('period_end', 'desc')
			.executeTakeFirst()
		if (!latest) return { kind: 'nothing-to-renew' }
		const nextDay = addToLocalDate(latest.period_end, { days: 1 })
		const today = localToday(now)
		const row = await trx
			.insertInto('agreement')
			.values({
				...draftAgreementValues(partnerId, nextDay > today ? nextDay : today, now),
				communication_commitment: latest.communication_commitment,
				education_commitment: latest.education_commitment,
				co2_baseline_year: latest.co2_baseline_year,
				co2_target_2030_percent: latest.co2_target_2030_percent,
				climate_neutral_year: latest.climate_neutral_year,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		const challenges = await trx
			.selectFrom('agreement_challenge')
			.innerJoin('climate_challenge', 'climate_challenge.id', 'agreement_challenge.challenge_id')
			.select('challenge_id')
			.where('agreement_id', '=', latest.id)
			.where('climate_challenge.retired_at', 'is', null)
			.execute()
		if (challenges.length)
			await trx
				.insertInto('agreement_challenge')
				.values(challenges.map((c) => ({ agreement_id: row.id, challenge_id: c.challenge_id })))
				.execute()
		return { kind: 'renewed', agreementId: row.id }
	})
}

/**
 * Whether a partner may renew now: its newest agreement is approved and ends within half a year
 * (or has), or within the renewal notice (AGREEMENT_RENEWAL_NOTICE_DAYS) when that is longer, so
 * the reminder's link always finds the button.
 */
export function mayRenew(agreements: readonly Agreement[], now = new Date()): boolean {
	const newest = agreements[0]
	if (!newest || newest.status !== 'approved') return false
	const today = localToday(now)
	const halfAYear = addToLocalDate(today, { months: 6 })
	const notice = addToLocalDate(today, { days: config.partners.renewalNoticeDays })
	return newest.period_end <= (notice > halfAYear ? notice : halfAYear)
}

/** An agreement as the public page and the print show it, challenges in the reader's language. */
export function agreementView(agreement: AgreementWithChallenges, language: string) {
	return {
		id: agreement.id,
		periodStart: agreement.period_start,
		periodEnd: agreement.period_end,
		communication: agreement.communication_commitment,
		education: agreement.education_commitment,
		target2030Percent: agreement.co2_target_2030_percent,
		baselineYear: agreement.co2_baseline_year,
		climateNeutralYear: agreement.climate_neutral_year,
		signedAt: agreement.signed_at,
		reviewedAt: agreement.reviewed_at,
		challenges: agreement.challenges.map((c) => (language === 'en' ? c.title_en : c.title_sv)),
	}
}

/** A local day (YYYY-MM-DD) in words: "1 december 2026". */
export function formatDay(day: string, language: string): string {
	return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${day}T12:00:00Z`),
	)
}
