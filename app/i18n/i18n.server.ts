import { createInstance, type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { createCookie } from 'react-router'
import { RemixI18Next } from 'remix-i18next/server'
import { config } from '#app/config.server.ts'
import { defaultNamespace, isSupportedLanguage, namespaces, resources, supportedLanguages, type SupportedLanguage } from './i18n.ts'

/** Remembers the language a person chose with the switcher, for a year. */
export const languageCookie = createCookie('lng', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	secure: config.isProduction,
	maxAge: 60 * 60 * 24 * 365,
})

const fallback = config.pact.defaultLanguage
const remixI18n = new RemixI18Next({
	detection: {
		// The fallback goes last, as remix-i18next expects.
		supportedLanguages: [...supportedLanguages.filter((l) => l !== fallback), fallback],
		fallbackLanguage: fallback,
		cookie: languageCookie,
		order: ['cookie', 'header'],
	},
	i18next: { resources, defaultNS: defaultNamespace, ns: namespaces },
})

/** The request's language: the remembered choice, else the browser's, else the pact's default. */
export async function getLanguage(request: Request): Promise<SupportedLanguage> {
	const language = await remixI18n.getLocale(request)
	return isSupportedLanguage(language) ? language : fallback
}

/** A t function fixed to one language, for loaders, actions and emails. */
export async function getT(languageOrRequest: SupportedLanguage | Request, ns: (typeof namespaces)[number] = defaultNamespace) {
	const language = typeof languageOrRequest === 'string' ? languageOrRequest : await getLanguage(languageOrRequest)
	return remixI18n.getFixedT(language, ns)
}

/** An i18next instance for one server render. */
export async function createServerI18n(language: SupportedLanguage): Promise<I18n> {
	const instance = createInstance()
	await instance.use(initReactI18next).init({
		lng: language,
		resources,
		ns: namespaces,
		defaultNS: defaultNamespace,
		fallbackLng: false,
		interpolation: { escapeValue: false },
	})
	return instance
}
