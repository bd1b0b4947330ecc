import type { DB } from './index.ts'

/** Placeholder: replaced by the pledge area's demo content. */
export async function seedIfEmpty(_db: DB): Promise<boolean> {
	return false
}
