import i18next from 'i18next'
import resourcesToBackend from 'i18next-resources-to-backend'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { HydratedRouter } from 'react-router/dom'
import { getInitialNamespaces } from 'remix-i18next/client'
import { defaultNamespace, i18nOptions, isSupportedLanguage } from '#app/i18n/i18n.ts'

// The server chose the language (cookie, then browser); the browser takes it from <html lang>.
const language = document.documentElement.lang

// Each language's namespace is its own file in the build, fetched when a page first needs it:
// before hydrating, the namespaces the page's routes name in their `handle`; on a later
// navigation, useTranslation waits for a new one (docs/decisions/0013).
await i18next
	.use(initReactI18next)
	.use(resourcesToBackend((lng: string, ns: string) => import(`./i18n/${lng}/${ns}.json`)))
	.init({
		...i18nOptions,
		lng: isSupportedLanguage(language) ? language : 'sv',
		ns: [defaultNamespace, ...getInitialNamespaces()],
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
