import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailEventSummary, previewEvent, summaryLabels, type EmailEvent } from '#app/events/components/email-event-summary.tsx'
import { EmailLayout, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'

export interface EventPromotedEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	event: EmailEvent
}

/** A place freed up and went to the first on the waitlist: this tells them at once. */
export default function EventPromotedEmail({ language, pactName, name, event }: EventPromotedEmailProps) {
	const t = emailT(language, 'events')
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.promoted.preview', { title: event.title })} footer={t('email.footer', { pact: pactName })}>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<Text style={textStyle}>{t('email.promoted.intro', { title: event.title })}</Text>
			<Text style={textStyle}>{t('email.confirmed.cancelHint')}</Text>
			<EmailEventSummary event={event} labels={summaryLabels(t)} />
			<Text style={textStyle}>{t('email.calendarAttached')}</Text>
		</EmailLayout>
	)
}

EventPromotedEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	event: previewEvent,
} satisfies EventPromotedEmailProps
