import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailEventSummary, previewEvent, summaryLabels, type EmailEvent } from '#app/events/components/email-event-summary.tsx'
import { EmailLayout, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'

export interface EventWaitlistedEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	event: EmailEvent
	position: string
}

/** After an RSVP to a full event: the place in the queue, and that promotion is automatic. */
export default function EventWaitlistedEmail({ language, pactName, name, event, position }: EventWaitlistedEmailProps) {
	const t = emailT(language, 'events')
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.waitlisted.preview', { title: event.title })} footer={t('email.footer', { pact: pactName })}>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<Text style={textStyle}>{t('email.waitlisted.intro', { title: event.title, position })}</Text>
			<Text style={textStyle}>{t('email.waitlisted.how')}</Text>
			<EmailEventSummary event={event} labels={summaryLabels(t)} />
		</EmailLayout>
	)
}

EventWaitlistedEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	event: previewEvent,
	position: '3',
} satisfies EventWaitlistedEmailProps
