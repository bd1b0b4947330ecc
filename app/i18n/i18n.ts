// What both the server and the browser know about languages. The catalogues themselves are not
// imported here: the server reads them all (resources.server.ts), the browser fetches only its
// language's namespaces that the page uses (entry.client.tsx, docs/decisions/0013).

// Danish and Norwegian (bokmål) since issue 11; which of them a pact offers is a setting (LANGUAGES).
export const supportedLanguages = ['sv', 'en', 'da', 'nb'] as const
export type SupportedLanguage = (typeof supportedLanguages)[number]

export function isSupportedLanguage(value: unknown): value is SupportedLanguage {
	return supportedLanguages.includes(value as SupportedLanguage)
}

/** One catalogue per language and part of the app; a test checks this list against the files. */
export const namespaces = [
	'common',
	'auth',
	'pledge',
	'email',
	'events',
	'ladder',
	'newsletters',
	'pages',
	'themes',
	'numbers',
	'images',
	'proposals',
	'questions',
	'partners',
	'reports',
	'stories',
	'partnership-day',
	'projects',
	'mentoring',
	'privacy',
] as const
export type Namespace = (typeof namespaces)[number]
export const defaultNamespace = 'common'

/**
 * What a route module exports as `handle` to name the namespaces its page uses besides "common",
 * so the browser loads them before it hydrates: `export const handle = { i18n: ['events'] }`.
 */
export interface I18nHandle {
	i18n: Namespace[]
}

/** The options every i18next instance shares, on the server, in the browser and in emails. */
export const i18nOptions = {
	ns: namespaces,
	defaultNS: defaultNamespace,
	fallbackLng: false,
	// React escapes what it renders; escaping here as well would show "&amp;" in titles.
	interpolation: { escapeValue: false },
} as const
