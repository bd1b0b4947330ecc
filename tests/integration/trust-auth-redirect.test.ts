import { describe, expect, test } from 'vitest'
import * as languageRoute from '#app/routes/language.tsx'
import * as loginRoute from '#app/routes/login.tsx'
import { getDb } from '#db/index.ts'
import { callAction, callLoader, cookieFor } from '#tests/support/routes.ts'

/** Issue 12: a redirectTo whose dot-segments normalise into "//host" must never reach a Location header. */

const tricks = [
	'/.//evil.example',
	'/..//evil.example',
	'/a/..//evil.example',
	'/%2e//evil.example',
	'/%2e%2e//evil.example',
	'/a/b/../..//evil.example/path?q=1',
]

async function signedIn(): Promise<string> {
	const { id } = await getDb()
		.insertInto('user')
		.values({ email: `redirect-${Math.random().toString(36).slice(2)}@example.se`, name: 'Rita', language: 'sv' })
		.returning('id')
		.executeTakeFirstOrThrow()
	return cookieFor(id)
}

/** Where a browser would go from this Location, seen from the site. */
function destination(location: string | null): string {
	return new URL(location ?? '', 'http://localhost').host
}

describe('redirects stay on the site', () => {
	test('GET /login, signed in, sends every dot-segment trick home', async () => {
		const cookie = await signedIn()
		for (const redirectTo of tricks) {
			const answer = await callLoader(loginRoute, `/login?${new URLSearchParams({ redirectTo })}`, { cookie })
			expect(answer.status, redirectTo).toBe(302)
			expect(answer.location, redirectTo).toBe('/')
			expect(destination(answer.location), redirectTo).toBe('localhost')
		}
	})

	test('POST /language sends every dot-segment trick home, with and without a known language', async () => {
		const cookie = await signedIn()
		for (const redirectTo of tricks) {
			for (const language of ['en', 'xx']) {
				const answer = await callAction(languageRoute, '/language', { cookie, form: { language, redirectTo } })
				expect(answer.status, `${language} ${redirectTo}`).toBe(302)
				expect(answer.location, `${language} ${redirectTo}`).toBe('/')
			}
		}
	})

	test('same-site paths with harmless dot-segments still go where they point', async () => {
		const cookie = await signedIn()
		const login = await callLoader(loginRoute, `/login?redirectTo=${encodeURIComponent('/events/../my-pledge')}`, {
			cookie,
		})
		expect(login.location).toBe('/my-pledge')
		const language = await callAction(languageRoute, '/language', {
			cookie,
			form: { language: 'en', redirectTo: '/./events?month=2026-05' },
		})
		expect(language.location).toBe('/events?month=2026-05')
	})
})
