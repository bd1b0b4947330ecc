import { Text } from '@react-email/text'
import { EventEmail, eventSubject, previewEventProps, type EventEmailProps } from './components/event-email.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

/** After an RSVP with a place: the details, the calendar entry, and how to give the place away. */
export default function EventConfirmedEmail(props: EventEmailProps) {
	const t = emailT(props.language, 'events')
	return (
		<EventEmail
			{...props}
			kind="confirmed"
			intro={t('email.confirmed.intro', { title: props.event.title })}
			calendarAttached
		>
			<Text style={textStyle}>{t('email.confirmed.cancelHint')}</Text>
		</EventEmail>
	)
}

EventConfirmedEmail.subject = eventSubject('confirmed')

EventConfirmedEmail.PreviewProps = previewEventProps satisfies EventEmailProps
