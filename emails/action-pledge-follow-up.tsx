import { Text } from '@react-email/text'
import { EmailButton, EmailLayout, type EmailBaseProps } from './components/layout.tsx'
import { palette, textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface ActionPledgeFollowUpEmailProps extends EmailBaseProps {
	partnerName: string
	eventTitle: string
	/** The day, already formatted in the recipient's language. */
	date: string
	pledges: string[]
	/** The signed-in page where the partner answers, pledge by pledge. */
	url: string
}

/** Months after a partnership day: how did the partner's action pledges go? */
export default function ActionPledgeFollowUpEmail(props: ActionPledgeFollowUpEmailProps) {
	const { language, pactName, brandColor, partnerName, eventTitle, date, pledges, url } = props
	const t = emailT(language, 'partnership-day')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t('email.preview', { event: eventTitle })}
			footer={t('email.footer', { partner: partnerName, pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting')}</Text>
			<Text style={textStyle}>{t('email.intro', { date, partner: partnerName, event: eventTitle })}</Text>
			{pledges.map((pledge, i) => (
				<Text
					key={i}
					style={{
						...textStyle,
						borderLeft: `4px solid ${palette.quote}`,
						paddingLeft: '12px',
						whiteSpace: 'pre-line',
					}}
				>
					{pledge}
				</Text>
			))}
			<Text style={textStyle}>{t('email.ask')}</Text>
			<EmailButton href={url} margin="24px 0 8px">
				{t('email.button')}
			</EmailButton>
		</EmailLayout>
	)
}

ActionPledgeFollowUpEmail.subject = ({ language, partnerName }: ActionPledgeFollowUpEmailProps) =>
	emailT(language, 'partnership-day')('email.subject', { partner: partnerName })

ActionPledgeFollowUpEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	partnerName: 'Bageriet Kärnan',
	eventTitle: 'Första partnerskapsdagen för klimatpartner',
	date: '6 mars 2026',
	pledges: [
		'Vi bjuder in Cykelköket Söder att serva våra lådcyklar.',
		'Vi tar emot två praktikanter från Nicolaiskolan i höst.',
	],
	url: 'http://localhost:3000/partnership-day/12/pledges',
} satisfies ActionPledgeFollowUpEmailProps
