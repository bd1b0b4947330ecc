import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailEventSummary, previewEvent, summaryLabels, type EmailEvent } from '#app/events/components/email-event-summary.tsx'
import { EmailLayout, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'

export interface EventConfirmedEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	event: EmailEvent
}

/** After an RSVP with a place: the details, the calendar entry, and how to give the place away. */
export default function EventConfirmedEmail({ language, pactName, name, event }: EventConfirmedEmailProps) {
	const t = emailT(language, 'events')
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.confirmed.preview', { title: event.title })} footer={t('email.footer', { pact: pactName })}>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<Text style={textStyle}>{t('email.confirmed.intro', { title: event.title })}</Text>
			<Text style={textStyle}>{t('email.confirmed.cancelHint')}</Text>
			<EmailEventSummary event={event} labels={summaryLabels(t)} />
			<Text style={textStyle}>{t('email.calendarAttached')}</Text>
		</EmailLayout>
	)
}

EventConfirmedEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	event: previewEvent,
} satisfies EventConfirmedEmailProps
