import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { maxRounds, planRounds, type MatchPartner, type Round } from './matchmaking.ts'
import { augmentToMaximum } from './perfect-matching.ts'

/**
 * Properties of the speed-dating rounds over random partners (0–40) and tags: each would fail on
 * a real mistake (a pair meeting twice, someone left standing, a round that depends on the order
 * partners signed up in, a score that counts the wrong tags).
 */

const vocabulary = ['solceller', 'cykelpool', 'matsvinn', 'praktikplatser', 'återbruk', 'biogas', 'lokaler', 'kompost']
const tags = fc.subarray(vocabulary)
const partnersArb = fc
	.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { maxLength: 40 })
	.chain((ids) => fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), offers: tags, seeks: tags }))))
	.map((list): MatchPartner[] => list)
const roundsArb = fc.integer({ min: 0, max: 45 })

/** The score by its definition, apart from the module's own code. */
function score(x: MatchPartner, y: MatchPartner): number {
	return x.offers.filter((tag) => y.seeks.includes(tag)).length + y.offers.filter((tag) => x.seeks.includes(tag)).length
}

const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`)
const seated = (round: Round) => round.meetings.flatMap((m) => [m.a, m.b])
const total = (round: Round) => round.meetings.reduce((sum, m) => sum + m.score, 0)

describe('speed-dating rounds', () => {
	test('no pair meets twice, everyone is seated when the count allows, and one sits out (once) when it is odd', () => {
		fc.assert(
			fc.property(partnersArb, roundsArb, (partners, requested) => {
				const n = partners.length
				const rounds = planRounds(partners, requested)
				expect(rounds).toHaveLength(Math.min(requested, maxRounds(n)))
				const met = new Set<string>()
				const satOut: number[] = []
				for (const round of rounds) {
					const here = [...seated(round), ...(round.sitsOut === null ? [] : [round.sitsOut])]
					// Every partner once per round: at a table or sitting out.
					expect([...here].sort((x, y) => x - y)).toEqual(partners.map((p) => p.id).sort((x, y) => x - y))
					for (const m of round.meetings) {
						expect(met.has(pairKey(m.a, m.b)), `pair ${m.a}–${m.b} met twice`).toBe(false)
						met.add(pairKey(m.a, m.b))
					}
					expect(round.meetings).toHaveLength(Math.floor(n / 2))
					expect(round.sitsOut === null).toBe(n % 2 === 0)
					if (round.sitsOut !== null) satOut.push(round.sitsOut)
				}
				expect(new Set(satOut).size, 'someone sat out twice').toBe(satOut.length)
			}),
			{ numRuns: 150 },
		)
	})

	test('tables are numbered 1..k, best pair first, and rounds come best first', () => {
		fc.assert(
			fc.property(partnersArb, roundsArb, (partners, requested) => {
				const rounds = planRounds(partners, requested)
				rounds.forEach((round, index) => {
					expect(round.round).toBe(index + 1)
					expect(round.meetings.map((m) => m.table)).toEqual(round.meetings.map((_, i) => i + 1))
					for (let i = 1; i < round.meetings.length; i += 1)
						expect(round.meetings[i - 1]!.score).toBeGreaterThanOrEqual(round.meetings[i]!.score)
					if (index > 0) expect(total(rounds[index - 1]!)).toBeGreaterThanOrEqual(total(round))
				})
			}),
		)
	})

	test('a pair’s score and matched tags are what one offers and the other seeks', () => {
		fc.assert(
			fc.property(partnersArb, roundsArb, (partners, requested) => {
				const byId = new Map(partners.map((p) => [p.id, p]))
				for (const m of planRounds(partners, requested).flatMap((round) => round.meetings)) {
					const [a, b] = [byId.get(m.a)!, byId.get(m.b)!]
					expect(m.a).toBeLessThan(m.b)
					expect(m.score).toBe(score(a, b))
					expect(m.aOffersBSeeks).toEqual(a.offers.filter((tag) => b.seeks.includes(tag)).sort())
					expect(m.bOffersASeeks).toEqual(b.offers.filter((tag) => a.seeks.includes(tag)).sort())
				}
			}),
		)
	})

	test('the same partners give the same rounds, in whatever order they and their tags arrive', () => {
		fc.assert(
			fc.property(partnersArb, roundsArb, fc.integer(), (partners, requested, seed) => {
				const shuffled = shuffle(
					partners.map((p) => ({ ...p, offers: shuffle([...p.offers], seed), seeks: shuffle([...p.seeks], seed + 1) })),
					seed,
				)
				const first = planRounds(partners, requested)
				expect(planRounds(partners, requested)).toEqual(first)
				expect(planRounds(shuffled, requested)).toEqual(first)
			}),
			{ numRuns: 80 },
		)
	})

	test('the best pair of all meets, in the first round when there is one round', () => {
		fc.assert(
			fc.property(
				partnersArb.filter((p) => p.length >= 2),
				fc.integer({ min: 1, max: 45 }),
				(partners, requested) => {
					let best = -1
					for (const x of partners) for (const y of partners) if (x.id < y.id) best = Math.max(best, score(x, y))
					const rounds = planRounds(partners, requested)
					expect(Math.max(...rounds.flatMap((round) => round.meetings.map((m) => m.score)))).toBe(best)
					expect(planRounds(partners, 1)[0]!.meetings[0]!.score).toBe(best)
				},
			),
		)
	})

	test('a full round-robin seats everyone every round even where the greedy choice would corner itself', () => {
		// Tags that make the best pairs cluster, the shape that strands the greedy late in a round-robin.
		for (const n of [6, 8, 10, 14, 20, 40]) {
			const partners = Array.from({ length: n }, (_, i) => ({
				id: i + 1,
				offers: [vocabulary[i % 3]!, vocabulary[(i * 5) % 8]!],
				seeks: [vocabulary[(i + 1) % 3]!],
			}))
			const rounds = planRounds(partners, n - 1)
			expect(rounds).toHaveLength(n - 1)
			expect(new Set(rounds.flatMap((round) => round.meetings.map((m) => pairKey(m.a, m.b)))).size).toBe(
				(n * (n - 1)) / 2,
			)
		}
	})

	test('the cap is n−1 rounds for an even count and n for an odd one; fewer than two partners have none', () => {
		expect([0, 1, 2, 3, 4, 11, 12].map(maxRounds)).toEqual([0, 0, 1, 3, 3, 11, 11])
		expect(planRounds([{ id: 1, offers: ['solceller'], seeks: [] }], 3)).toEqual([])
		const three = [1, 2, 3].map((id) => ({ id, offers: [], seeks: [] }))
		expect(planRounds(three, 10)).toHaveLength(3)
	})

	test('an example: the bakery meets the solar company first, at table 1', () => {
		const rounds = planRounds(
			[
				{ id: 1, offers: ['lådcykel'], seeks: ['solceller'] },
				{ id: 2, offers: ['solceller'], seeks: ['lådcykel', 'praktikplatser'] },
				{ id: 3, offers: ['praktikplatser'], seeks: [] },
				{ id: 4, offers: [], seeks: ['praktikplatser'] },
			],
			2,
		)
		expect(rounds[0]).toEqual({
			round: 1,
			sitsOut: null,
			meetings: [
				{ table: 1, a: 1, b: 2, score: 2, aOffersBSeeks: ['lådcykel'], bOffersASeeks: ['solceller'] },
				{ table: 2, a: 3, b: 4, score: 1, aOffersBSeeks: ['praktikplatser'], bOffersASeeks: [] },
			],
		})
		expect(rounds[1]!.meetings.map((m) => [m.a, m.b, m.score])).toEqual([
			[2, 3, 1],
			[1, 4, 0],
		])
	})
})

describe('the blossom repair', () => {
	test('finds a maximum matching in any small graph', () => {
		const graphArb = fc
			.integer({ min: 0, max: 10 })
			.chain((size) =>
				fc.tuple(
					fc.constant(size),
					fc.array(fc.boolean(), { minLength: (size * (size - 1)) / 2, maxLength: (size * (size - 1)) / 2 }),
				),
			)
		fc.assert(
			fc.property(graphArb, ([size, present]) => {
				const adjacency: number[][] = Array.from({ length: size }, () => [])
				let k = 0
				for (let i = 0; i < size; i += 1)
					for (let j = i + 1; j < size; j += 1)
						if (present[k++]) {
							adjacency[i]!.push(j)
							adjacency[j]!.push(i)
						}
				const match = new Array<number>(size).fill(-1)
				augmentToMaximum(adjacency, match)
				match.forEach((u, v) => {
					if (u === -1) return
					expect(match[u]).toBe(v)
					expect(adjacency[v]).toContain(u)
				})
				expect(match.filter((u) => u !== -1).length / 2).toBe(bruteForceMaximum(adjacency, new Set()))
			}),
			{ numRuns: 300 },
		)
	})
})

/** The largest matching by trying everything: the lowest free vertex either sits out or takes a neighbour. */
function bruteForceMaximum(adjacency: number[][], taken: Set<number>): number {
	const v = adjacency.findIndex((_, i) => !taken.has(i))
	if (v === -1) return 0
	const without = new Set(taken).add(v)
	let best = bruteForceMaximum(adjacency, without)
	for (const u of adjacency[v]!) {
		if (taken.has(u)) continue
		best = Math.max(best, 1 + bruteForceMaximum(adjacency, new Set(without).add(u)))
	}
	return best
}

/** A deterministic shuffle (the test's own, so a failing case replays). */
function shuffle<T>(items: T[], seed: number): T[] {
	let x = (seed >>> 0) + 1
	for (let i = items.length - 1; i > 0; i -= 1) {
		x = (x * 1_103_515_245 + 12_345) % 2_147_483_648
		const j = x % (i + 1)
		;[items[i], items[j]] = [items[j]!, items[i]!]
	}
	return items
}
