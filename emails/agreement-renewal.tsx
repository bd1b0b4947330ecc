import { Text } from '@react-email/text'
import { EmailButton, EmailLayout, type EmailBaseProps } from './components/layout.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface AgreementRenewalEmailProps extends EmailBaseProps {
	partnerName: string
	/** The agreement's last day, already in words in the recipient's language. */
	periodEnd: string
	/** The partner's management page, where the contact renews. */
	url: string
}

/** To a partner's contacts, once per agreement: it ends soon, renew it. */
export default function AgreementRenewalEmail(props: AgreementRenewalEmailProps) {
	const { language, pactName, brandColor, partnerName, periodEnd, url } = props
	const t = emailT(language, 'partners')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t('email.renewal.preview', { end: periodEnd })}
			footer={t('email.footer', { pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting')}</Text>
			<Text style={textStyle}>
				{t('email.renewal.intro', { partner: partnerName, pact: pactName, end: periodEnd })}
			</Text>
			<Text style={textStyle}>{t('email.renewal.how')}</Text>
			<EmailButton href={url} margin="24px 0 8px">
				{t('email.renewal.button')}
			</EmailButton>
		</EmailLayout>
	)
}

AgreementRenewalEmail.subject = ({ language, partnerName }: AgreementRenewalEmailProps) =>
	emailT(language, 'partners')('email.renewal.subject', { partner: partnerName })

AgreementRenewalEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	partnerName: 'Bageriet Kärnan',
	periodEnd: '30 november 2029',
	url: 'http://localhost:3000/partners/bageriet-karnan/manage',
} satisfies AgreementRenewalEmailProps
