import { afterEach, describe, expect, test, vi } from 'vitest'
import { languageSettings } from '#app/config.server.ts'
import { browserLanguages } from '#app/i18n/i18n.server.ts'
import { confirmSignature, signPledge } from '#app/pledge/pledge.server.ts'
import * as homeRoute from '#app/routes/home.tsx'
import * as rootRoute from '#app/root.tsx'
import { signInput } from '#tests/support/pledge.ts'
import { callAction, callLoader, renderRoute } from '#tests/support/routes.ts'
import { getDb } from '#db/index.ts'

/** Danish and Norwegian (issue 11): which language a visitor gets, and what the pact offers. */
const db = getDb()

afterEach(() => {
	vi.unstubAllEnvs()
	vi.resetModules()
})

describe('the languages a pact offers', () => {
	test('all four unless set; the default is Swedish unless set, and a set default is always offered', () => {
		expect(languageSettings(undefined, undefined)).toEqual({
			languages: ['sv', 'en', 'da', 'nb'],
			defaultLanguage: 'sv',
		})
		expect(languageSettings('sv, en', undefined)).toEqual({ languages: ['sv', 'en'], defaultLanguage: 'sv' })
		expect(languageSettings('da,nb', undefined)).toEqual({ languages: ['da', 'nb'], defaultLanguage: 'da' })
		expect(languageSettings('sv,en', 'da')).toEqual({ languages: ['da', 'sv', 'en'], defaultLanguage: 'da' })
		expect(languageSettings('DA,xx,da', 'fi')).toEqual({ languages: ['da'], defaultLanguage: 'da' })
		expect(languageSettings('xx', undefined)).toEqual({ languages: ['sv', 'en', 'da', 'nb'], defaultLanguage: 'sv' })
	})

	test("Norwegian browsers' other codes count as bokmål, in the browser's order of preference", () => {
		expect(browserLanguages('no,en;q=0.5')).toEqual(['nb', 'en'])
		expect(browserLanguages('en;q=0.3, nn-NO, da;q=0.8')).toEqual(['nb-NO', 'da', 'en'])
		expect(browserLanguages('*;q=0.1, de;q=0')).toEqual([])
		expect(browserLanguages(null)).toEqual([])
	})
})

describe("the browser's language picks among the offered ones", () => {
	test('a Danish browser gets the Danish home page when Danish is offered', async () => {
		const root = await callLoader(rootRoute, '/', { language: 'da-DK,da;q=0.9,en;q=0.8' })
		expect(root.data.language).toBe('da')
		expect(root.data.languages).toEqual(['sv', 'en', 'da', 'nb'])

		const home = await callLoader(homeRoute, '/', { language: 'da-DK,da;q=0.9,en;q=0.8' })
		const html = await renderRoute({ Component: homeRoute.default, url: '/', loaderData: home.data, language: 'da' })
		expect(html).toContain('Underskriv klimaaftalen')
		expect(html).not.toContain('Skriv under klimatavtalet')
	})

	test('a Norwegian browser saying "no" gets bokmål', async () => {
		const root = await callLoader(rootRoute, '/', { language: 'no,en;q=0.8' })
		expect(root.data.language).toBe('nb')
	})

	test('with LANGUAGES=sv,en a Danish browser gets the default, and cannot switch to Danish', async () => {
		vi.stubEnv('LANGUAGES', 'sv,en')
		vi.resetModules()
		const [root, language, { languageCookie }] = await Promise.all([
			import('#app/root.tsx'),
			import('#app/routes/language.tsx'),
			import('#app/i18n/i18n.server.ts'),
		])
		const answer = await callLoader(root, '/', { language: 'da-DK,da;q=0.9' })
		expect(answer.data.language).toBe('sv')
		expect(answer.data.languages).toEqual(['sv', 'en'])
		// A Danish browser that also reads English gets English, the first offered language it asks for.
		expect((await callLoader(root, '/', { language: 'da,en;q=0.5' })).data.language).toBe('en')
		// A remembered choice of a language no longer offered is ignored too.
		const rememberedDanish = (await languageCookie.serialize('da')).split(';')[0]!
		expect((await callLoader(root, '/', { language: 'sv', cookie: rememberedDanish })).data.language).toBe('sv')

		const switched = await callAction(language, '/language', { form: { language: 'da', redirectTo: '/events' } })
		expect(switched.location).toBe('/events')
		expect(switched.headers.get('Set-Cookie')).toBeNull()
	})

	test('with DEFAULT_LANGUAGE=da a browser asking for none of the offered languages gets Danish', async () => {
		vi.stubEnv('DEFAULT_LANGUAGE', 'da')
		vi.resetModules()
		const root = await import('#app/root.tsx')
		expect((await callLoader(root, '/', { language: 'de-DE,fr;q=0.5' })).data.language).toBe('da')
	})
})

describe('emails in Danish and Norwegian', () => {
	test("a Norwegian signatory's confirmation email is in Norwegian, and the welcome after it too", async () => {
		const input = signInput({ name: 'Ingrid Hansen', email: 'ingrid@example.no' })
		await signPledge(db, input, { language: 'nb', now: new Date() })
		const confirmation = await db
			.selectFrom('outbox')
			.select(['subject', 'text'])
			.where('to_address', '=', input.email)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow()
		expect(confirmation.subject).toMatch(/^Bekreft underskriften din på /)
		expect(confirmation.text).toContain('Hei Ingrid')
		expect(confirmation.text).toContain('Lenken og koden gjelder i 10 minutter')

		await confirmSignature(db, input.email, new Date())
		const welcome = await db
			.selectFrom('outbox')
			.select('subject')
			.where('to_address', '=', input.email)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow()
		expect(welcome.subject).toMatch(/^Velkommen til /)
		const user = await db
			.selectFrom('user')
			.select('language')
			.where('email', '=', input.email)
			.executeTakeFirstOrThrow()
		expect(user.language).toBe('nb')
	})
})
