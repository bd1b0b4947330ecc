import type { i18n as I18n, TFunction } from 'i18next'
import { useContext } from 'react'
import { I18nContext, useTranslation as useReactTranslation } from 'react-i18next'
import type { Namespace } from './i18n.ts'

// On the server, react-i18next's hook copies the whole i18next instance for every component that
// asks (so that the browser can re-render when the language changes); with a form's dozens of
// fields that copying was a third of the sign page's CPU. A server render never changes language,
// so there it takes a t function fixed to the request's language and namespace, made once per
// instance and namespace. In the browser it is react-i18next's hook, unchanged.
const fixed = new WeakMap<I18n, Map<string, TFunction>>()

/**
 * The same key with the same parameters gives the same message for the life of the process (the
 * catalogues never change while it runs): looked up once, then remembered. Only plain parameters
 * (text, numbers, yes/no) make a key; at most a few thousand are kept per namespace.
 */
function remembering(t: TFunction): TFunction {
	const messages = new Map<string, string>()
	const translate = t as unknown as (...args: unknown[]) => string
	return ((key: unknown, ...rest: unknown[]) => {
		if (typeof key !== 'string' || rest.length > 1) return translate(key, ...rest)
		const options = rest[0]
		let id = key
		if (options !== undefined) {
			if (typeof options !== 'object' || options === null) return translate(key, ...rest)
			for (const value of Object.values(options)) {
				if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
					return translate(key, ...rest)
			}
			id = `${key}\u0000${JSON.stringify(options)}`
		}
		let message = messages.get(id)
		if (message === undefined) {
			message = translate(key, ...rest)
			if (messages.size >= 5_000) messages.clear()
			messages.set(id, message)
		}
		return message
	}) as unknown as TFunction
}

function useServerTranslation(ns?: Namespace | readonly Namespace[]) {
	const { i18n } = useContext(I18nContext)
	let byNamespace = fixed.get(i18n)
	if (!byNamespace) fixed.set(i18n, (byNamespace = new Map()))
	const key = String(ns ?? '')
	let t = byNamespace.get(key)
	if (!t) byNamespace.set(key, (t = remembering(i18n.getFixedT(i18n.language, ns))))
	const result = [t, i18n, true] as unknown as ReturnType<typeof useReactTranslation> & {
		t: TFunction
		i18n: I18n
		ready: boolean
	}
	result.t = t
	result.i18n = i18n
	result.ready = true
	return result
}

/**
 * react-i18next's useTranslation, without its per-component cost on the server. Typed as
 * react-i18next's, so `useTranslation('events').t` accepts only keys of the events catalogue
 * (app/i18n/i18next.d.ts).
 */
export const useTranslation = (
	import.meta.env.SSR ? useServerTranslation : useReactTranslation
) as typeof useReactTranslation
