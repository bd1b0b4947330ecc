import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailEventSummary, previewEvent, summaryLabels, type EmailEvent } from '#app/events/components/email-event-summary.tsx'
import { EmailLayout, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'

export interface EventMessageEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	event: EmailEvent
	message: string
	organiser: string
}

/** An organiser's message to everyone going (and, if chosen, waiting). */
export default function EventMessageEmail({ language, pactName, name, event, message, organiser }: EventMessageEmailProps) {
	const t = emailT(language, 'events')
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.message.preview', { title: event.title })} footer={t('email.footer', { pact: pactName })}>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<Text style={textStyle}>{t('email.message.intro', { title: event.title, organiser })}</Text>
			{message.split(/\n{2,}/).map((paragraph, i) => (
				<Text key={i} style={{ ...textStyle, whiteSpace: 'pre-line' }}>
					{paragraph}
				</Text>
			))}
			<EmailEventSummary event={event} labels={summaryLabels(t)} />
		</EmailLayout>
	)
}

EventMessageEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	event: previewEvent,
	message: 'Ta gärna med egen mugg!\nVi ses vid entrén.',
	organiser: 'Arrangör Andersson',
} satisfies EventMessageEmailProps
