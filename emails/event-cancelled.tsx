import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailEventSummary, previewEvent, summaryLabels, type EmailEvent } from '#app/events/components/email-event-summary.tsx'
import { EmailLayout, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'

export interface EventCancelledEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	event: EmailEvent
	note: string | null
}

/** The organiser cancelled the event: the attached CANCEL removes it from calendars. */
export default function EventCancelledEmail({ language, pactName, name, event, note }: EventCancelledEmailProps) {
	const t = emailT(language, 'events')
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.cancelled.preview', { title: event.title })} footer={t('email.footer', { pact: pactName })}>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<Text style={textStyle}>{t('email.cancelled.intro', { title: event.title })}</Text>
			{note ? (
				<Text style={textStyle}>
					<strong>{t('email.cancelled.note')}</strong> {note}
				</Text>
			) : null}
			<Text style={textStyle}>{t('email.cancelled.sorry')}</Text>
			<EmailEventSummary event={event} labels={summaryLabels(t)} />
			<Text style={textStyle}>{t('email.calendarAttached')}</Text>
		</EmailLayout>
	)
}

EventCancelledEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	event: previewEvent,
	note: 'Lokalen är tyvärr vattenskadad. Vi återkommer med ett nytt datum.',
} satisfies EventCancelledEmailProps
