import { describe, expect, test } from 'vitest'
import * as logoutRoute from '#app/routes/logout.tsx'
import { getUser } from '#app/auth/session.server.ts'
import { getDb } from '#db/index.ts'
import { callAction, cookieFor, routeRequest } from '#tests/support/routes.ts'

describe('POST /logout', () => {
	test('deletes the session row, clears the cookie and goes home', async () => {
		const { id } = await getDb()
			.insertInto('user')
			.values({ email: 'leaving@example.se', name: 'Leo', language: 'sv' })
			.returning('id')
			.executeTakeFirstOrThrow()
		const cookie = await cookieFor(id)
		const request = () => routeRequest('/logout', { method: 'POST', cookie })
		expect((await getUser(request()))?.id).toBe(id)

		const response = await callAction(logoutRoute, '/logout', { cookie })
		expect(response.status).toBe(302)
		expect(response.location).toBe('/')
		expect(response.headers.get('Set-Cookie')).toMatch(/klimatpakt_session=;.*Max-Age=0/)
		expect(await getDb().selectFrom('session').select('id').where('user_id', '=', id).execute()).toEqual([])
		// The old cookie, if a browser kept it, signs nobody in.
		expect(await getUser(request())).toBeNull()
	})
})
