import { Text } from '@react-email/text'
import { EventEmail, eventSubject, previewEventProps, type EventEmailProps } from './components/event-email.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface EventWaitlistedEmailProps extends EventEmailProps {
	/** The place in the queue, as text: a placeholder when rendered before it is known. */
	position: string
}

/** After an RSVP to a full event: the place in the queue, and that promotion is automatic. */
export default function EventWaitlistedEmail({ position, ...props }: EventWaitlistedEmailProps) {
	const t = emailT(props.language, 'events')
	return (
		<EventEmail
			{...props}
			kind="waitlisted"
			intro={t('email.waitlisted.intro', { title: props.event.title, position })}
		>
			<Text style={textStyle}>{t('email.waitlisted.how')}</Text>
		</EventEmail>
	)
}

EventWaitlistedEmail.subject = eventSubject('waitlisted')

EventWaitlistedEmail.PreviewProps = { ...previewEventProps, position: '3' } satisfies EventWaitlistedEmailProps
