import { describe, expect, test } from 'vitest'
import { getDb } from '#db/index.ts'
import type { RoleName } from '#db/schema.ts'
import {
	createSession,
	requirePermission,
	requireUser,
	sessionCookie,
	sessionIdFromToken,
	signInHeaders,
	signOut,
	validateSessionToken,
} from './session.server.ts'

const DAY = 24 * 60 * 60 * 1000
const start = new Date('2026-03-01T09:00:00.000Z')
const later = (days: number) => new Date(start.getTime() + days * DAY)

async function createUser(email: string, roles: RoleName[] = []): Promise<number> {
	const { id } = await getDb()
		.insertInto('user')
		.values({ email, name: email.split('@')[0]!, language: 'sv' })
		.returning('id')
		.executeTakeFirstOrThrow()
	for (const role of roles)
		await getDb().insertInto('user_role').values({ user_id: id, role, granted_at: start.toISOString() }).execute()
	return id
}

async function sessionExpiry(token: string): Promise<string | undefined> {
	const row = await getDb()
		.selectFrom('session')
		.select('expires_at')
		.where('id', '=', sessionIdFromToken(token))
		.executeTakeFirst()
	return row?.expires_at
}

/** The Cookie header a browser sends back after a Set-Cookie. */
function cookieFrom(headers: HeadersInit): string {
	return new Headers(headers).get('Set-Cookie')!.split(';')[0]!
}

describe('sessions', () => {
	test('only the SHA-256 of the token is stored', async () => {
		const userId = await createUser('hash@example.se')
		const token = await createSession(getDb(), userId, start)
		const rows = await getDb().selectFrom('session').select('id').where('user_id', '=', userId).execute()
		expect(rows).toEqual([{ id: sessionIdFromToken(token) }])
		expect(rows[0]!.id).not.toContain(token)
		expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/)
	})

	test('a session lasts 30 days and then is gone', async () => {
		const userId = await createUser('expiry@example.se')
		const token = await createSession(getDb(), userId, start)
		expect((await validateSessionToken(getDb(), token, later(29.9)))?.user.id).toBe(userId)
		// The check above renewed that session, so expiry is seen on a second one.
		const second = await createSession(getDb(), userId, start)
		expect(await validateSessionToken(getDb(), second, later(30))).toBeNull()
		expect(await sessionExpiry(second)).toBeUndefined()
	})

	test('a session used in its second half is extended to 30 days from then', async () => {
		const userId = await createUser('renew@example.se')
		const token = await createSession(getDb(), userId, start)
		const early = await validateSessionToken(getDb(), token, later(10))
		expect(early?.renewed).toBe(false)
		expect(await sessionExpiry(token)).toBe(later(30).toISOString())

		const late = await validateSessionToken(getDb(), token, later(20))
		expect(late?.renewed).toBe(true)
		expect(await sessionExpiry(token)).toBe(later(50).toISOString())
		// Past the original 30 days, the renewed session still works.
		expect((await validateSessionToken(getDb(), token, later(45)))?.user.id).toBe(userId)
	})

	test('an unknown token signs nobody in', async () => {
		expect(await validateSessionToken(getDb(), 'not-a-token', start)).toBeNull()
	})

	test('every sign-in gets a new token and a new session', async () => {
		const userId = await createUser('fresh@example.se')
		const first = cookieFrom(await signInHeaders(getDb(), userId))
		const second = cookieFrom(await signInHeaders(getDb(), userId))
		expect(first).not.toBe(second)
		const sessions = await getDb().selectFrom('session').select('id').where('user_id', '=', userId).execute()
		expect(sessions).toHaveLength(2)
	})

	test('the cookie is httpOnly and SameSite=Lax', async () => {
		const userId = await createUser('cookie@example.se')
		const header = new Headers(await signInHeaders(getDb(), userId)).get('Set-Cookie')!
		expect(header).toMatch(/HttpOnly/i)
		expect(header).toMatch(/SameSite=Lax/i)
		expect(header).toMatch(/Max-Age=2592000/)
	})

	test('signing out deletes the session row and clears the cookie', async () => {
		const userId = await createUser('bye@example.se')
		const cookie = cookieFrom(await signInHeaders(getDb(), userId))
		const token = (await sessionCookie.parse(cookie)) as string
		expect(await sessionExpiry(token)).toBeDefined()

		const headers = await signOut(
			new Request('http://localhost/logout', { method: 'POST', headers: { Cookie: cookie } }),
		)
		expect(await sessionExpiry(token)).toBeUndefined()
		expect(new Headers(headers).get('Set-Cookie')).toMatch(/Max-Age=0/)
		expect(await validateSessionToken(getDb(), token)).toBeNull()
	})
})

describe('guards', () => {
	async function signedInRequest(email: string, roles: RoleName[], path = '/admin/commitments'): Promise<Request> {
		const userId = await createUser(email, roles)
		const cookie = cookieFrom(await signInHeaders(getDb(), userId))
		return new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
	}

	async function thrown(promise: Promise<unknown>): Promise<Response> {
		try {
			await promise
		} catch (error) {
			if (error instanceof Response) return error
			throw error
		}
		throw new Error('expected the guard to throw a response')
	}

	test('requireUser sends a visitor to sign in and back again', async () => {
		const response = await thrown(requireUser(new Request('http://localhost/my-pledge?tab=commitments')))
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fmy-pledge%3Ftab%3Dcommitments')
	})

	test('requireUser lets a signed-in person through', async () => {
		const request = await signedInRequest('member@example.se', [], '/my-pledge')
		expect((await requireUser(request)).email).toBe('member@example.se')
	})

	test('requirePermission answers 403 to a resident', async () => {
		const request = await signedInRequest('resident@example.se', ['resident'])
		const response = await thrown(requirePermission(request, 'catalogue:manage'))
		expect(response.status).toBe(403)
	})

	test('requirePermission answers 403 to an organiser for a coordinator’s page', async () => {
		const request = await signedInRequest('organiser@example.se', ['organiser'])
		expect((await thrown(requirePermission(request, 'catalogue:manage'))).status).toBe(403)
		expect((await requirePermission(request, 'events:organise')).email).toBe('organiser@example.se')
	})

	test('requirePermission lets a coordinator through', async () => {
		const request = await signedInRequest('coordinator@example.se', ['coordinator'])
		const user = await requirePermission(request, 'catalogue:manage')
		expect(user.email).toBe('coordinator@example.se')
	})

	test('requirePermission sends a visitor to sign in rather than answering 403', async () => {
		const response = await thrown(
			requirePermission(new Request('http://localhost/admin/commitments'), 'catalogue:manage'),
		)
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fadmin%2Fcommitments')
	})
})
