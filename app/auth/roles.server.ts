import type { DB } from '#db/index.ts'
import type { RoleName } from '#db/schema.ts'
import { findUserByEmail } from './sign-in.server.ts'

export const roleNames = ['resident', 'organiser', 'coordinator'] as const satisfies readonly RoleName[]

export function isRoleName(value: unknown): value is RoleName {
	return roleNames.includes(value as RoleName)
}

export type GrantRoleResult =
	{ ok: true; userId: number; alreadyHad: boolean } | { ok: false; reason: 'unknown-user' | 'unknown-role' }

/**
 * Gives a person a role (what `npm run user:role -- <email> <role>` does). Granting a role the
 * person already has changes nothing, so the command is safe to repeat.
 */
export async function grantRole(db: DB, email: string, role: string, now = new Date()): Promise<GrantRoleResult> {
	if (!isRoleName(role)) return { ok: false, reason: 'unknown-role' }
	const user = await findUserByEmail(db, email)
	if (!user) return { ok: false, reason: 'unknown-user' }
	const result = await db
		.insertInto('user_role')
		.values({ user_id: user.id, role, granted_at: now.toISOString() })
		.onConflict((oc) => oc.columns(['user_id', 'role']).doNothing())
		.executeTakeFirst()
	return { ok: true, userId: user.id, alreadyHad: Number(result.numInsertedOrUpdatedRows ?? 0) === 0 }
}
