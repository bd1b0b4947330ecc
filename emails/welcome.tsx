import { Button } from '@react-email/button'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailLayout, buttonStyle, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'
import { firstName } from '#app/common/names.ts'

export interface WelcomeEmailProps {
	language: SupportedLanguage
	pactName: string
	city: string
	name: string
	myPledgeUrl: string
}

/** After confirmation: thanks, and an invitation into the community behind the pact. */
export default function WelcomeEmail({ language, pactName, city, name, myPledgeUrl }: WelcomeEmailProps) {
	const t = emailT(language, 'pledge')
	const ways = ['events', 'helper', 'proposals', 'ambition'] as const
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.welcome.preview', { city })} footer={t('email.welcome.footer')}>
			<Text style={textStyle}>{t('email.greeting', { name: firstName(name) })}</Text>
			<Text style={textStyle}>{t('email.welcome.intro', { pact: pactName, city })}</Text>
			<Text style={textStyle}>{t('email.welcome.community')}</Text>
			<Text style={{ ...textStyle, fontWeight: 600, marginBottom: '4px' }}>{t('email.welcome.waysTitle')}</Text>
			{ways.map((way) => (
				<Text key={way} style={{ ...textStyle, margin: '0 0 6px' }}>
					• {t(`email.welcome.ways.${way}`)}
				</Text>
			))}
			<Section style={{ margin: '24px 0 8px' }}>
				<Button href={myPledgeUrl} style={buttonStyle}>
					{t('email.welcome.button')}
				</Button>
			</Section>
			<Text style={textStyle}>{t('email.welcome.signOff')}</Text>
		</EmailLayout>
	)
}

WelcomeEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	city: 'Helsingborg',
	name: 'Alva Lind',
	myPledgeUrl: 'http://localhost:3000/my-pledge',
} satisfies WelcomeEmailProps

/** "Hej Alva!" reads warmer than the full name. */
