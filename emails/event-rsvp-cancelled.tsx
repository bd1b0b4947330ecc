import { EventEmail, eventSubject, previewEventProps, type EventEmailProps } from './components/event-email.tsx'
import { emailT } from './i18n.ts'

/** After someone cancels their place: the attached CANCEL removes the entry from their calendar. */
export default function EventRsvpCancelledEmail(props: EventEmailProps) {
	const t = emailT(props.language, 'events')
	return (
		<EventEmail
			{...props}
			kind="rsvpCancelled"
			intro={t('email.rsvpCancelled.intro', { title: props.event.title })}
			calendarAttached
		/>
	)
}

EventRsvpCancelledEmail.subject = eventSubject('rsvpCancelled')

EventRsvpCancelledEmail.PreviewProps = previewEventProps satisfies EventEmailProps
