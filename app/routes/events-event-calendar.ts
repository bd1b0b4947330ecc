import type { Route } from './+types/events-event-calendar'
import { eventCalendar } from '#app/events/calendar.server.ts'
import { findEvent } from '#app/events/listing.server.ts'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import { getDb } from '#db/index.ts'

/** "Add to calendar": one published event as an .ics file, in the language of the page it was taken from. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const event = await findEvent(getDb(), params.event)
	if (!event || event.published_at === null) throw new Response('Not found', { status: 404 })
	return new Response(eventCalendar(event, await getLanguage(request)), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `attachment; filename="${event.slug}.ics"`,
			'Cache-Control': 'no-cache',
			// The language comes from the cookie or the browser's Accept-Language.
			Vary: 'Cookie, Accept-Language',
		},
	})
}
