import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailEventSummary, previewEvent, summaryLabels, type EmailEvent } from '#app/events/components/email-event-summary.tsx'
import { EmailLayout, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'

export interface EventRsvpCancelledEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	event: EmailEvent
}

/** After someone cancels their place: the attached CANCEL removes the entry from their calendar. */
export default function EventRsvpCancelledEmail({ language, pactName, name, event }: EventRsvpCancelledEmailProps) {
	const t = emailT(language, 'events')
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.rsvpCancelled.preview', { title: event.title })} footer={t('email.footer', { pact: pactName })}>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<Text style={textStyle}>{t('email.rsvpCancelled.intro', { title: event.title })}</Text>
			<EmailEventSummary event={event} labels={summaryLabels(t)} />
			<Text style={textStyle}>{t('email.calendarAttached')}</Text>
		</EmailLayout>
	)
}

EventRsvpCancelledEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	event: previewEvent,
} satisfies EventRsvpCancelledEmailProps
