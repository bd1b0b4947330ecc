import { firstName } from '#app/common/names.ts'
import type { DbHandle } from '#db/index.ts'

/**
 * The first names of the newest signatories who chose to show them ("show my first name among
 * those who have signed"), newest first. Never a surname, an address or a district. Read through
 * an index (migration 0010) that gives those rows newest first, so the home page reads `limit`
 * entries however many have signed.
 */
export async function newestShownFirstNames(db: DbHandle, limit = 30): Promise<string[]> {
	const rows = await db
		.selectFrom('signature')
		.innerJoin('user', 'user.id', 'signature.user_id')
		.select('user.name')
		.where('signature.status', '=', 'confirmed')
		.where('signature.show_first_name', '=', 1)
		.orderBy('signature.confirmed_at', 'desc')
		.orderBy('signature.id', 'desc')
		.limit(limit)
		.execute()
	return rows.map((r) => firstName(r.name))
}
