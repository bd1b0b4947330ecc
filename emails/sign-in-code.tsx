import { Button } from '@react-email/button'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { buttonStyle, codeStyle, EmailLayout, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'

/**
 * The answer to "sign me in": a 6-digit code and a button to /verify. When the address has no
 * account the same request gets the same page, and this message says so instead and points to
 * the sign form (see app/auth/sign-in.server.ts for why). The code stays out of the subject and
 * preview text: those show on locked phones, where anyone nearby could read them.
 */
export type SignInCodeEmailProps = {
	language: SupportedLanguage
	pactName: string
	validMinutes: number
} & ({ hasAccount: true; code: string; verifyUrl: string } | { hasAccount: false; signUrl: string })

export function signInCodeSubject(language: SupportedLanguage, pactName: string, hasAccount: boolean): string {
	const t = emailT(language, 'auth')
	return hasAccount ? t('email.subject', { pact: pactName }) : t('email.noAccount.subject', { pact: pactName })
}

export default function SignInCodeEmail(props: SignInCodeEmailProps) {
	const { language, pactName, validMinutes } = props
	const t = emailT(language, 'auth')
	if (!props.hasAccount) {
		return (
			<EmailLayout language={language} pactName={pactName} preview={t('email.noAccount.preview')} footer={t('email.footer', { pact: pactName })}>
				<Text style={textStyle}>{t('email.noAccount.body', { pact: pactName })}</Text>
				<Text style={textStyle}>{t('email.noAccount.invite')}</Text>
				<Section style={{ margin: '8px 0 24px' }}>
					<Button href={props.signUrl} style={buttonStyle}>
						{t('email.noAccount.button')}
					</Button>
				</Section>
				<Text style={textStyle}>{t('email.noAccount.ignore')}</Text>
			</EmailLayout>
		)
	}
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.preview', { minutes: validMinutes })} footer={t('email.footer', { pact: pactName })}>
			<Text style={textStyle}>{t('email.intro', { pact: pactName })}</Text>
			<Section style={{ margin: '8px 0 16px' }}>
				<Text style={{ ...codeStyle, margin: 0 }}>
					{props.code}
				</Text>
			</Section>
			<Text style={textStyle}>{t('email.orButton')}</Text>
			<Section style={{ margin: '8px 0 24px' }}>
				<Button href={props.verifyUrl} style={buttonStyle}>
					{t('email.button')}
				</Button>
			</Section>
			<Text style={textStyle}>{t('email.validity', { minutes: validMinutes })}</Text>
			<Text style={textStyle}>{t('email.ignore')}</Text>
		</EmailLayout>
	)
}

SignInCodeEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	validMinutes: 10,
	hasAccount: true,
	code: '493027',
	verifyUrl: 'http://localhost:3000/verify?token=abcdefghijklmnopqrstuvwxyz234567',
} satisfies SignInCodeEmailProps
