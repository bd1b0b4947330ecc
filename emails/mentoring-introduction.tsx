import { Text } from '@react-email/text'
import { EmailButton, EmailLayout, EmailLink, type EmailBaseProps } from './components/layout.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface MentoringIntroductionEmailProps extends EmailBaseProps {
	/** What the recipient's organisation is in the mentorship. */
	side: 'mentor' | 'mentee'
	partnerName: string
	otherName: string
	/** The other partner's contacts, to get in touch with. */
	otherContacts: Array<{ name: string; email: string }>
	/** The recipient's partner's mentoring page. */
	url: string
}

/** A coordinator has paired two partners: each side's contacts meet the other's. */
export default function MentoringIntroductionEmail({
	language,
	pactName,
	brandColor,
	side,
	partnerName,
	otherName,
	otherContacts,
	url,
}: MentoringIntroductionEmailProps) {
	const t = emailT(language, 'mentoring')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t(`email.${side}.preview`, { partner: partnerName, other: otherName })}
			footer={t('email.footer', { partner: partnerName, pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting')}</Text>
			<Text style={textStyle}>{t(`email.${side}.intro`, { partner: partnerName, other: otherName })}</Text>
			{otherContacts.length > 0 ? (
				<>
					<Text style={{ ...textStyle, fontWeight: 600, margin: '16px 0 4px' }}>
						{t('email.contacts', { other: otherName })}
					</Text>
					{otherContacts.map((contact) => (
						<Text key={contact.email} style={{ ...textStyle, margin: '0 0 4px' }}>
							{contact.name}, <EmailLink href={`mailto:${contact.email}`}>{contact.email}</EmailLink>
						</Text>
					))}
				</>
			) : null}
			<Text style={{ ...textStyle, marginTop: '16px' }}>{t('email.next')}</Text>
			<EmailButton href={url} margin="24px 0 8px">
				{t('email.button')}
			</EmailButton>
		</EmailLayout>
	)
}

MentoringIntroductionEmail.subject = ({ language, side, partnerName, otherName }: MentoringIntroductionEmailProps) =>
	emailT(language, 'mentoring')(`email.${side}.subject`, { partner: partnerName, other: otherName })

MentoringIntroductionEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	side: 'mentee',
	partnerName: 'Rosengårdens Café',
	otherName: 'Bageriet Kärnan',
	otherContacts: [{ name: 'Lina Bagare', email: 'lina.bagare@klimatpakt.example' }],
	url: 'http://localhost:3000/partners/rosengardens-cafe/mentoring',
} satisfies MentoringIntroductionEmailProps
