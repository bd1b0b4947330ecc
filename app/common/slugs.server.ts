import type { DbHandle } from '#db/index.ts'
import { lockKeys } from '#db/locks.ts'

/**
 * `base` if no row of `table` has that address yet, else the first free one of `base-2`, `base-3`, …
 * Call it in the transaction that inserts the row: on PostgreSQL it holds a lock per table until
 * then, so two rows made at once with one title do not both take the same free address. Per
 * table rather than per base, as `base-2` of one title can be another title's base.
 */
export async function uniqueSlug(db: DbHandle, table: 'event' | 'partner' | 'project', base: string): Promise<string> {
	await lockKeys(db, `slug:${table}`)
	const taken = new Set(
		(
			await db
				.selectFrom(table)
				.select('slug')
				.where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
				.execute()
		).map((row) => row.slug),
	)
	if (!taken.has(base)) return base
	for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}
