import { describe, expect, test } from 'vitest'
import { sendActionPledgeFollowUps } from '#app/partnership-day/follow-up.server.ts'
import { getDb, type DB } from '#db/index.ts'
import { emptyDatabase } from '#tests/setup/databases.ts'
import { seedPartners } from '#db/seed-partners.ts'
import { seedPartnershipDay } from '#db/seed-partnership-day.ts'

/** The partnership day's demo content (db/seed-partnership-day.ts), on the demo partners. */
const db = getDb()
const now = new Date('2026-11-20T10:00:00Z')

async function seed(handle: DB) {
	await handle
		.insertInto('user')
		.values({ email: 'koordinator@klimatpakt.example', name: 'Karin Koordinator', language: 'sv' })
		.execute()
	await seedPartners(handle, now)
	await seedPartnershipDay(handle, now)
}

async function snapshot(handle: DB) {
	return {
		days: await handle.selectFrom('partnership_day').selectAll().orderBy('id').execute(),
		tags: await handle.selectFrom('partnership_day_tag').selectAll().orderBy('partner_id').orderBy('tag').execute(),
		meetings: await handle.selectFrom('partnership_day_meeting').selectAll().orderBy('id').execute(),
		sitOuts: await handle.selectFrom('partnership_day_sit_out').selectAll().orderBy('round').execute(),
		pledges: await handle.selectFrom('action_pledge').selectAll().orderBy('id').execute(),
	}
}

describe('the demo partnership days', () => {
	test('one three months ago with rounds and answered follow-ups, one ahead with sign-ups and no rounds, and no email', async () => {
		await seed(db)
		const { days, meetings, sitOuts, pledges } = await snapshot(db)
		expect(days).toHaveLength(2)
		const [past, upcoming] = days
		const registered = async (dayId: number) =>
			(await db.selectFrom('partnership_day_registration').select('partner_id').where('day_id', '=', dayId).execute())
				.length
		expect(await registered(past!.id)).toBe(11)
		expect(await registered(upcoming!.id)).toBe(5)
		// Eleven partners: five tables and one sitting out in each of the five rounds.
		expect(meetings.filter((m) => m.day_id === past!.id)).toHaveLength(25)
		expect(new Set(sitOuts.map((s) => s.partner_id)).size).toBe(5)
		expect(meetings.filter((m) => m.day_id === upcoming!.id)).toEqual([])
		// Sign-ups happened before today, and the past day's before its rounds: nothing looks changed since.
		const signUps = await db.selectFrom('partnership_day_registration').select(['day_id', 'updated_at']).execute()
		expect(signUps.every((r) => r.updated_at < now.toISOString())).toBe(true)
		expect(signUps.filter((r) => r.day_id === past!.id).every((r) => r.updated_at < past!.rounds_generated_at!)).toBe(
			true,
		)

		expect(pledges.length).toBeGreaterThanOrEqual(10)
		expect(pledges.every((p) => p.follow_up_sent_at !== null && p.follow_up_sent_at <= now.toISOString())).toBe(true)
		const answers = pledges.map((p) => p.answer)
		for (const answer of ['done', 'in-progress', 'dropped', null]) expect(answers).toContain(answer)

		// The follow-ups count as sent: the worker has nothing to send for the demo.
		expect(await sendActionPledgeFollowUps(db, now)).toBe(0)
		expect(await db.selectFrom('outbox').select('id').execute()).toEqual([])
	})

	test('is deterministic: a second empty database gets the same days, rounds and pledges', async () => {
		const other = await emptyDatabase()
		await seed(other)
		expect(await snapshot(other)).toEqual(await snapshot(db))
		await other.destroy()
	})
})
