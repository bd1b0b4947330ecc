import { sql } from 'kysely'
import { columnsReferencing } from '#db/catalog.ts'
import type { DbHandle } from '#db/index.ts'

/**
 * What the auth area forgets on its own (issue 12; the worker's retention job, app/retention.server.ts):
 * spent codes, expired sessions, and accounts nothing is left of.
 */

/** Sign-in and confirmation codes used, or run out, before `cutoff`: nothing can use them any more. */
export async function purgeSpentCodes(db: DbHandle, cutoff: Date): Promise<number> {
	const at = cutoff.toISOString()
	const result = await db
		.deleteFrom('verification')
		.where((eb) => eb.or([eb('used_at', '<', at), eb('expires_at', '<', at)]))
		.executeTakeFirst()
	return Number(result.numDeletedRows)
}

/** Sessions that ran out before `cutoff` (a session in use is renewed, so it never gets here). */
export async function purgeExpiredSessions(db: DbHandle, cutoff: Date): Promise<number> {
	const result = await db.deleteFrom('session').where('expires_at', '<', cutoff.toISOString()).executeTakeFirst()
	return Number(result.numDeletedRows)
}

/**
 * Rows about a person that signing alone leaves, and that go with the account. Any other table
 * pointing at the user (a role, an RSVP, a proposal, a membership…) means the account is in use.
 */
const SIGNING_LEFTOVERS = new Set(['session', 'signature', 'signature_change', 'consent_log', 'outbox'])

/**
 * Deletes these accounts if nothing but signing's leftovers points at them: after an unconfirmed
 * signature is purged, an address nobody proved should not stay behind with its name. Every
 * table with a foreign key to user is asked, read from the schema, so a table added later counts
 * too. Returns how many were deleted.
 */
export async function deleteLeftoverAccounts(db: DbHandle, userIds: readonly number[]): Promise<number> {
	if (userIds.length === 0) return 0
	const references = await columnsReferencing(db, 'user')
	const inUse = references.filter((ref) => !SIGNING_LEFTOVERS.has(ref.table))
	let deleted = 0
	for (const id of userIds) {
		let used = false
		for (const { table, column } of inUse) {
			const found = await sql`select 1 from ${sql.table(table)} where ${sql.ref(column)} = ${id} limit 1`.execute(db)
			if (found.rows.length > 0) {
				used = true
				break
			}
		}
		if (used) continue
		const result = await db
			.deleteFrom('user')
			.where('id', '=', id)
			.where((eb) => eb.not(eb.exists(eb.selectFrom('signature').select('id').where('user_id', '=', id))))
			.executeTakeFirst()
		deleted += Number(result.numDeletedRows)
	}
	return deleted
}
