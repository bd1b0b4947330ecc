import { Text } from '@react-email/text'
import { EmailButton, EmailLayout, type EmailBaseProps } from './components/layout.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface AgreementReviewedEmailProps extends EmailBaseProps {
	partnerName: string
	decision: 'approved' | 'returned'
	/** The coordinator's comment on a returned agreement. */
	comment: string | null
	/** YYYY-MM-DD: the period an approved agreement runs. */
	periodStart: string
	periodEnd: string
	url: string
}

/** To a partner's contacts: their partnership agreement was approved, or sent back with a comment. */
export default function AgreementReviewedEmail(props: AgreementReviewedEmailProps) {
	const { language, pactName, brandColor, partnerName, decision, comment, url } = props
	const t = emailT(language, 'partners')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t(`email.${decision}.preview`, { partner: partnerName })}
			footer={t('email.footer', { pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting')}</Text>
			<Text style={textStyle}>
				{t(`email.${decision}.intro`, {
					partner: partnerName,
					pact: pactName,
					start: props.periodStart,
					end: props.periodEnd,
				})}
			</Text>
			{comment ? <Text style={{ ...textStyle, whiteSpace: 'pre-line', fontStyle: 'italic' }}>{comment}</Text> : null}
			<EmailButton href={url} margin="24px 0 8px">
				{t(`email.${decision}.button`)}
			</EmailButton>
		</EmailLayout>
	)
}

AgreementReviewedEmail.subject = ({ language, decision, partnerName }: AgreementReviewedEmailProps) =>
	emailT(language, 'partners')(`email.${decision}.subject`, { partner: partnerName })

AgreementReviewedEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	partnerName: 'Bageriet Kärnan',
	decision: 'returned',
	comment: 'Berätta gärna lite mer om hur ni tänker kring utbildningsspåret.',
	periodStart: '2026-12-01',
	periodEnd: '2029-11-30',
	url: 'http://localhost:3000/partners/bageriet-karnan/sign',
} satisfies AgreementReviewedEmailProps
