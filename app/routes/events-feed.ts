import type { Route } from './+types/events-feed'
import { publicFeed } from '#app/events/calendar.server.ts'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import { isSupportedLanguage } from '#app/i18n/i18n.ts'
import { getDb } from '#db/index.ts'

/**
 * /events.ics: every published event, for calendar apps to subscribe to. `?lang=en` fixes the
 * language, as the events page links it: a calendar app fetches without the language cookie and
 * may send no Accept-Language. Without it, the request's language, which the cache must then key on.
 */
export async function loader({ request }: Route.LoaderArgs) {
	const asked = new URL(request.url).searchParams.get('lang')
	const language = isSupportedLanguage(asked) ? asked : await getLanguage(request)
	return new Response(await publicFeed(getDb(), language), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'inline; filename="events.ics"',
			'Cache-Control': 'public, max-age=300',
			...(isSupportedLanguage(asked) ? {} : { Vary: 'Cookie, Accept-Language' }),
		},
	})
}
