import { useTranslation } from '#app/i18n/use-translation.ts'
import { Link } from 'react-router'
import type { EventListItem } from '#app/events/listing.server.ts'
import { placesLeft } from '#app/events/places.ts'
import type { EventType } from '#app/events/schemas.ts'
import { eventTitle } from '#app/events/languages.ts'
import { Picture } from '#app/images/picture.tsx'
import { AudienceBadge } from './audience.tsx'

/** One event in a list: date, title, type, time and place, and how many places are left. */
export function EventCard({ event, past }: { event: EventListItem & { date: string; time: string }; past: boolean }) {
	const { t, i18n } = useTranslation('events')
	const cancelled = event.status === 'cancelled'
	const title = eventTitle(event, i18n.language)
	const classes = ['event-card', cancelled ? 'is-cancelled' : '', event.image ? 'has-image' : ''].filter(Boolean)
	return (
		<article className={classes.join(' ')}>
			<p className="event-card-date">{event.date}</p>
			<div className="event-card-body">
				<h3 lang={title.lang}>
					<Link to={`/events/${event.slug}`}>{title.text}</Link>
				</h3>
				<p className="event-card-meta">
					<span className={`type-badge type-${event.type}`}>{t(`types.${event.type as EventType}`)}</span>
					<AudienceBadge audience={event.audience} />
					<span>{event.time}</span>
					{event.place ? <span>{event.place}</span> : event.online_url ? <span>{t('event.online')}</span> : null}
				</p>
				<p className="event-card-status">
					{cancelled ? (
						<span className="badge badge-cancelled">{t('status.cancelled')}</span>
					) : past ? (
						<span>{t('places.going', { count: event.going })}</span>
					) : (
						<>
							<PlacesLeft capacity={event.capacity} going={event.going} />
							{event.helpersNeeded > event.helpersTaken ? (
								<span className="badge badge-helpers">{t('places.helpersWanted')}</span>
							) : null}
						</>
					)}
				</p>
			</div>
			{event.image ? (
				<Picture
					image={event.image}
					className="event-card-image"
					sizes="(min-width: 40rem) 12rem, calc(100vw - 4rem)"
				/>
			) : null}
		</article>
	)
}

export function PlacesLeft({ capacity, going }: { capacity: number | null; going: number }) {
	const { t } = useTranslation('events')
	if (capacity === null) return <span>{t('places.going', { count: going })}</span>
	const left = placesLeft(capacity, going) ?? 0
	if (left === 0) return <span className="badge badge-full">{t('places.full')}</span>
	return <span>{t('places.left', { left, count: capacity })}</span>
}
