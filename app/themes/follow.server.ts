import type { DB } from '#db/index.ts'

/**
 * Following a theme: a signed-in person asks for its news (newsletters aimed at its followers, the
 * theme in their digest). The theme's follower count is kept current in the same transaction, so
 * no page counts followers per request.
 */

export async function isFollowing(db: DB, themeId: number, userId: number): Promise<boolean> {
	const row = await db
		.selectFrom('theme_follow')
		.select('theme_id')
		.where('theme_id', '=', themeId)
		.where('user_id', '=', userId)
		.executeTakeFirst()
	return row !== undefined
}

/** Follows the theme; following twice changes nothing. True when this call started following. */
export async function followTheme(db: DB, themeId: number, userId: number, now = new Date()): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const inserted = await trx
			.insertInto('theme_follow')
			.values({ theme_id: themeId, user_id: userId, created_at: now.toISOString() })
			.onConflict((oc) => oc.columns(['theme_id', 'user_id']).doNothing())
			.executeTakeFirst()
		if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false
		await trx
			.updateTable('theme')
			.set((eb) => ({ follower_count: eb('follower_count', '+', 1) }))
			.where('id', '=', themeId)
			.execute()
		return true
	})
}

/** Stops following; unfollowing a theme one does not follow changes nothing. */
export async function unfollowTheme(db: DB, themeId: number, userId: number): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const deleted = await trx
			.deleteFrom('theme_follow')
			.where('theme_id', '=', themeId)
			.where('user_id', '=', userId)
			.executeTakeFirst()
		if (deleted.numDeletedRows === 0n) return false
		await trx
			.updateTable('theme')
			.set((eb) => ({ follower_count: eb('follower_count', '-', 1) }))
			.where('id', '=', themeId)
			.execute()
		return true
	})
}
