import { afterEach, describe, expect, test } from 'vitest'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { rsvp } from '#app/events/rsvp.server.ts'
import { digestPeriod, sendDigests } from '#app/newsletters/digest.server.ts'
import { addSignatories } from '#tests/support/newsletters.ts'
import { getDb } from '#db/index.ts'

const db = getDb()
// Monday 2 June 2025, 09:00 in Stockholm.
const monday = new Date('2025-06-02T07:00:00.000Z')
const DAY = 86_400_000

afterEach(async () => {
	for (const table of ['outbox', 'digest', 'event_rsvp', 'event', 'signature', 'user_role', 'user'] as const)
		await db.deleteFrom(table).execute()
})

const digestMails = () =>
	db
		.selectFrom('outbox')
		.select(['to_address', 'idempotency_key', 'text', 'headers'])
		.where('idempotency_key', 'like', 'digest-%')
		.execute()

describe('digest periods', () => {
	test('ISO weeks and months in Stockholm time, sent from 07:00 local', () => {
		expect(digestPeriod('weekly', monday).key).toBe('2025-W23')
		expect(digestPeriod('weekly', new Date('2025-06-01T21:59:00.000Z')).key).toBe('2025-W22') // Sunday 23:59 local
		expect(digestPeriod('weekly', new Date('2024-12-30T12:00:00.000Z')).key).toBe('2025-W01')
		expect(digestPeriod('monthly', new Date('2025-05-31T22:30:00.000Z')).key).toBe('2025-06') // 00:30 on 1 June local
		expect(digestPeriod('weekly', monday).sendFrom.toISOString()).toBe('2025-06-02T05:00:00.000Z')
	})
})

describe('sending digests', () => {
	test('one per person and period however often the job runs; nothing new, no email; off means off', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(
			db,
			organiser.id,
			new Date(monday.getTime() + 3 * DAY),
			{ title: 'Klimatfika i Tågaborg' },
			{ now: new Date(monday.getTime() - 2 * DAY) },
		)
		const [going, curious, quiet] = await addSignatories(db, 3)
		await db
			.updateTable('user')
			.set({ digest_frequency: 'weekly' })
			.where('id', 'in', [going!.id, curious!.id])
			.execute()
		await rsvp(db, event.id, going!.id, new Date(monday.getTime() - DAY))
		const [off] = await addSignatories(db, 1)
		await db.updateTable('user').set({ digest_frequency: 'off' }).where('id', '=', off!.id).execute()
		// An old event published long ago is not news for someone with no RSVPs.
		await db
			.updateTable('event')
			.set({ published_at: new Date(monday.getTime() - 60 * DAY).toISOString() })
			.where('id', '=', event.id)
			.execute()

		const first = await sendDigests(db, { now: monday })
		// going: their RSVP; curious (weekly) and quiet (monthly): nothing new; off: nothing at all.
		expect(first).toEqual({ queued: 1, skipped: 2 })
		const again = await sendDigests(db, { now: new Date(monday.getTime() + 60_000) })
		expect(again).toEqual({ queued: 0, skipped: 0 })

		const mails = await digestMails()
		expect(mails.map((m) => m.to_address)).toEqual([going!.email])
		expect(mails[0]!.idempotency_key).toBe(`digest-${going!.id}-2025-W23`)
		expect(mails[0]!.text).toContain('Klimatfika i Tågaborg')
		expect(JSON.parse(mails[0]!.headers)['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
		expect(await db.selectFrom('digest').select('user_id').where('user_id', '=', off!.id).execute()).toEqual([])
		expect(
			(await db.selectFrom('digest').select('outcome').where('user_id', '=', quiet!.id).executeTakeFirstOrThrow())
				.outcome,
		).toBe('skipped')
	})

	test('two runs at once still send one digest each', async () => {
		const organiser = await makeUser(db, { role: 'organiser' })
		const event = await makeEvent(
			db,
			organiser.id,
			new Date(monday.getTime() + 10 * DAY),
			{},
			{ now: new Date(monday.getTime() - DAY) },
		)
		const people = await addSignatories(db, 20)
		for (const person of people) await rsvp(db, event.id, person.id, new Date(monday.getTime() - DAY))
		const firstOfJune = new Date('2025-06-01T06:00:00.000Z')
		const [a, b] = await Promise.all([sendDigests(db, { now: firstOfJune }), sendDigests(db, { now: firstOfJune })])
		expect(a.queued + b.queued).toBe(20)
		const keys = (await digestMails()).map((m) => m.idempotency_key)
		expect(new Set(keys).size).toBe(20)
		expect(keys).toHaveLength(20)
	})

	test('nothing is sent before the period has begun at 07:00, nor after its first days', async () => {
		await addSignatories(db, 2)
		expect(await sendDigests(db, { now: new Date('2025-06-01T04:59:00.000Z') })).toEqual({ queued: 0, skipped: 0 })
		expect(await sendDigests(db, { now: new Date('2025-06-04T00:00:00.000Z') })).toEqual({ queued: 0, skipped: 0 })
		expect(await sendDigests(db, { now: new Date('2025-06-03T21:59:00.000Z') })).toEqual({ queued: 0, skipped: 2 })
	})
})
