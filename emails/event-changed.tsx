import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailEventSummary, previewEvent, summaryLabels, type EmailEvent } from '#app/events/components/email-event-summary.tsx'
import { EmailLayout, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'

export interface EventChangedEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	event: EmailEvent
}

/** The time or place changed: the new details and a calendar entry that replaces the old one. */
export default function EventChangedEmail({ language, pactName, name, event }: EventChangedEmailProps) {
	const t = emailT(language, 'events')
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.changed.preview', { title: event.title })} footer={t('email.footer', { pact: pactName })}>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<Text style={textStyle}>{t('email.changed.intro', { title: event.title })}</Text>
			<EmailEventSummary event={event} labels={summaryLabels(t)} />
			<Text style={textStyle}>{t('email.calendarAttached')}</Text>
		</EmailLayout>
	)
}

EventChangedEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	event: previewEvent,
} satisfies EventChangedEmailProps
