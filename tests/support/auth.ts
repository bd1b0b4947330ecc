import type { DB } from '#db/index.ts'

/** Test data for signing in and confirming: what the last verification email to an address holds. */

/** The six-digit code and the link's token in the newest message to this address (sign-in or confirmation). */
export async function mailedVerification(db: DB, email: string): Promise<{ code: string; token: string }> {
	const message = await db
		.selectFrom('outbox')
		.select('text')
		.where('to_address', '=', email)
		.orderBy('id', 'desc')
		.executeTakeFirstOrThrow()
	return { code: message.text.match(/\b(\d{6})\b/)![1]!, token: message.text.match(/\/verify\?token=([a-z0-9]+)/)![1]! }
}
