import type { Route } from './+types/embed-counter'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import { isSupportedLanguage } from '#app/i18n/i18n.ts'
import { embeddedCounterResponse } from '#app/numbers/embed.server.tsx'
import { readPactCounts } from '#app/pledge/counts.server.ts'
import { getDb } from '#db/index.ts'

/**
 * The counter a municipality puts in an iframe on its own site (README: "The counter on another
 * site"). `?lang=sv` or `?lang=en` fixes its language; else it follows the visitor's browser.
 * The count is the home page's: the kept counts, one row.
 */
export async function loader({ request }: Route.LoaderArgs) {
	const asked = new URL(request.url).searchParams.get('lang')
	const language = isSupportedLanguage(asked) ? asked : await getLanguage(request)
	const [t, counts] = await Promise.all([getT(language, 'numbers'), readPactCounts(getDb())])
	return embeddedCounterResponse(
		{ counts, pact: config.pact, signUrl: `${config.appUrl}/sign`, language, t },
		request.method,
	)
}
