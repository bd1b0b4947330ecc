import { Text } from '@react-email/text'
import { EmailButton, EmailLayout, type EmailBaseProps } from './components/layout.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface ReportReminderEmailProps extends EmailBaseProps {
	partnerName: string
	year: number
	/** Already formatted in the recipient's language. */
	deadline: string
	url: string
}

/** A partner's climate report for last year has not come in by the deadline. */
export default function ReportReminderEmail(props: ReportReminderEmailProps) {
	const { language, pactName, brandColor, partnerName, year, deadline, url } = props
	const t = emailT(language, 'reports')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t('email.preview', { year })}
			footer={t('email.footer', { partner: partnerName, pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting')}</Text>
			<Text style={textStyle}>{t('email.intro', { partner: partnerName, year, deadline })}</Text>
			<Text style={textStyle}>{t('email.why')}</Text>
			<EmailButton href={url} margin="24px 0 8px">
				{t('email.button', { year })}
			</EmailButton>
		</EmailLayout>
	)
}

ReportReminderEmail.subject = ({ language, partnerName, year }: ReportReminderEmailProps) =>
	emailT(language, 'reports')('email.subject', { partner: partnerName, year })

ReportReminderEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	partnerName: 'Bageriet Kärnan',
	year: 2025,
	deadline: '31 mars 2026',
	url: 'http://localhost:3000/partners/bageriet-karnan/reports',
} satisfies ReportReminderEmailProps
