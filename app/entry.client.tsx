import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { HydratedRouter } from 'react-router/dom'
import { defaultNamespace, isSupportedLanguage, namespaces, resources } from '#app/i18n/i18n.ts'

// The server chose the language (cookie, then browser); the client takes it from <html lang>.
const language = document.documentElement.lang
await i18next.use(initReactI18next).init({
	lng: isSupportedLanguage(language) ? language : 'sv',
	resources,
	ns: namespaces,
	defaultNS: defaultNamespace,
	fallbackLng: false,
	interpolation: { escapeValue: false },
})

startTransition(() => {
	hydrateRoot(
		document,
		<I18nextProvider i18n={i18next}>
			<StrictMode>
				<HydratedRouter />
			</StrictMode>
		</I18nextProvider>,
	)
})
