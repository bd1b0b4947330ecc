import type { Route } from './+types/organise-event-attendees-csv'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { attendeeList, attendeesCsv, getEvent } from '#app/events/events.server.ts'
import { formatDateTime } from '#app/common/format.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import { getDb } from '#db/index.ts'

/** The attendee list as CSV, in the organiser's language. */
export async function loader({ request, params }: Route.LoaderArgs) {
	await requirePermission(request, 'events:organise')
	const event = await getEvent(getDb(), Number(params.eventId))
	if (!event) throw new Response('Not found', { status: 404 })
	const [t, language] = [await getT(request, 'events'), await getLanguage(request)]
	const statusLabels = { going: 'statusGoing', waiting: 'statusWaiting', helper: 'statusHelper', cancelled: 'statusCancelled' } as const
	const csv = attendeesCsv(
		await attendeeList(getDb(), event.id),
		['name', 'email', 'status', 'queue', 'shifts', 'signedUp', 'checkedIn'].map((key) => t(`attendees.${key}`)),
		(status) => t(`attendees.${statusLabels[status]}`),
		(iso) => formatDateTime(iso, language, config.timeZone),
	)
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${event.slug}-attendees.csv"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
