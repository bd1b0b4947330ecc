import { afterEach, describe, expect, test } from 'vitest'
import { addToLocalDate, utcToLocal } from '#app/common/time.ts'
import { renewAgreement, shownStatus } from '#app/partners/agreements.server.ts'
import { approvedPartners } from '#app/partners/partners.server.ts'
import { sendRenewalReminders } from '#app/partners/renewals.server.ts'
import * as manage from '#app/routes/partners-manage.tsx'
import { getDb } from '#db/index.ts'
import { makeUser } from '#tests/support/events.ts'
import { partnerWith } from '#tests/support/network-meetings.ts'
import { callLoader, cookieFor } from '#tests/support/routes.ts'

/** Agreements that end: one reminder per agreement to renew it, and what an expired one looks like. */
const db = getDb()
const now = new Date('2026-10-01T08:00:00Z')

afterEach(async () => {
	for (const table of ['outbox', 'agreement_renewal_reminder', 'agreement', 'partner_member', 'partner'] as const)
		await db.deleteFrom(table).execute()
})

async function remindersTo(email: string) {
	return db
		.selectFrom('outbox')
		.select(['subject', 'text'])
		.where('to_address', '=', email)
		.where('idempotency_key', 'like', 'agreement-renewal:%')
		.execute()
}

/** A partner whose agreement in force ends on `periodEnd` (after three years). */
function endingOn(periodEnd: string, options: { name?: string; language?: 'sv' | 'en' } = {}) {
	return partnerWith(db, { periodStart: addToLocalDate(periodEnd, { months: -36, days: 1 }), periodEnd, ...options })
}

async function addPerson(partnerId: number, role: 'contact' | 'reporter', language: 'sv' | 'en' = 'sv') {
	const person = await makeUser(db, { language })
	await db.insertInto('partner_member').values({ partner_id: partnerId, user_id: person.id, role }).execute()
	return person
}

describe('renewal reminders', () => {
	test('each contact is asked once, in their language, with the way to renew; the job may run again and again', async () => {
		const partner = await endingOn('2026-11-15', { name: 'Bageriet Kärnan' })
		const english = await addPerson(partner.id, 'contact', 'en')
		const reporter = await addPerson(partner.id, 'reporter')

		expect(await sendRenewalReminders(db, now)).toBe(1)
		expect(await sendRenewalReminders(db, now)).toBe(0)
		expect(await sendRenewalReminders(db, new Date('2026-11-10T08:00:00Z'))).toBe(0)

		const swedish = await remindersTo(partner.person.email)
		expect(swedish.map((m) => m.subject)).toEqual(['Dags att förnya partnerskapsavtalet för Bageriet Kärnan'])
		expect(swedish[0]!.text).toContain('15 november 2026')
		expect(swedish[0]!.text).toContain(`/partners/${partner.slug}/manage`)
		expect((await remindersTo(english.email)).map((m) => m.subject)).toEqual([
			'Time to renew the partnership agreement for Bageriet Kärnan',
		])
		expect(await remindersTo(reporter.email)).toEqual([])
	})

	test('two runs at the same moment still send one email to each contact', async () => {
		const partner = await endingOn('2026-10-20')
		const second = await addPerson(partner.id, 'contact')
		const runs = await Promise.all([sendRenewalReminders(db, now), sendRenewalReminders(db, now)])
		expect(runs.sort()).toEqual([0, 1])
		expect(await remindersTo(partner.person.email)).toHaveLength(1)
		expect(await remindersTo(second.email)).toHaveLength(1)
		expect(await db.selectFrom('agreement_renewal_reminder').selectAll().execute()).toHaveLength(1)
	})

	test('only within the notice (AGREEMENT_RENEWAL_NOTICE_DAYS, 60 by default)', async () => {
		const partner = await endingOn('2026-12-15')
		expect(await sendRenewalReminders(db, now)).toBe(0)
		expect(await sendRenewalReminders(db, new Date('2026-10-16T08:00:00Z'))).toBe(1)
		expect(await remindersTo(partner.person.email)).toHaveLength(1)
	})

	test('not to a partner that has sent in or been approved for the next period; a draft alone still gets one', async () => {
		const submitted = await endingOn('2026-11-01')
		const approved = await endingOn('2026-11-01')
		const drafted = await endingOn('2026-11-01')
		for (const [partner, status] of [
			[submitted, 'submitted'],
			[approved, 'approved'],
			[drafted, 'draft'],
		] as const)
			await db
				.insertInto('agreement')
				.values({
					partner_id: partner.id,
					status,
					period_start: '2026-11-02',
					period_end: '2029-11-01',
					created_at: now.toISOString(),
				})
				.execute()
		expect(await sendRenewalReminders(db, now)).toBe(1)
		expect(await remindersTo(submitted.person.email)).toEqual([])
		expect(await remindersTo(approved.person.email)).toEqual([])
		expect(await remindersTo(drafted.person.email)).toHaveLength(1)
	})

	test('a renewed agreement earns its own reminder when its time comes', async () => {
		const partner = await endingOn('2026-11-01')
		await sendRenewalReminders(db, now)
		await db
			.insertInto('agreement')
			.values({
				partner_id: partner.id,
				status: 'approved',
				period_start: '2026-11-02',
				period_end: '2029-11-01',
				created_at: now.toISOString(),
			})
			.execute()
		expect(await sendRenewalReminders(db, new Date('2029-10-01T08:00:00Z'))).toBe(1)
		expect(await remindersTo(partner.person.email)).toHaveLength(2)
	})
})

describe('an agreement past its last day', () => {
	test('shows as expired, leaves the directory, gets no reminder, and can be renewed', async () => {
		const today = utcToLocal(new Date(), 'Europe/Stockholm').date
		const partner = await endingOn(addToLocalDate(today, { days: -1 }), { name: 'Cykelverkstan' })
		const row = await db
			.selectFrom('agreement')
			.selectAll()
			.where('id', '=', partner.agreementId)
			.executeTakeFirstOrThrow()

		expect(shownStatus(row)).toBe('expired')
		expect((await approvedPartners(db)).map((p) => p.id)).not.toContain(partner.id)
		expect(await sendRenewalReminders(db)).toBe(0)
		const page = await callLoader(manage, `/partners/${partner.slug}/manage`, {
			params: { slug: partner.slug },
			cookie: await cookieFor(partner.person.id),
		})
		expect(page.data.agreements).toEqual([expect.objectContaining({ id: partner.agreementId, status: 'expired' })])
		expect(page.data.mayRenew).toBe(true)
		expect(await renewAgreement(db, partner.id)).toMatchObject({ kind: 'renewed' })
		// The period says it has expired; the stored review status is left as it was (shownStatus says why).
		expect(
			(
				await db
					.selectFrom('agreement')
					.select('status')
					.where('id', '=', partner.agreementId)
					.executeTakeFirstOrThrow()
			).status,
		).toBe('approved')
	})
})
