import { describe, expect, test } from 'vitest'
import { getUser } from '#app/auth/session.server.ts'
import * as logoutRoute from '#app/routes/logout.tsx'
import * as preferencesRoute from '#app/routes/preferences.tsx'
import { getDb } from '#db/index.ts'
import { callAction, callLoader, cookieFor, renderRoute, routeRequest } from '#tests/support/routes.ts'

/** Issue 12: "Sign out everywhere" ends every session of the person, not only this browser's. */

let n = 0
async function person() {
	n += 1
	const { id } = await getDb()
		.insertInto('user')
		.values({ email: `devices${n}-${Math.random().toString(36).slice(2, 8)}@example.se`, name: 'Disa', language: 'sv' })
		.returning('id')
		.executeTakeFirstOrThrow()
	return id
}

const whoIs = async (cookie: string) => (await getUser(routeRequest('/', { cookie })))?.id ?? null

describe('signing out everywhere', () => {
	test("another browser's session stops working; other people's sessions do not", async () => {
		const [me, someoneElse] = [await person(), await person()]
		const [laptop, phone, theirs] = [await cookieFor(me), await cookieFor(me), await cookieFor(someoneElse)]
		expect([await whoIs(laptop), await whoIs(phone)]).toEqual([me, me])

		const answer = await callAction(logoutRoute, '/logout', { cookie: laptop, form: { scope: 'everywhere' } })
		expect(answer.status).toBe(302)
		expect(answer.headers.get('Set-Cookie')).toMatch(/klimatpakt_session=;.*Max-Age=0/)
		expect([await whoIs(laptop), await whoIs(phone)]).toEqual([null, null])
		expect(await getDb().selectFrom('session').select('id').where('user_id', '=', me).execute()).toEqual([])
		expect(await whoIs(theirs)).toBe(someoneElse)
	})

	test('plain sign-out still ends only this session', async () => {
		const me = await person()
		const [laptop, phone] = [await cookieFor(me), await cookieFor(me)]
		await callAction(logoutRoute, '/logout', { cookie: laptop })
		expect([await whoIs(laptop), await whoIs(phone)]).toEqual([null, me])
	})

	test('the preferences page offers the button to someone signed in, in each language', async () => {
		const me = await person()
		const cookie = await cookieFor(me)
		const page = await callLoader(preferencesRoute, '/preferences', { cookie })
		for (const [language, label] of [
			['sv', 'Logga ut överallt'],
			['en', 'Sign out everywhere'],
			['da', 'Log ud alle steder'],
			['nb', 'Logg ut overalt'],
		] as const) {
			const html = await renderRoute({
				Component: preferencesRoute.default,
				url: '/preferences',
				loaderData: page.data,
				language,
			})
			expect(html, language).toContain(label)
			expect(html, language).toMatch(/<form[^>]*action="\/logout"[^>]*>/)
			expect(html, language).toContain('name="scope" value="everywhere"')
		}
	})
})
