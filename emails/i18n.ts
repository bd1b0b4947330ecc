import { createInstance, type i18n as I18n, type TFunction } from 'i18next'
import { i18nOptions, type Namespace, type SupportedLanguage } from '#app/i18n/i18n.ts'
import { resources } from '#app/i18n/resources.server.ts'

/**
 * A t function for email templates, built synchronously so a template renders the same in the
 * app, in the worker and in react-email's preview. Uses the same catalogues as the pages: each
 * area keeps its messages' strings under "email" in its own namespace.
 */
let instance: I18n | undefined

export function emailT<N extends Namespace = 'email'>(language: SupportedLanguage, ns?: N): TFunction<N> {
	if (!instance) {
		instance = createInstance()
		void instance.init({ ...i18nOptions, lng: language, resources, initAsync: false })
	}
	// Typed by namespace, so every key a template uses is checked against its catalogue.
	return instance.getFixedT(language, ns ?? 'email') as TFunction<N>
}
