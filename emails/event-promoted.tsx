import { Text } from '@react-email/text'
import { EventEmail, eventSubject, previewEventProps, type EventEmailProps } from './components/event-email.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

/** A place freed up and went to the first on the waitlist: this tells them at once. */
export default function EventPromotedEmail(props: EventEmailProps) {
	const t = emailT(props.language, 'events')
	return (
		<EventEmail
			{...props}
			kind="promoted"
			intro={t('email.promoted.intro', { title: props.event.title })}
			calendarAttached
		>
			<Text style={textStyle}>{t('email.confirmed.cancelHint')}</Text>
		</EventEmail>
	)
}

EventPromotedEmail.subject = eventSubject('promoted')

EventPromotedEmail.PreviewProps = previewEventProps satisfies EventEmailProps
