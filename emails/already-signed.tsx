import { Text } from '@react-email/text'
import { firstName } from '#app/common/names.ts'
import { EmailButton, EmailCode, EmailLayout, type EmailBaseProps } from './components/layout.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface AlreadySignedEmailProps extends EmailBaseProps {
	name: string
	/** A sign-in code and link, so the person can reach their pledge at once. */
	code: string
	url: string
}

/**
 * Someone signed again with an address whose signature is already confirmed. The page answered
 * "check your email" as always; this message tells the owner of the address what to do instead.
 */
export default function AlreadySignedEmail({
	language,
	pactName,
	brandColor,
	name,
	code,
	url,
}: AlreadySignedEmailProps) {
	const t = emailT(language, 'pledge')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t('email.alreadySigned.preview')}
			footer={t('email.alreadySigned.footer')}
		>
			<Text style={textStyle}>{t('email.greeting', { name: firstName(name) })}</Text>
			<Text style={textStyle}>{t('email.alreadySigned.intro', { pact: pactName })}</Text>
			<EmailButton href={url} margin="20px 0">
				{t('email.alreadySigned.button')}
			</EmailButton>
			<EmailCode intro={t('email.alreadySigned.codeIntro')} code={code} validity={t('email.alreadySigned.validFor')} />
		</EmailLayout>
	)
}

AlreadySignedEmail.subject = ({ language, pactName }: AlreadySignedEmailProps) =>
	emailT(language, 'pledge')('email.alreadySigned.subject', { pact: pactName })

AlreadySignedEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	code: '731024',
	url: 'http://localhost:3000/verify?token=exempel&redirectTo=%2Fmy-pledge',
} satisfies AlreadySignedEmailProps
