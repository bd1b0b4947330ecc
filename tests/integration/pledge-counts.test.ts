import { describe, expect, test } from 'vitest'
import { countFromRows, readPactCounts, recountPact } from '#app/pledge/counts.server.ts'
import {
	addCommitments,
	confirmSignature,
	dropCommitment,
	getMyPledge,
	signPledge,
	updateDetails,
	withdrawSignature,
} from '#app/pledge/pledge.server.ts'
import { addTestCommitments, keptCounts, recount, signInput } from '#tests/support/pledge.ts'
import { renderRoute, routeArgs } from '#tests/support/routes.ts'
import * as homeRoute from '#app/routes/home.tsx'
import { getDb } from '#db/index.ts'

/**
 * The kept counts (pact_count, commitment.chosen_count) must always equal a full recount. Many
 * mixed changes, in a fixed pseudo-random order, with a comparison after every one.
 */
const db = getDb()

function generator(seed: number) {
	let state = seed
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
		return state / 2_147_483_648
	}
}

describe('the kept counts', () => {
	test('equal a full recount after every one of many mixed changes', async () => {
		const catalogue = await addTestCommitments(db, ['transport', 'food', 'energy', 'consumption', 'engagement', 'food'])
		const random = generator(45)
		const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
		const some = () => catalogue.filter(() => random() < 0.4)
		const people: Array<{ email: string; userId?: number }> = []
		const log: string[] = []

		for (let step = 0; step < 300; step++) {
			const r = random()
			const person = people.length > 0 && r > 0.15 ? pick(people) : null
			if (!person) {
				const input = signInput({
					commitmentIds: some(),
					ownWords: random() < 0.3 ? ['Egen rad'] : [],
					livesInMunicipality: random() < 0.8,
				})
				if (input.commitmentIds.length + input.ownWords.length === 0) input.ownWords.push('Minst en')
				await signPledge(db, input, { language: 'sv' })
				people.push({ email: input.email })
				log.push(`sign ${input.email}`)
			} else {
				const action = pick(['confirm', 'confirm', 'resign', 'add', 'drop', 'move', 'withdraw'] as const)
				const userId = (
					await db.selectFrom('user').select('id').where('email', '=', person.email).executeTakeFirstOrThrow()
				).id
				log.push(`${action} ${person.email}`)
				if (action === 'confirm') await confirmSignature(db, person.email)
				if (action === 'resign') {
					const input = signInput({
						email: person.email,
						commitmentIds: some(),
						ownWords: ['Igen'],
						livesInMunicipality: random() < 0.5,
					})
					await signPledge(db, input, { language: 'sv' })
				}
				if (action === 'add') await addCommitments(db, userId, { commitmentIds: some(), ownWords: [] })
				if (action === 'drop') {
					const pledge = await getMyPledge(db, userId)
					if (pledge?.commitments.length) await dropCommitment(db, userId, pick(pledge.commitments).id)
				}
				if (action === 'move') {
					await updateDetails(db, userId, {
						name: 'Flyttar',
						livesInMunicipality: random() < 0.5,
						district: null,
						showFirstName: false,
						newsletterConsent: false,
					})
				}
				if (action === 'withdraw') await withdrawSignature(db, userId)
			}
			expect(await keptCounts(db), log.slice(-5).join('\n')).toEqual(await recount(db))
		}

		// The run did exercise every state: confirmed residents and others, and withdrawals.
		const statuses = await db.selectFrom('signature').select('status').distinct().execute()
		expect(statuses.map((s) => s.status).sort()).toEqual(['confirmed', 'pending', 'withdrawn'])
		const counts = await readPactCounts(db)
		expect(counts.residents).toBeGreaterThan(0)
		expect(counts.others).toBeGreaterThan(0)
	})

	test('recountPact repairs counts that drifted', async () => {
		const truth = await recount(db)
		await db.updateTable('pact_count').set({ residents: 9999, others: -3 }).execute()
		await db.updateTable('commitment').set({ chosen_count: 77 }).execute()
		expect(await keptCounts(db)).not.toEqual(truth)
		await recountPact(db)
		expect(await keptCounts(db)).toEqual(truth)
		const fromRows = await countFromRows(db)
		expect(fromRows.pact).toEqual(truth.pact)
	})
})

describe('the home page', () => {
	test('reads the kept counts, not the rows, and shows them in the page language', async () => {
		// Counts that no row supports prove the page reads what is kept.
		await db.updateTable('pact_count').set({ residents: 1560, others: 40 }).execute()
		const loaderData = await homeRoute.loader(routeArgs('/'))
		expect(loaderData.counts).toEqual({ residents: 1560, others: 40 })

		const sv = await renderRoute({ Component: homeRoute.default, url: '/', loaderData })
		expect(sv).toContain('1\u00a0560')
		expect(sv).toContain('invånare i Helsingborg har skrivit under')
		expect(sv).toContain('och 40 personer från andra kommuner')
		expect(sv).toContain('href="/sign"')
		expect(sv.match(/<h1/g)).toHaveLength(1)
		const en = await renderRoute({ Component: homeRoute.default, url: '/', loaderData, language: 'en' })
		expect(en).toContain('1,560')
		expect(en).toContain('residents of Helsingborg have signed')
		await recountPact(db)
	})

	test('lists the five commitments chosen most, most first', async () => {
		await db.updateTable('commitment').set({ chosen_count: 0 }).execute()
		const ids = await addTestCommitments(db, [
			'transport',
			'food',
			'energy',
			'consumption',
			'engagement',
			'food',
			'transport',
		])
		const counts = [5, 40, 12, 0, 33, 7, 21]
		for (const [i, id] of ids.entries())
			await db.updateTable('commitment').set({ chosen_count: counts[i]! }).where('id', '=', id).execute()
		const { mostChosen } = await homeRoute.loader(routeArgs('/'))
		expect(mostChosen.map((c) => c.count)).toEqual([40, 33, 21, 12, 7])
		expect(mostChosen[0]!.id).toBe(ids[1])
		await recountPact(db)
	})
})
