import { Text } from '@react-email/text'
import { firstName } from '#app/common/names.ts'
import { EmailButton, EmailLayout, type EmailBaseProps } from './components/layout.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface WelcomeEmailProps extends EmailBaseProps {
	city: string
	name: string
	myPledgeUrl: string
}

/** After confirmation: thanks, and an invitation into the community behind the pact. */
export default function WelcomeEmail({ language, pactName, brandColor, city, name, myPledgeUrl }: WelcomeEmailProps) {
	const t = emailT(language, 'pledge')
	const ways = ['events', 'helper', 'proposals', 'ambition'] as const
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t('email.welcome.preview', { city })}
			footer={t('email.welcome.footer')}
		>
			<Text style={textStyle}>{t('email.greeting', { name: firstName(name) })}</Text>
			<Text style={textStyle}>{t('email.welcome.intro', { pact: pactName, city })}</Text>
			<Text style={textStyle}>{t('email.welcome.community')}</Text>
			<Text style={{ ...textStyle, fontWeight: 600, marginBottom: '4px' }}>{t('email.welcome.waysTitle')}</Text>
			{ways.map((way) => (
				<Text key={way} style={{ ...textStyle, margin: '0 0 6px' }}>
					• {t(`email.welcome.ways.${way}`)}
				</Text>
			))}
			<EmailButton href={myPledgeUrl} margin="24px 0 8px">
				{t('email.welcome.button')}
			</EmailButton>
			<Text style={textStyle}>{t('email.welcome.signOff')}</Text>
		</EmailLayout>
	)
}

WelcomeEmail.subject = ({ language, pactName }: WelcomeEmailProps) =>
	emailT(language, 'pledge')('email.welcome.subject', { pact: pactName })

WelcomeEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	city: 'Helsingborg',
	name: 'Alva Lind',
	myPledgeUrl: 'http://localhost:3000/my-pledge',
} satisfies WelcomeEmailProps
