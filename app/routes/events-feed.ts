import type { Route } from './+types/events-feed'
import { publicFeed } from '#app/events/calendar.server.ts'
import { getDb } from '#db/index.ts'

/** /events.ics: every published event, for calendar apps to subscribe to. */
export async function loader(_: Route.LoaderArgs) {
	return new Response(await publicFeed(getDb()), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'inline; filename="events.ics"',
			'Cache-Control': 'public, max-age=300',
		},
	})
}
