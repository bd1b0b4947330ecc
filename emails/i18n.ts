import { createInstance, type TFunction } from 'i18next'
import { resources, type SupportedLanguage } from '#app/i18n/i18n.ts'

/**
 * A t function for email templates, built synchronously so a template renders the same in the
 * app, in the worker and in react-email's preview. Uses the same catalogues as the pages.
 */
const instances = new Map<SupportedLanguage, TFunction<'email'>>()

export function emailT(language: SupportedLanguage): TFunction<'email'> {
	let t = instances.get(language)
	if (!t) {
		const instance = createInstance()
		void instance.init({
			lng: language,
			resources,
			defaultNS: 'email',
			fallbackLng: false,
			initAsync: false,
			interpolation: { escapeValue: false },
		})
		t = instance.getFixedT(language, 'email')
		instances.set(language, t)
	}
	return t
}
