import { createPartnershipDay, dayOfEvent } from '#app/partnership-day/partnership-day.server.ts'
import { saveRegistration } from '#app/partnership-day/registrations.server.ts'
import type { DB } from '#db/index.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { approvedPartner } from '#tests/support/partners-reports.ts'

export { approvedPartner }

/** Test data for the partnership day: a day on an event, partners signed up with their tags. */

export type TestPartner = Awaited<ReturnType<typeof approvedPartner>>

export async function coordinator(db: DB) {
	return makeUser(db, { role: 'coordinator', name: 'Karin Koordinator' })
}

/** A published event `daysAhead` from now (negative: in the past), made a partnership day by a coordinator. */
export async function partnershipDay(db: DB, { daysAhead = 14 }: { daysAhead?: number } = {}) {
	const boss = await coordinator(db)
	const startsAt = new Date(Date.now() + daysAhead * 86_400_000)
	const event = await makeEvent(db, boss.id, startsAt, { title: 'Partnerskapsdag', type: 'other' })
	await createPartnershipDay(db, event.id, boss.id, new Date(startsAt.getTime() - 30 * 86_400_000))
	const found = (await dayOfEvent(db, event.id))!
	return {
		...found,
		coordinator: boss,
		path: `/partnership-day/${event.id}`,
		adminPath: `/admin/partnership-days/${event.id}`,
	}
}

export type TestDay = Awaited<ReturnType<typeof partnershipDay>>

/** A partner signed up by its own person, as the form would. */
export async function signedUp(db: DB, day: TestDay, partner: TestPartner, offers: string[], seeks: string[]) {
	await saveRegistration(db, day.day.id, partner.person.id, { partnerId: partner.id, offers, seeks })
}

/** The outbox rows of the follow-up job about one day. */
export async function followUpMails(db: DB, dayId: number) {
	return db
		.selectFrom('outbox')
		.select(['to_address', 'subject', 'text', 'idempotency_key'])
		.where('idempotency_key', 'like', `action-pledge-follow-up:${dayId}:%`)
		.orderBy('id')
		.execute()
}

/** Earlier tests' pledges in the same database are marked followed up, so a run's count is this test's own. */
export async function settleEarlierFollowUps(db: DB) {
	await db
		.updateTable('action_pledge')
		.set({ follow_up_sent_at: new Date(0).toISOString() })
		.where('follow_up_sent_at', 'is', null)
		.execute()
}
