import { EventEmail, eventSubject, previewEventProps, type EventEmailProps } from './components/event-email.tsx'
import { emailT } from './i18n.ts'

/** The time or place changed: the new details and a calendar entry that replaces the old one. */
export default function EventChangedEmail(props: EventEmailProps) {
	const t = emailT(props.language, 'events')
	return (
		<EventEmail
			{...props}
			kind="changed"
			intro={t('email.changed.intro', { title: props.event.title })}
			calendarAttached
		/>
	)
}

EventChangedEmail.subject = eventSubject('changed')

EventChangedEmail.PreviewProps = previewEventProps satisfies EventEmailProps
