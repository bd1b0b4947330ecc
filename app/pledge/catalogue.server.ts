import type { DB } from '#db/index.ts'
import type { Commitment, CommitmentCategory } from '#db/schema.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import type { OfferedCommitment } from './components.tsx'
import { commitmentCategories, type CommitmentInput } from './schemas.ts'

/**
 * The coordinators' commitment catalogue. A retired commitment is no longer offered to people who
 * sign, but it stays on (and still shows on) the pledges that chose it.
 */

export type CatalogueEntry = Pick<
	Commitment,
	'id' | 'category' | 'title_sv' | 'title_en' | 'kg_co2e_per_year' | 'source' | 'chosen_count' | 'retired_at'
>

const columns = [
	'id',
	'category',
	'title_sv',
	'title_en',
	'kg_co2e_per_year',
	'source',
	'chosen_count',
	'retired_at',
] as const

function byCategory(a: CatalogueEntry, b: CatalogueEntry): number {
	return commitmentCategories.indexOf(a.category) - commitmentCategories.indexOf(b.category)
}

/** The whole catalogue in category order (retired ones too, for coordinators). */
export async function listCatalogue(db: DB): Promise<CatalogueEntry[]> {
	const rows = await db.selectFrom('commitment').select(columns).orderBy('sort_order').orderBy('id').execute()
	return rows.sort(byCategory)
}

/** What the sign form offers: every commitment that is not retired, in category order. */
export async function offeredCommitments(db: DB): Promise<CatalogueEntry[]> {
	const rows = await db
		.selectFrom('commitment')
		.select(columns)
		.where('retired_at', 'is', null)
		.orderBy('sort_order')
		.orderBy('id')
		.execute()
	return rows.sort(byCategory)
}

/** An offered commitment as the sign and my-pledge forms show it: titled in the page's language. */
export function toOffered(entry: CatalogueEntry, language: SupportedLanguage): OfferedCommitment {
	return {
		id: entry.id,
		category: entry.category,
		title: language === 'en' ? entry.title_en : entry.title_sv,
		kgCo2ePerYear: entry.kg_co2e_per_year,
		source: entry.source,
	}
}

export async function offeredCommitmentIds(db: DB): Promise<Set<number>> {
	const rows = await db.selectFrom('commitment').select('id').where('retired_at', 'is', null).execute()
	return new Set(rows.map((row) => row.id))
}

/** The home page's "chosen most": read from the kept counts, never counted per request. */
export async function mostChosenCommitments(db: DB, limit = 5): Promise<CatalogueEntry[]> {
	return db
		.selectFrom('commitment')
		.select(columns)
		.where('retired_at', 'is', null)
		.where('chosen_count', '>', 0)
		.orderBy('chosen_count', 'desc')
		.orderBy('id')
		.limit(limit)
		.execute()
}

export function groupByCategory<T extends { category: CommitmentCategory }>(
	entries: T[],
): Array<{ category: CommitmentCategory; entries: T[] }> {
	return commitmentCategories
		.map((category) => ({ category, entries: entries.filter((entry) => entry.category === category) }))
		.filter((group) => group.entries.length > 0)
}

export async function getCommitment(db: DB, id: number): Promise<CatalogueEntry | undefined> {
	return db.selectFrom('commitment').select(columns).where('id', '=', id).executeTakeFirst()
}

function toRow(input: CommitmentInput) {
	return {
		category: input.category,
		title_sv: input.titleSv,
		title_en: input.titleEn,
		kg_co2e_per_year: input.kgCo2ePerYear,
		source: input.source,
	}
}

export async function createCommitment(db: DB, input: CommitmentInput, now = new Date()): Promise<number> {
	// New entries go last in their category.
	const last = await db
		.selectFrom('commitment')
		.select((eb) => eb.fn.max('sort_order').as('max'))
		.where('category', '=', input.category)
		.executeTakeFirst()
	const row = await db
		.insertInto('commitment')
		.values({
			...toRow(input),
			sort_order: Number(last?.max ?? 0) + 1,
			created_at: now.toISOString(),
			retired_at: null,
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return row.id
}

export async function updateCommitment(db: DB, id: number, input: CommitmentInput): Promise<boolean> {
	const result = await db.updateTable('commitment').set(toRow(input)).where('id', '=', id).executeTakeFirst()
	return result.numUpdatedRows > 0n
}

export async function retireCommitment(db: DB, id: number, now = new Date()): Promise<boolean> {
	const result = await db
		.updateTable('commitment')
		.set({ retired_at: now.toISOString() })
		.where('id', '=', id)
		.where('retired_at', 'is', null)
		.executeTakeFirst()
	return result.numUpdatedRows > 0n
}

export async function reinstateCommitment(db: DB, id: number): Promise<boolean> {
	const result = await db.updateTable('commitment').set({ retired_at: null }).where('id', '=', id).executeTakeFirst()
	return result.numUpdatedRows > 0n
}
