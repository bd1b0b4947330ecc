import { Text } from '@react-email/text'
import { EventEmail, eventSubject, previewEventProps, type EventEmailProps } from './components/event-email.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface EventCancelledEmailProps extends EventEmailProps {
	note: string | null
}

/** The organiser cancelled the event: the attached CANCEL removes it from calendars. */
export default function EventCancelledEmail({ note, ...props }: EventCancelledEmailProps) {
	const t = emailT(props.language, 'events')
	return (
		<EventEmail
			{...props}
			kind="cancelled"
			intro={t('email.cancelled.intro', { title: props.event.title })}
			calendarAttached
		>
			{note ? (
				<Text style={textStyle}>
					<strong>{t('email.cancelled.note')}</strong> {note}
				</Text>
			) : null}
			<Text style={textStyle}>{t('email.cancelled.sorry')}</Text>
		</EventEmail>
	)
}

EventCancelledEmail.subject = eventSubject('cancelled')

EventCancelledEmail.PreviewProps = {
	...previewEventProps,
	note: 'Lokalen är tyvärr vattenskadad. Vi återkommer med ett nytt datum.',
} satisfies EventCancelledEmailProps
