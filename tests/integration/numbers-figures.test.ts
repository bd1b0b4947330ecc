import { describe, expect, test } from 'vitest'
import { addWalkIn, checkIn } from '#app/events/check-in.server.ts'
import { cancelEvent } from '#app/events/life-cycle.server.ts'
import { setStepByCoordinator } from '#app/ladder/ladder.server.ts'
import { computePactNumbers } from '#app/numbers/figures.server.ts'
import { getMyPledge, setProgress, signPledge, withdrawSignature } from '#app/pledge/pledge.server.ts'
import { proposalFigures } from '#app/proposals/figures.server.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { signedPerson } from '#tests/support/ladder.ts'
import { addTestCommitments, signInput } from '#tests/support/pledge.ts'
import { getDb } from '#db/index.ts'
import { emptyDatabase } from '#tests/setup/databases.ts'
import type { PledgeProgress } from '#db/schema.ts'

/**
 * The pact in numbers on a small data set whose every figure is known by hand: who signed when
 * (one at 00:30 Stockholm time on 1 October, which is still September in UTC), who withdrew or
 * never confirmed, what each has started, which events were held, planned, cancelled or left as
 * drafts, and who came. The test file has a database of its own, so nothing else is counted.
 */
const db = getDb()
const now = new Date('2026-11-30T12:00:00Z')

async function progress(userId: number, marks: Record<string, PledgeProgress>) {
	const pledge = (await getMyPledge(db, userId))!
	for (const c of pledge.commitments) {
		const mark = marks[c.ownWords ?? String(c.commitmentId)]
		if (mark) await setProgress(db, userId, c.id, mark, now)
	}
}

describe('the pact in numbers', () => {
	test('every figure, computed exactly on known data', async () => {
		const [bike, veg, talk] = (await addTestCommitments(db, ['transport', 'food', 'engagement'])) as [
			number,
			number,
			number,
		]
		await db.updateTable('commitment').set({ kg_co2e_per_year: 450 }).where('id', '=', bike).execute()
		await db.updateTable('commitment').set({ kg_co2e_per_year: 300 }).where('id', '=', veg).execute()
		await db.updateTable('commitment').set({ kg_co2e_per_year: null }).where('id', '=', talk).execute()

		// A: a resident since September; has started cycling and eats vegetarian every day.
		const a = await signedPerson(db, new Date('2026-09-10T10:00:00Z'), { commitmentIds: [bike, veg] })
		await progress(a.userId, { [bike]: 'started', [veg]: 'everyday' })
		// B: a resident, confirmed at 00:30 on 1 October in Stockholm; talking has no estimate.
		const b = await signedPerson(db, new Date('2026-09-30T22:30:00Z'), { commitmentIds: [bike, talk] })
		await progress(b.userId, { [talk]: 'started' })
		// C: from a neighbouring municipality, with a commitment in her own words.
		const c = await signedPerson(db, new Date('2026-10-15T09:00:00Z'), {
			livesInMunicipality: false,
			commitmentIds: [veg],
			ownWords: ['Odla egna grönsaker'],
		})
		await progress(c.userId, { [veg]: 'started', 'Odla egna grönsaker': 'started' })
		// D withdrew and E never confirmed: neither counts, whatever they started.
		const d = await signedPerson(db, new Date('2026-11-02T09:00:00Z'), { commitmentIds: [bike] })
		await progress(d.userId, { [bike]: 'everyday' })
		await withdrawSignature(db, d.userId, new Date('2026-11-20T09:00:00Z'))
		const e = signInput({ commitmentIds: [veg] })
		await signPledge(db, e, { language: 'sv', now })

		const organiser = await makeUser(db, { role: 'organiser' })
		const coordinator = await makeUser(db, { role: 'coordinator' })
		// 2025: one event, A and B and a walk-in came.
		const swap = await makeEvent(db, organiser.id, new Date('2025-06-10T08:00:00Z'))
		await checkIn(db, swap.id, a.userId, organiser.id, new Date('2025-06-10T08:05:00Z'))
		await checkIn(db, swap.id, b.userId, organiser.id, new Date('2025-06-10T08:06:00Z'))
		await addWalkIn(db, swap.id, { name: 'Gäst Gästsson', email: null }, organiser.id, new Date('2025-06-10T08:07:00Z'))
		// 2026: one held (A came), one ahead; one cancelled and one draft that do not count.
		const fika = await makeEvent(db, organiser.id, new Date('2026-03-05T16:00:00Z'))
		await checkIn(db, fika.id, a.userId, organiser.id, new Date('2026-03-05T16:10:00Z'))
		await makeEvent(db, organiser.id, new Date('2026-12-10T16:00:00Z'))
		const cancelled = await makeEvent(db, organiser.id, new Date('2026-04-01T16:00:00Z'))
		await cancelEvent(db, cancelled.id, null, new Date('2026-03-20T10:00:00Z'))
		await makeEvent(db, organiser.id, new Date('2026-05-01T16:00:00Z'), {}, { publish: false })
		// 00:30 on New Year's Day in Stockholm is still 2026 in UTC: it belongs to 2027.
		await makeEvent(db, organiser.id, new Date('2026-12-31T23:30:00Z'))
		// C sits on the board: a coordinator puts her on step 4.
		await setStepByCoordinator(
			db,
			{ userId: c.userId, step: 4, reason: 'Sitter i styrelsen', coordinatorId: coordinator.id },
			now,
			{ notify: false },
		)

		const numbers = await computePactNumbers(db, now)

		expect(numbers.generatedAt).toBe(now.toISOString())
		expect(numbers.signatures).toEqual({
			residents: 2,
			others: 1,
			total: 3,
			byMonth: [
				{ month: '2026-09', signedResidents: 1, signedOthers: 0, totalResidents: 1, totalOthers: 0 },
				{ month: '2026-10', signedResidents: 1, signedOthers: 1, totalResidents: 2, totalOthers: 1 },
				{ month: '2026-11', signedResidents: 0, signedOthers: 0, totalResidents: 2, totalOthers: 1 },
			],
		})
		expect(numbers.events.byYear).toEqual([
			{ year: 2025, held: 1, planned: 0, checkedIn: 3 },
			{ year: 2026, held: 1, planned: 1, checkedIn: 1 },
			{ year: 2027, held: 0, planned: 1, checkedIn: 0 },
		])
		expect(numbers.ladder).toEqual({
			steps: [
				{ step: 1, people: 0 },
				{ step: 2, people: 2 },
				{ step: 3, people: 0 },
				{ step: 4, people: 1 },
			],
			volunteers: 1,
		})
		expect(numbers.commitments).toEqual({
			byCategory: [
				{ category: 'transport', chosen: 2, inProgress: 1, kgCo2ePerYear: 450 },
				{ category: 'food', chosen: 2, inProgress: 2, kgCo2ePerYear: 600 },
				{ category: 'energy', chosen: 0, inProgress: 0, kgCo2ePerYear: 0 },
				{ category: 'consumption', chosen: 0, inProgress: 0, kgCo2ePerYear: 0 },
				{ category: 'engagement', chosen: 1, inProgress: 1, kgCo2ePerYear: 0 },
			],
			ownWords: { chosen: 1, inProgress: 1 },
			inProgressWithoutEstimate: 2,
		})
		// 450 + 300 + 300 kg = 1.05 t, against the default goal of 1,000 t.
		expect(numbers.co2e).toEqual({ tonnesPerYear: 1.1, goalTonnesPerYear: 1000, shareOfGoal: 0.0011 })
		expect(numbers.proposals).toEqual(await proposalFigures(db))
		expect(numbers.pact).toEqual({ name: expect.any(String), city: expect.any(String), cityNetZeroYear: 2030 })
	})

	test('an empty pact has zeros and no months, not errors', async () => {
		const { setDb } = await import('#db/index.ts')
		const empty = await emptyDatabase()
		try {
			setDb(empty)
			const numbers = await computePactNumbers(empty, now)
			expect(numbers.signatures).toEqual({ residents: 0, others: 0, total: 0, byMonth: [] })
			expect(numbers.events.byYear).toEqual([])
			expect(numbers.ladder.volunteers).toBe(0)
			expect(numbers.co2e.tonnesPerYear).toBe(0)
			expect(numbers.proposals.total).toBe(0)
		} finally {
			setDb(db)
			await empty.destroy()
		}
	})
})
