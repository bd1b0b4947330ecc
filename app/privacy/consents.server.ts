import type { DbHandle } from '#db/index.ts'
import type { ConsentKind } from '#db/schema.ts'

/**
 * A person's consent history: what they agreed to and when, newest first. Triggers on the
 * signature and user tables write it (db/migrations/0018_privacy.ts), so it starts with that
 * migration; what happened before is only known as the current state on the signature.
 */
export interface ConsentEntry {
	kind: ConsentKind
	detail: string | null
	at: string
}

export async function consentHistory(db: DbHandle, userId: number): Promise<ConsentEntry[]> {
	return db
		.selectFrom('consent_log')
		.select(['kind', 'detail', 'at'])
		.where('user_id', '=', userId)
		.orderBy('at', 'desc')
		.orderBy('id', 'desc')
		.execute()
}
