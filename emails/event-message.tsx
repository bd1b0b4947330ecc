import { Text } from '@react-email/text'
import { EventEmail, previewEventProps, type EventEmailProps } from './components/event-email.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface EventMessageEmailProps extends EventEmailProps {
	/** The organiser's own subject line and text. */
	subject: string
	message: string
	organiser: string
}

/** An organiser's message to everyone going (and, if chosen, waiting). */
export default function EventMessageEmail({ subject: _subject, message, organiser, ...props }: EventMessageEmailProps) {
	const t = emailT(props.language, 'events')
	return (
		<EventEmail {...props} kind="message" intro={t('email.message.intro', { title: props.event.title, organiser })}>
			{message.split(/\n{2,}/).map((paragraph, i) => (
				<Text key={i} style={{ ...textStyle, whiteSpace: 'pre-line' }}>
					{paragraph}
				</Text>
			))}
		</EventEmail>
	)
}

EventMessageEmail.subject = ({ subject }: EventMessageEmailProps) => subject

EventMessageEmail.PreviewProps = {
	...previewEventProps,
	subject: 'Inför klimatfikat',
	message: 'Ta gärna med egen mugg!\nVi ses vid entrén.',
	organiser: 'Arrangör Andersson',
} satisfies EventMessageEmailProps
