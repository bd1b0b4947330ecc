import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailEventSummary, previewEvent, summaryLabels, type EmailEvent } from '#app/events/components/email-event-summary.tsx'
import { EmailLayout, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'

export interface EventReminderEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	event: EmailEvent
	shifts: string[]
}

/** Before the event (24 hours by default): to everyone going and every helper, once. */
export default function EventReminderEmail({ language, pactName, name, event, shifts }: EventReminderEmailProps) {
	const t = emailT(language, 'events')
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.reminder.preview', { title: event.title })} footer={t('email.footer', { pact: pactName })}>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<Text style={textStyle}>{t('email.reminder.intro', { title: event.title })}</Text>
			{shifts.length > 0 ? <Text style={textStyle}>{t('email.reminder.helping', { shifts: shifts.join(', ') })}</Text> : null}
			<Text style={textStyle}>{t('email.reminder.cantCome')}</Text>
			<EmailEventSummary event={event} labels={summaryLabels(t)} />
		</EmailLayout>
	)
}

EventReminderEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	event: previewEvent,
	shifts: ['Duka fram fikat'],
} satisfies EventReminderEmailProps
