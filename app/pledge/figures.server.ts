import { sql } from 'kysely'
import { localMonth } from '#app/common/time.ts'
import type { DbHandle } from '#db/index.ts'
import type { CommitmentCategory } from '#db/schema.ts'
import { commitmentCategories } from './schemas.ts'

/**
 * The pledge's figures for the pact in numbers (app/numbers): signatures month by month,
 * commitments by category, and the estimated CO₂e of commitments people have started. One query
 * each; the numbers area keeps the answer for a minute, so none of these runs per request.
 */

export interface SignatureMonth {
	/** YYYY-MM in the deployment's time zone. */
	month: string
	/** Confirmed in this month (and not withdrawn since). */
	signedResidents: number
	signedOthers: number
	/** Confirmed signatures at the end of the month. */
	totalResidents: number
	totalOthers: number
}

/**
 * Today's confirmed signatures by the month they were confirmed, from the first month to the
 * current one with no gaps. Rows are grouped by the UTC hour in the query, so a few thousand rows
 * at most reach the process however many have signed; each hour lies in one local month (in
 * every time zone whose offset is whole hours, as all of Europe's are).
 */
export async function signaturesByMonth(db: DbHandle, timeZone: string, now = new Date()): Promise<SignatureMonth[]> {
	const hour = sql<string>`substr(confirmed_at, 1, 13)`
	const rows = await db
		.selectFrom('signature')
		.select([hour.as('hour'), 'lives_in_municipality', (eb) => eb.fn.countAll<number>().as('n')])
		.where('status', '=', 'confirmed')
		.where('confirmed_at', 'is not', null)
		.groupBy([hour, 'lives_in_municipality'])
		.execute()
	if (rows.length === 0) return []

	const signed = new Map<string, { residents: number; others: number }>()
	for (const row of rows) {
		const month = localMonth(`${row.hour}:00:00.000Z`, timeZone)
		const entry = signed.get(month) ?? { residents: 0, others: 0 }
		entry[row.lives_in_municipality ? 'residents' : 'others'] += Number(row.n)
		signed.set(month, entry)
	}
	const months = [...signed.keys()].sort()
	const last = [localMonth(now, timeZone), months.at(-1)!].sort().at(-1)!
	const result: SignatureMonth[] = []
	let [totalResidents, totalOthers] = [0, 0]
	for (let month = months[0]!; month <= last; month = nextMonth(month)) {
		const entry = signed.get(month) ?? { residents: 0, others: 0 }
		totalResidents += entry.residents
		totalOthers += entry.others
		result.push({ month, signedResidents: entry.residents, signedOthers: entry.others, totalResidents, totalOthers })
	}
	return result
}

function nextMonth(month: string): string {
	const [y, m] = month.split('-').map(Number) as [number, number]
	return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

export interface CategoryFigures {
	category: CommitmentCategory
	/** Catalogue commitments of this category carried by confirmed signatures (the kept counts). */
	chosen: number
	/** Of these, marked started or part of everyday life. */
	inProgress: number
	/** The catalogue's estimates summed over those in progress, kg CO₂e per year. */
	kgCo2ePerYear: number
}

export interface CommitmentFigures {
	byCategory: CategoryFigures[]
	/** Commitments in the person's own words on confirmed signatures, and how many are in progress. */
	ownWords: { chosen: number; inProgress: number }
	/** Commitments in progress whose estimate is unknown (own words, or no estimate in the catalogue). */
	inProgressWithoutEstimate: number
}

/**
 * Commitments by category, and the estimated CO₂e per year of those marked started or everyday.
 * "Chosen" comes from the kept counts (retired commitments included: people still keep them);
 * what is in progress is summed over the pledges in one grouped query.
 */
export async function commitmentFigures(db: DbHandle): Promise<CommitmentFigures> {
	const [chosenRows, progressRows] = await Promise.all([
		db
			.selectFrom('commitment')
			.select(['category', (eb) => eb.fn.sum<number>('chosen_count').as('chosen')])
			.groupBy('category')
			.execute(),
		db
			.selectFrom('pledge_commitment')
			.innerJoin('signature', 'signature.id', 'pledge_commitment.signature_id')
			.leftJoin('commitment', 'commitment.id', 'pledge_commitment.commitment_id')
			.select((eb) => [
				'commitment.category',
				eb.fn.countAll<number>().as('all'),
				eb.fn
					.countAll<number>()
					.filterWhere('pledge_commitment.progress', 'in', ['started', 'everyday'])
					.as('inProgress'),
				eb.fn
					.countAll<number>()
					.filterWhere((w) =>
						w.and([
							w('pledge_commitment.progress', 'in', ['started', 'everyday']),
							w('commitment.kg_co2e_per_year', 'is', null),
						]),
					)
					.as('withoutEstimate'),
				eb.fn
					.sum<number | null>('commitment.kg_co2e_per_year')
					.filterWhere('pledge_commitment.progress', 'in', ['started', 'everyday'])
					.as('kg'),
			])
			.where('signature.status', '=', 'confirmed')
			.groupBy('commitment.category')
			.execute(),
	])
	const chosen = new Map(chosenRows.map((r) => [r.category, Number(r.chosen ?? 0)]))
	const progress = new Map(progressRows.map((r) => [r.category, r]))
	const own = progress.get(null)
	return {
		byCategory: commitmentCategories.map((category) => ({
			category,
			chosen: chosen.get(category) ?? 0,
			inProgress: Number(progress.get(category)?.inProgress ?? 0),
			kgCo2ePerYear: Number(progress.get(category)?.kg ?? 0),
		})),
		ownWords: { chosen: Number(own?.all ?? 0), inProgress: Number(own?.inProgress ?? 0) },
		inProgressWithoutEstimate: progressRows.reduce((sum, r) => sum + Number(r.withoutEstimate), 0),
	}
}
