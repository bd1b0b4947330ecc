import { createInstance, type i18n as I18n, type TFunction } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { createCookie } from 'react-router'
import { RemixI18Next } from 'remix-i18next/server'
import { config } from '#app/config.server.ts'
import { defaultNamespace, i18nOptions, type Namespace, type SupportedLanguage } from './i18n.ts'
import { resources } from './resources.server.ts'

/** Remembers the language a person chose with the switcher, for a year. */
export const languageCookie = createCookie('lng', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	secure: config.isProduction,
	maxAge: 60 * 60 * 24 * 365,
})

/**
 * The browser's languages, most wanted first, with Norwegian's other codes read as bokmål: many
 * Norwegian browsers say "no" or "nn", and a Norwegian reader would rather have bokmål than the
 * next language on their list.
 */
export function browserLanguages(acceptLanguage: string | null): string[] {
	return (acceptLanguage ?? '')
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';')
			const q = Number(/q=([\d.]+)/.exec(params.join(';'))?.[1] ?? 1)
			return { tag: tag.trim().replace(/^(no|nn)(?=-|$)/i, 'nb'), q: Number.isFinite(q) ? q : 0, index }
		})
		.filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index)
		.map(({ tag }) => tag)
}

/** Picks the request's language among the offered ones: the remembered choice, the browser's, the fallback. */
export function languageDetector(offered: readonly SupportedLanguage[], fallback: SupportedLanguage) {
	// Only its language detection is used: translating goes through the instances below.
	const detector = new RemixI18Next({
		detection: {
			// The fallback goes last, as remix-i18next expects.
			supportedLanguages: [...offered.filter((l) => l !== fallback), fallback],
			fallbackLanguage: fallback,
			cookie: languageCookie,
			order: ['cookie', 'custom'],
			findLocale: async (request) => {
				const wanted = browserLanguages(request.headers.get('Accept-Language'))
				return wanted.length > 0 ? wanted : null
			},
		},
	})
	return async (request: Request): Promise<SupportedLanguage> => {
		const language = await detector.getLocale(request)
		return (offered as readonly string[]).includes(language) ? (language as SupportedLanguage) : fallback
	}
}

const fallback = config.pact.defaultLanguage
const detect = languageDetector(config.pact.languages, fallback)

/**
 * One i18next instance per language for the life of the process, initialised synchronously from
 * the bundled catalogues. Creating one per request cost a fifth of a page's CPU; an instance whose
 * language never changes is safe to share between concurrent requests.
 */
const instances = new Map<SupportedLanguage, I18n>()

export function serverI18n(language: SupportedLanguage): I18n {
	let instance = instances.get(language)
	if (!instance) {
		instance = createInstance()
		void instance.use(initReactI18next).init({ ...i18nOptions, lng: language, resources, initAsync: false })
		instances.set(language, instance)
	}
	return instance
}

// The root loader, the route's loader and the renderer all ask for the same request's language;
// and the answer depends only on the language cookie and Accept-Language, which repeat across
// requests, so it is remembered by those (a few hundred combinations at most, then forgotten).
const languageOf = new WeakMap<Request, Promise<SupportedLanguage>>()
const languageFor = new Map<string, Promise<SupportedLanguage>>()

/** The request's language: the remembered choice, else the browser's, else the pact's default. */
export function getLanguage(request: Request): Promise<SupportedLanguage> {
	let language = languageOf.get(request)
	if (!language) {
		const chosen = /(?:^|;\s*)lng=([^;]*)/.exec(request.headers.get('Cookie') ?? '')?.[1] ?? ''
		const key = `${chosen}|${request.headers.get('Accept-Language') ?? ''}`
		language = languageFor.get(key)
		if (!language) {
			language = detect(request)
			if (languageFor.size >= 500) languageFor.clear()
			languageFor.set(key, language)
		}
		languageOf.set(request, language)
	}
	return language
}

// A fixed t function holds nothing but its language and namespace, so one per pair serves every
// request; the same function each time also lets a schema built from it be remembered (common/form.ts).
const fixedTs = new Map<string, TFunction<Namespace>>()

/** A t function fixed to one language and namespace, for loaders, actions and emails. */
export async function getT<N extends Namespace = typeof defaultNamespace>(
	languageOrRequest: SupportedLanguage | Request,
	ns?: N,
): Promise<TFunction<N>> {
	const language = typeof languageOrRequest === 'string' ? languageOrRequest : await getLanguage(languageOrRequest)
	const namespace = ns ?? defaultNamespace
	const key = `${language}:${namespace}`
	let t = fixedTs.get(key)
	if (!t) fixedTs.set(key, (t = serverI18n(language).getFixedT(language, namespace)))
	return t as TFunction<N>
}
