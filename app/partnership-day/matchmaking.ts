import { augmentToMaximum } from './perfect-matching.ts'

/**
 * The partnership day's speed-dating rounds, worked out without a database: who meets whom, in
 * which round and at which table. A pair's score is the tags one offers that the other seeks,
 * both ways. The rules, each held by a property test (matchmaking.test.ts):
 *
 * - no pair meets twice;
 * - with an even number of partners everyone has a table in every round (up to n−1 rounds);
 *   with an odd number exactly one sits out per round, and nobody twice (up to n rounds);
 * - the best pairs come first: each round takes the best unused pairs (greedy by score), rounds
 *   are ordered by their total score and tables by their pair's score (table 1 is the best);
 * - the same partners and tags give the same rounds, whatever order they arrive in: ties go to
 *   the lower partner id.
 *
 * Greedy by score can corner itself: after some rounds the unused pairs may no longer seat
 * everyone although another choice earlier would have. A round the greedy leaves short is first
 * repaired with the blossom algorithm (perfect-matching.ts); if no repair exists, the whole plan is
 * made by the circle method (a round-robin that always works), its first round being the greedy
 * best round and the others the best of the round-robin's. With an odd count a "sits out" seat
 * joins as one more partner, so "nobody sits out twice" is "no pair twice" with that seat.
 */

export interface MatchPartner {
	id: number
	offers: readonly string[]
	seeks: readonly string[]
}

export interface Meeting {
	/** 1 is the best pair's table. */
	table: number
	/** The lower partner id of the two. */
	a: number
	b: number
	score: number
	/** Tags a offers that b seeks, and the other way round, sorted. */
	aOffersBSeeks: string[]
	bOffersASeeks: string[]
}

export interface Round {
	/** From 1. */
	round: number
	meetings: Meeting[]
	/** With an odd number of partners, the one without a table this round. */
	sitsOut: number | null
}

/** How many rounds the partners allow before a pair would meet again: n−1 when even, n when odd. */
export function maxRounds(count: number): number {
	if (count < 2) return 0
	return count % 2 === 0 ? count - 1 : count
}

/** What two partners have for each other. */
export function pairMatch(x: MatchPartner, y: MatchPartner): { score: number; xForY: string[]; yForX: string[] } {
	const xForY = overlap(x.offers, y.seeks)
	const yForX = overlap(y.offers, x.seeks)
	return { score: xForY.length + yForX.length, xForY, yForX }
}

function overlap(offers: readonly string[], seeks: readonly string[]): string[] {
	const wanted = new Set(seeks)
	return [...new Set(offers)].filter((tag) => wanted.has(tag)).sort()
}

/** A matching: matching[v] is the vertex v sits with. */
type Matching = number[]

export function planRounds(partners: readonly MatchPartner[], requested: number): Round[] {
	const sorted = [...partners].sort((x, y) => x.id - y.id)
	if (new Set(sorted.map((p) => p.id)).size !== sorted.length) throw new Error('a partner is listed twice')
	const rounds = Math.min(Math.max(0, Math.floor(requested)), maxRounds(sorted.length))
	if (rounds === 0) return []
	const graph = new PairGraph(sorted)
	const plan = greedyPlan(graph, rounds) ?? circlePlan(graph, rounds)
	return plan
		.map((matching) => graph.round(matching))
		.map((round, index) => ({ ...round, index }))
		.sort((x, y) => y.total - x.total || x.index - y.index)
		.map(({ meetings, sitsOut }, index) => ({ round: index + 1, meetings, sitsOut }))
}

/**
 * The partners as vertices 0..n−1 in id order, plus a "sits out" vertex when n is odd, with every
 * pair's score and the pairs in the order the greedy takes them.
 */
class PairGraph {
	readonly size: number
	private readonly scores: number[][]
	/** Every pair, best first; ties by the lower ids, so the order never depends on the input's. */
	readonly pairsBestFirst: Array<[number, number]>

	constructor(private readonly partners: readonly MatchPartner[]) {
		const n = partners.length
		this.size = n % 2 === 0 ? n : n + 1
		// Sitting out scores below any real meeting, so the greedy seats real pairs first.
		this.scores = Array.from({ length: this.size }, (_, i) =>
			Array.from({ length: this.size }, (_, j) =>
				i === j ? 0 : i >= n || j >= n ? -1 : pairMatch(partners[i]!, partners[j]!).score,
			),
		)
		const pairs: Array<[number, number]> = []
		for (let i = 0; i < this.size; i += 1) for (let j = i + 1; j < this.size; j += 1) pairs.push([i, j])
		this.pairsBestFirst = pairs.sort(([a, b], [c, d]) => this.score(c, d) - this.score(a, b) || a - c || b - d)
	}

	score(i: number, j: number): number {
		return this.scores[i]![j]!
	}

	/** Each vertex's neighbours over the unused pairs, best first (ties by id). */
	adjacency(used: ReadonlySet<number>): number[][] {
		return Array.from({ length: this.size }, (_, v) =>
			Array.from({ length: this.size }, (_, u) => u)
				.filter((u) => u !== v && !used.has(this.key(v, u)))
				.sort((x, y) => this.score(v, y) - this.score(v, x) || x - y),
		)
	}

	key(i: number, j: number): number {
		return i < j ? i * this.size + j : j * this.size + i
	}

	round(matching: Matching): { meetings: Meeting[]; sitsOut: number | null; total: number } {
		const n = this.partners.length
		const meetings: Array<Omit<Meeting, 'table'>> = []
		let sitsOut: number | null = null
		for (let v = 0; v < this.size; v += 1) {
			const u = matching[v]!
			if (v >= n) sitsOut = this.partners[u]!.id
			if (u <= v || u >= n) continue
			const match = pairMatch(this.partners[v]!, this.partners[u]!)
			meetings.push({
				a: this.partners[v]!.id,
				b: this.partners[u]!.id,
				score: match.score,
				aOffersBSeeks: match.xForY,
				bOffersASeeks: match.yForX,
			})
		}
		meetings.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)
		return {
			meetings: meetings.map((meeting, i) => ({ table: i + 1, ...meeting })),
			sitsOut,
			total: meetings.reduce((sum, meeting) => sum + meeting.score, 0),
		}
	}
}

/** The best round the unused pairs allow: greedy by score, repaired when it leaves anyone out; null when nothing seats everyone. */
function bestRound(graph: PairGraph, used: ReadonlySet<number>): Matching | null {
	const matching: Matching = new Array<number>(graph.size).fill(-1)
	for (const [i, j] of graph.pairsBestFirst) {
		if (matching[i] !== -1 || matching[j] !== -1 || used.has(graph.key(i, j))) continue
		matching[i] = j
		matching[j] = i
	}
	if (matching.includes(-1)) augmentToMaximum(graph.adjacency(used), matching)
	return matching.includes(-1) ? null : matching
}

function greedyPlan(graph: PairGraph, rounds: number): Matching[] | null {
	const used = new Set<number>()
	const plan: Matching[] = []
	for (let r = 0; r < rounds; r += 1) {
		const matching = bestRound(graph, used)
		if (!matching) return null
		matching.forEach((u, v) => used.add(graph.key(v, u)))
		plan.push(matching)
	}
	return plan
}

/**
 * The circle method: one seat stays, the others turn one place a round, and after size−1 rounds
 * every pair has met once. Seats are given so that its first round is the greedy's best round;
 * the rest of the plan is the round-robin's rounds with the highest totals.
 */
function circlePlan(graph: PairGraph, rounds: number): Matching[] {
	const size = graph.size
	const turning = size - 1
	const first = bestRound(graph, new Set())!
	const seat = new Array<number>(size)
	const firstPairs = first
		.map((u, v) => [v, u] as const)
		.filter(([v, u]) => v < u)
		.sort(([a, b], [c, d]) => graph.score(c, d) - graph.score(a, b) || a - c)
	firstPairs.forEach(([v, u], k) => {
		// Round 0 of the circle pairs the fixed seat with seat 0, and seat k with seat turning−k.
		seat[k === 0 ? turning : k] = v
		seat[k === 0 ? 0 : turning - k] = u
	})
	const circleRounds = Array.from({ length: turning }, (_, r) => {
		const matching: Matching = new Array<number>(size).fill(-1)
		const pair = (x: number, y: number) => {
			matching[seat[x]!] = seat[y]!
			matching[seat[y]!] = seat[x]!
		}
		pair(turning, r)
		for (let k = 1; k < size / 2; k += 1) pair((r + k) % turning, (r - k + turning) % turning)
		const total = matching.reduce((sum, u, v) => sum + (v < u ? Math.max(0, graph.score(v, u)) : 0), 0)
		return { matching, total, r }
	})
	const [head, ...rest] = circleRounds
	const best = rest.sort((x, y) => y.total - x.total || x.r - y.r).slice(0, rounds - 1)
	return [head!, ...best].map((round) => round.matching)
}
