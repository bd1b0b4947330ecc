import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import { EmailButton, EmailLayout, type EmailBaseProps } from './components/layout.tsx'
import { codeStyle, textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

/**
 * The answer to "sign me in": a 6-digit code and a button to /verify. When the address has no
 * account the same request gets the same page, and this message says so instead and points to
 * the sign form (see app/auth/sign-in.server.ts for why). The code stays out of the subject and
 * preview text: those show on locked phones, where anyone nearby could read them.
 */
export type SignInCodeEmailProps = EmailBaseProps & {
	validMinutes: number
} & ({ hasAccount: true; code: string; verifyUrl: string } | { hasAccount: false; signUrl: string })

export default function SignInCodeEmail(props: SignInCodeEmailProps) {
	const { language, pactName, brandColor, validMinutes } = props
	const t = emailT(language, 'auth')
	if (!props.hasAccount) {
		return (
			<EmailLayout
				language={language}
				pactName={pactName}
				brandColor={brandColor}
				preview={t('email.noAccount.preview')}
				footer={t('email.footer', { pact: pactName })}
			>
				<Text style={textStyle}>{t('email.noAccount.body', { pact: pactName })}</Text>
				<Text style={textStyle}>{t('email.noAccount.invite')}</Text>
				<EmailButton href={props.signUrl} margin="8px 0 24px">
					{t('email.noAccount.button')}
				</EmailButton>
				<Text style={textStyle}>{t('email.noAccount.ignore')}</Text>
			</EmailLayout>
		)
	}
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t('email.preview', { minutes: validMinutes })}
			footer={t('email.footer', { pact: pactName })}
		>
			<Text style={textStyle}>{t('email.intro', { pact: pactName })}</Text>
			<Section style={{ margin: '8px 0 16px' }}>
				<Text style={{ ...codeStyle, margin: 0 }}>{props.code}</Text>
			</Section>
			<Text style={textStyle}>{t('email.orButton')}</Text>
			<EmailButton href={props.verifyUrl} margin="8px 0 24px">
				{t('email.button')}
			</EmailButton>
			<Text style={textStyle}>{t('email.validity', { minutes: validMinutes })}</Text>
			<Text style={textStyle}>{t('email.ignore')}</Text>
		</EmailLayout>
	)
}

SignInCodeEmail.subject = ({ language, pactName, hasAccount }: SignInCodeEmailProps) => {
	const t = emailT(language, 'auth')
	return hasAccount ? t('email.subject', { pact: pactName }) : t('email.noAccount.subject', { pact: pactName })
}

SignInCodeEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	validMinutes: 10,
	hasAccount: true,
	code: '493027',
	verifyUrl: 'http://localhost:3000/verify?token=abcdefghijklmnopqrstuvwxyz234567',
} satisfies SignInCodeEmailProps
