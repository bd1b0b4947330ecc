import type { DB } from '#db/index.ts'

export type Transport = unknown
export function transportFromConfig(): Transport {
	return null
}
export async function deliverDueEmails(_db: DB, _transport: Transport): Promise<void> {}
