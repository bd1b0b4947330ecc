import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailEventSummary, previewEvent, summaryLabels, type EmailEvent } from '#app/events/components/email-event-summary.tsx'
import { EmailLayout, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'

export interface EventHelperEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	event: EmailEvent
	shift: string
}

/** After taking a helper shift: thanks, the shift, and a calendar entry. */
export default function EventHelperEmail({ language, pactName, name, event, shift }: EventHelperEmailProps) {
	const t = emailT(language, 'events')
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.helper.preview', { title: event.title })} footer={t('email.footer', { pact: pactName })}>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<Text style={textStyle}>{t('email.helper.intro', { title: event.title, shift })}</Text>
			<Text style={textStyle}>{t('email.helper.leaveHint')}</Text>
			<EmailEventSummary event={event} labels={summaryLabels(t)} />
			<Text style={textStyle}>{t('email.calendarAttached')}</Text>
		</EmailLayout>
	)
}

EventHelperEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	event: previewEvent,
	shift: 'Duka fram fikat',
} satisfies EventHelperEmailProps
