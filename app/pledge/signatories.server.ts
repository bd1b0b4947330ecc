import type { DbHandle } from '#db/index.ts'

/**
 * Who counts as a signatory for the rest of the app: a person whose signature is confirmed (not
 * pending, not withdrawn). Other areas ask here rather than read the signature table.
 */
export async function isSignatory(db: DbHandle, userId: number): Promise<boolean> {
	const row = await db
		.selectFrom('signature')
		.select('id')
		.where('user_id', '=', userId)
		.where('status', '=', 'confirmed')
		.executeTakeFirst()
	return row !== undefined
}
