import { Text } from '@react-email/text'
import { EventEmail, eventSubject, previewEventProps, type EventEmailProps } from './components/event-email.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface EventReminderEmailProps extends EventEmailProps {
	/** The helper shifts the person has taken at this event, if any. */
	shifts: string[]
}

/** Before the event (24 hours by default): to everyone going and every helper, once. */
export default function EventReminderEmail({ shifts, ...props }: EventReminderEmailProps) {
	const t = emailT(props.language, 'events')
	return (
		<EventEmail {...props} kind="reminder" intro={t('email.reminder.intro', { title: props.event.title })}>
			{shifts.length > 0 ? (
				<Text style={textStyle}>{t('email.reminder.helping', { shifts: shifts.join(', ') })}</Text>
			) : null}
			<Text style={textStyle}>{t('email.reminder.cantCome')}</Text>
		</EventEmail>
	)
}

EventReminderEmail.subject = eventSubject('reminder')

EventReminderEmail.PreviewProps = {
	...previewEventProps,
	shifts: ['Duka fram fikat'],
} satisfies EventReminderEmailProps
