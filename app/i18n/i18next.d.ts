import type { resources } from './resources.server.ts'

// Every t() call is checked against the Swedish catalogues (i18n.test.ts keeps the English ones
// in step), so a mistyped or missing key fails `npm run typecheck` instead of showing the raw key.
declare module 'i18next' {
	interface CustomTypeOptions {
		defaultNS: 'common'
		resources: (typeof resources)['sv']
	}
}
