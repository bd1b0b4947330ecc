import { Text } from '@react-email/text'
import { EventEmail, eventSubject, previewEventProps, type EventEmailProps } from './components/event-email.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface EventHelperEmailProps extends EventEmailProps {
	shift: string
}

/** After taking a helper shift: thanks, the shift, and a calendar entry. */
export default function EventHelperEmail({ shift, ...props }: EventHelperEmailProps) {
	const t = emailT(props.language, 'events')
	return (
		<EventEmail
			{...props}
			kind="helper"
			intro={t('email.helper.intro', { title: props.event.title, shift })}
			calendarAttached
		>
			<Text style={textStyle}>{t('email.helper.leaveHint')}</Text>
		</EventEmail>
	)
}

EventHelperEmail.subject = eventSubject('helper')

EventHelperEmail.PreviewProps = { ...previewEventProps, shift: 'Duka fram fikat' } satisfies EventHelperEmailProps
