import { rememberFor } from '#app/common/cache.server.ts'
import { config } from '#app/config.server.ts'
import { eventsByYear, type EventYear } from '#app/events/figures.server.ts'
import { ladderFunnel } from '#app/ladder/coordinators.server.ts'
import type { LadderStep } from '#app/ladder/rules.ts'
import { readPactCounts } from '#app/pledge/counts.server.ts'
import { proposalFigures, type ProposalFigures } from '#app/proposals/figures.server.ts'
import {
	commitmentFigures,
	signaturesByMonth,
	type CommitmentFigures,
	type SignatureMonth,
} from '#app/pledge/figures.server.ts'
import type { DB } from '#db/index.ts'

/**
 * The pact in numbers: every figure /numbers, /api/numbers and the embedded counter show, asked
 * of the areas that own them. The same object is the API's JSON, so its field names are a promise
 * (README, "The pact in numbers as JSON").
 */

export interface PactNumbers {
	/** When these figures were computed (ISO 8601, UTC). */
	generatedAt: string
	pact: { name: string; city: string; cityNetZeroYear: number }
	signatures: {
		/** Confirmed signatures: residents of the municipality, and people from elsewhere, counted apart. */
		residents: number
		others: number
		total: number
		byMonth: SignatureMonth[]
	}
	events: { byYear: EventYear[] }
	proposals: ProposalFigures
	ladder: {
		/** Confirmed signatories on each step of the engagement ladder. */
		steps: Array<{ step: LadderStep; people: number }>
		/** Active and highly active members (steps 3 and 4). */
		volunteers: number
	}
	commitments: CommitmentFigures
	co2e: {
		/** Estimated savings of the commitments marked started or everyday, per year. */
		tonnesPerYear: number
		/** The pact's goal (PACT_GOAL_TONNES_CO2E), tonnes CO₂e per year. */
		goalTonnesPerYear: number
		/** tonnesPerYear / goalTonnesPerYear, 0–1 or more. */
		shareOfGoal: number
	}
}

/** Computes every figure now, a handful of grouped queries. Prefer pactNumbers, which keeps them a minute. */
export async function computePactNumbers(db: DB, now = new Date()): Promise<PactNumbers> {
	const { timeZone, pact } = config
	const [counts, byMonth, byYear, funnel, commitments, proposals] = await Promise.all([
		readPactCounts(db),
		signaturesByMonth(db, timeZone, now),
		eventsByYear(db, timeZone, now),
		ladderFunnel(db),
		commitmentFigures(db),
		proposalFigures(db),
	])
	const kg = commitments.byCategory.reduce((sum, c) => sum + c.kgCo2ePerYear, 0)
	const tonnes = Math.round(kg / 100) / 10
	return {
		generatedAt: now.toISOString(),
		pact: { name: pact.name, city: pact.city, cityNetZeroYear: pact.cityNetZeroYear },
		signatures: { ...counts, total: counts.residents + counts.others, byMonth },
		events: { byYear },
		proposals,
		ladder: {
			steps: funnel,
			volunteers: funnel.filter((s) => s.step >= 3).reduce((sum, s) => sum + s.people, 0),
		},
		commitments,
		co2e: {
			tonnesPerYear: tonnes,
			goalTonnesPerYear: pact.goalTonnesCo2e,
			shareOfGoal: Math.round((tonnes / pact.goalTonnesCo2e) * 10_000) / 10_000,
		},
	}
}

/**
 * The figures as they were at most a minute ago. /numbers and /api/numbers are public and may be
 * asked often (a municipality's site polling the API); a minute-old count is fine for them, and
 * the home page's live counter stays exact (it reads the kept counts).
 */
export const pactNumbers: (db: DB) => Promise<PactNumbers> = rememberFor(60_000, (db: DB) => computePactNumbers(db))
