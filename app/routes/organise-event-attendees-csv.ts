import type { Route } from './+types/organise-event-attendees-csv'
import { config } from '#app/config.server.ts'
import { attendeeList, attendeesCsv } from '#app/events/attendees.server.ts'
import { organisersEvent } from '#app/events/listing.server.ts'
import { formatSortableDateTime } from '#app/common/format.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import { getDb } from '#db/index.ts'

/** The attendee list as CSV, in the organiser's language. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const { event } = await organisersEvent(getDb(), request, params.eventId)
	const t = await getT(request, 'events')
	const statusLabels = {
		going: 'statusGoing',
		waiting: 'statusWaiting',
		helper: 'statusHelper',
		cancelled: 'statusCancelled',
	} as const
	const csv = attendeesCsv(
		await attendeeList(getDb(), event.id),
		(['name', 'email', 'status', 'queue', 'shifts', 'signedUp', 'checkedIn'] as const).map((key) =>
			t(`attendees.${key}`),
		),
		(status) => t(`attendees.${statusLabels[status]}`),
		(iso) => formatSortableDateTime(iso, config.timeZone),
	)
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${event.slug}-attendees.csv"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
