import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { createCookie, redirect } from 'react-router'
import { config } from '#app/config.server.ts'
import { getDb, type DB } from '#db/index.ts'
import type { RoleName, User } from '#db/schema.ts'

/**
 * Sessions in Lucia's design: a random token lives only in the person's httpOnly cookie; the
 * database keeps its SHA-256 as the row id, so a leaked table cannot be replayed. Thirty days,
 * renewed when used in the second half of that time.
 */
const SESSION_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

export const sessionCookie = createCookie('klimatpakt_session', {
	path: '/',
	httpOnly: true,
	sameSite: 'lax',
	secure: config.isProduction,
	maxAge: SESSION_DAYS * 24 * 60 * 60,
})

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20)
	crypto.getRandomValues(bytes)
	return encodeBase32LowerCaseNoPadding(bytes)
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}

/** A new session (a new token at every sign-in); returns the token for the cookie. */
export async function createSession(db: DB, userId: number, now = new Date()): Promise<string> {
	const token = generateSessionToken()
	await db
		.insertInto('session')
		.values({
			id: sessionIdFromToken(token),
			user_id: userId,
			created_at: now.toISOString(),
			expires_at: new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString(),
		})
		.execute()
	return token
}

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'language'>

/**
 * The user behind a token, or null when it is unknown or expired. A session used in its second
 * half is extended to a full thirty days again; `renewed` tells the caller to refresh the cookie.
 */
export async function validateSessionToken(
	db: DB,
	token: string,
	now = new Date(),
): Promise<{ user: SessionUser; sessionId: string; renewed: boolean } | null> {
	const sessionId = sessionIdFromToken(token)
	const row = await db
		.selectFrom('session')
		.innerJoin('user', 'user.id', 'session.user_id')
		.select(['session.expires_at', 'user.id', 'user.email', 'user.name', 'user.language'])
		.where('session.id', '=', sessionId)
		.executeTakeFirst()
	if (!row) return null
	const expiresAt = new Date(row.expires_at).getTime()
	if (now.getTime() >= expiresAt) {
		await db.deleteFrom('session').where('id', '=', sessionId).execute()
		return null
	}
	let renewed = false
	if (expiresAt - now.getTime() < (SESSION_DAYS / 2) * DAY_MS) {
		await db
			.updateTable('session')
			.set({ expires_at: new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString() })
			.where('id', '=', sessionId)
			.execute()
		renewed = true
	}
	const { expires_at: _, ...user } = row
	return { user, sessionId, renewed }
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute()
}

async function readToken(request: Request): Promise<string | null> {
	const value: unknown = await sessionCookie.parse(request.headers.get('Cookie'))
	return typeof value === 'string' && value.length > 0 ? value : null
}

// The root loader and the page's loader both ask who is signed in: one look-up per request, and
// the answer says whether that look-up extended the session, so the root loader renews the cookie.
const sessionOf = new WeakMap<
	Request,
	Promise<{ token: string; session: Awaited<ReturnType<typeof validateSessionToken>> } | null>
>()

function requestSession(request: Request) {
	let found = sessionOf.get(request)
	if (!found) {
		found = readToken(request).then(async (token) =>
			token ? { token, session: await validateSessionToken(getDb(), token) } : null,
		)
		sessionOf.set(request, found)
	}
	return found
}

/** The signed-in person, or null. */
export async function getUser(request: Request): Promise<SessionUser | null> {
	return (await requestSession(request))?.session?.user ?? null
}

/** Renews the session cookie when the session was extended; call from the root loader. */
export async function sessionCookieHeaderIfRenewed(request: Request): Promise<string | null> {
	const found = await requestSession(request)
	return found?.session?.renewed ? sessionCookie.serialize(found.token) : null
}

function signInUrl(request: Request): string {
	const url = new URL(request.url)
	const redirectTo = url.pathname + url.search
	return `/login?${new URLSearchParams({ redirectTo })}`
}

/** Guard for pages that need a signed-in person: sends others to sign in and back again. */
export async function requireUser(request: Request): Promise<SessionUser> {
	const user = await getUser(request)
	if (!user) throw redirect(signInUrl(request))
	return user
}

export async function userHasPermission(db: DB, userId: number, permission: string): Promise<boolean> {
	const row = await db
		.selectFrom('user_role')
		.innerJoin('role_permission', 'role_permission.role', 'user_role.role')
		.select('role_permission.permission')
		.where('user_role.user_id', '=', userId)
		.where('role_permission.permission', '=', permission)
		.executeTakeFirst()
	return row !== undefined
}

/** Guard for organiser and coordinator pages: 403 for a signed-in person without the permission. */
export async function requirePermission(request: Request, permission: string): Promise<SessionUser> {
	const user = await requireUser(request)
	if (!(await userHasPermission(getDb(), user.id, permission))) {
		throw new Response('Forbidden', { status: 403 })
	}
	return user
}

export async function userRoles(db: DB, userId: number): Promise<RoleName[]> {
	const rows = await db.selectFrom('user_role').select('role').where('user_id', '=', userId).execute()
	return rows.map((r) => r.role)
}

export async function userPermissions(db: DB, userId: number): Promise<string[]> {
	const rows = await db
		.selectFrom('user_role')
		.innerJoin('role_permission', 'role_permission.role', 'user_role.role')
		.select('role_permission.permission')
		.where('user_role.user_id', '=', userId)
		.distinct()
		.execute()
	return rows.map((r) => r.permission)
}

/** Set-Cookie header that signs the person in with a fresh session. */
export async function signInHeaders(db: DB, userId: number): Promise<HeadersInit> {
	const token = await createSession(db, userId)
	return { 'Set-Cookie': await sessionCookie.serialize(token) }
}

/** Ends the current session: deletes its row and clears the cookie. */
export async function signOut(request: Request): Promise<HeadersInit> {
	const token = await readToken(request)
	if (token) await invalidateSession(getDb(), sessionIdFromToken(token))
	return { 'Set-Cookie': await sessionCookie.serialize('', { maxAge: 0 }) }
}

/**
 * "Sign out everywhere": ends every session of the person the current one belongs to (other
 * browsers, a lost phone, a shared computer) and clears this cookie. Without a valid session it
 * ends nothing but the cookie.
 */
export async function signOutEverywhere(request: Request): Promise<HeadersInit> {
	const user = await getUser(request)
	if (user) await getDb().deleteFrom('session').where('user_id', '=', user.id).execute()
	return { 'Set-Cookie': await sessionCookie.serialize('', { maxAge: 0 }) }
}
