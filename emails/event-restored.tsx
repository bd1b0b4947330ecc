import { EventEmail, eventSubject, previewEventProps, type EventEmailProps } from './components/event-email.tsx'
import { emailT } from './i18n.ts'

/**
 * A cancelled event is on again: everyone who had a place has it back (and the waitlist its
 * order); the attached entry, with a higher SEQUENCE, puts it back in their calendar.
 */
export default function EventRestoredEmail(props: EventEmailProps) {
	const t = emailT(props.language, 'events')
	return (
		<EventEmail
			{...props}
			kind="restored"
			intro={t('email.restored.intro', { title: props.event.title })}
			calendarAttached
		/>
	)
}

EventRestoredEmail.subject = eventSubject('restored')

EventRestoredEmail.PreviewProps = previewEventProps satisfies EventEmailProps
