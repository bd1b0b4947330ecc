import { Button } from '@react-email/button'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailLayout, buttonStyle, codeStyle, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'
import { firstName } from '#app/common/names.ts'

export interface AlreadySignedEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	/** A sign-in code and link, so the person can reach their pledge at once. */
	code: string
	url: string
}

/**
 * Someone signed again with an address whose signature is already confirmed. The page answered
 * "check your email" as always; this message tells the owner of the address what to do instead.
 */
export default function AlreadySignedEmail({ language, pactName, name, code, url }: AlreadySignedEmailProps) {
	const t = emailT(language, 'pledge')
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.alreadySigned.preview')} footer={t('email.alreadySigned.footer')}>
			<Text style={textStyle}>{t('email.greeting', { name: firstName(name) })}</Text>
			<Text style={textStyle}>{t('email.alreadySigned.intro', { pact: pactName })}</Text>
			<Section style={{ margin: '20px 0' }}>
				<Button href={url} style={buttonStyle}>
					{t('email.alreadySigned.button')}
				</Button>
			</Section>
			<Text style={textStyle}>{t('email.alreadySigned.codeIntro')}</Text>
			<Text style={codeStyle}>{code}</Text>
			<Text style={{ ...textStyle, fontSize: '14px', color: '#4e5d52' }}>{t('email.alreadySigned.validFor')}</Text>
		</EmailLayout>
	)
}

AlreadySignedEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	code: '731024',
	url: 'http://localhost:3000/verify?token=exempel&redirectTo=%2Fmy-pledge',
} satisfies AlreadySignedEmailProps

/** "Hej Alva!" reads warmer than the full name. */
