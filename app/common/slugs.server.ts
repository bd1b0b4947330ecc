import type { DbHandle } from '#db/index.ts'

/** `base` if no row of `table` has that address yet, else the first free one of `base-2`, `base-3`, … */
export async function uniqueSlug(db: DbHandle, table: 'event' | 'partner' | 'project', base: string): Promise<string> {
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
