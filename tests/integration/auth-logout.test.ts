import { describe, expect, test } from 'vitest'
import { action } from '#app/routes/logout.tsx'
import { getUser, signInHeaders } from '#app/auth/session.server.ts'
import { getDb } from '#db/index.ts'

describe('POST /logout', () => {
	test('deletes the session row, clears the cookie and goes home', async () => {
		const { id } = await getDb().insertInto('user').values({ email: 'leaving@example.se', name: 'Leo', language: 'sv' }).returning('id').executeTakeFirstOrThrow()
		const cookie = new Headers(await signInHeaders(getDb(), id)).get('Set-Cookie')!.split(';')[0]!
		const request = () => new Request('http://localhost/logout', { method: 'POST', headers: { Cookie: cookie } })
		expect((await getUser(request()))?.id).toBe(id)

		const response = (await action({ request: request(), params: {}, context: { clientIp: '127.0.0.1' } } as unknown as Parameters<typeof action>[0])) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/')
		expect(response.headers.get('Set-Cookie')).toMatch(/klimatpakt_session=;.*Max-Age=0/)
		expect(await getDb().selectFrom('session').select('id').where('user_id', '=', id).execute()).toEqual([])
		// The old cookie, if a browser kept it, signs nobody in.
		expect(await getUser(request())).toBeNull()
	})
})
