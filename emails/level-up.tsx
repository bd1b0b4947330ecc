import { Button } from '@react-email/button'
import { Link } from '@react-email/link'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailLayout, buttonStyle, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'
import { firstName } from '#app/common/names.ts'

export interface LevelUpEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	/** The step just reached: 2, 3 or 4. */
	step: 2 | 3 | 4
	ladderUrl: string
	/** Where the person turns these messages off. */
	settingsUrl: string
}

/** A short congratulation on a new step of the engagement ladder, with the step after it. */
export default function LevelUpEmail({ language, pactName, name, step, ladderUrl, settingsUrl }: LevelUpEmailProps) {
	const t = emailT(language, 'ladder')
	const title = t(`steps.${step}.title`)
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.preview', { step, title })} footer={t('email.footer', { pact: pactName })}>
			<Text style={textStyle}>{t('email.greeting', { name: firstName(name) })}</Text>
			<Text style={textStyle}>{t('email.reached', { step, title })}</Text>
			<Text style={textStyle}>{t(`email.why.${step}`)}</Text>
			<Text style={{ ...textStyle, fontWeight: 600, marginBottom: '4px' }}>{step < 4 ? t('email.nextTitle') : t('email.topTitle')}</Text>
			<Text style={{ ...textStyle, marginTop: 0 }}>{t(`email.next.${step}`)}</Text>
			<Section style={{ margin: '24px 0 8px' }}>
				<Button href={ladderUrl} style={buttonStyle}>
					{t('email.button')}
				</Button>
			</Section>
			<Text style={textStyle}>{t('email.signOff')}</Text>
			<Text style={{ ...textStyle, fontSize: '13px', color: '#5b6b5e' }}>
				{t('email.turnOff')}{' '}
				<Link href={settingsUrl} style={{ color: '#1f6f43', textDecoration: 'underline' }}>
					{settingsUrl}
				</Link>
			</Text>
		</EmailLayout>
	)
}

LevelUpEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	step: 2,
	ladderUrl: 'http://localhost:3000/ladder',
	settingsUrl: 'http://localhost:3000/ladder#email-setting',
} satisfies LevelUpEmailProps

/** "Hej Alva!" reads warmer than the full name. */
