import type { Route } from './+types/events-event-calendar'
import { eventCalendar } from '#app/events/calendar.server.ts'
import { findEvent } from '#app/events/listing.server.ts'
import { getDb } from '#db/index.ts'

/** "Add to calendar": one published event as an .ics file. */
export async function loader({ params }: Route.LoaderArgs) {
	const event = await findEvent(getDb(), params.event)
	if (!event || event.published_at === null) throw new Response('Not found', { status: 404 })
	return new Response(eventCalendar(event), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `attachment; filename="${event.slug}.ics"`,
			'Cache-Control': 'no-cache',
		},
	})
}
