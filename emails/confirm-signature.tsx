import { Text } from '@react-email/text'
import { firstName } from '#app/common/names.ts'
import { EmailButton, EmailCode, EmailLayout, type EmailBaseProps } from './components/layout.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface ConfirmSignatureEmailProps extends EmailBaseProps {
	name: string
	code: string
	url: string
	/** The commitments the person chose, as titles in their language or in their own words. */
	commitments: string[]
}

/** Double opt-in: the signature counts only once the person uses this link or code. */
export default function ConfirmSignatureEmail({
	language,
	pactName,
	brandColor,
	name,
	code,
	url,
	commitments,
}: ConfirmSignatureEmailProps) {
	const t = emailT(language, 'pledge')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t('email.confirm.preview', { code })}
			footer={t('email.confirm.footer')}
		>
			<Text style={textStyle}>{t('email.greeting', { name: firstName(name) })}</Text>
			<Text style={textStyle}>{t('email.confirm.intro', { pact: pactName })}</Text>
			<EmailButton href={url} margin="20px 0">
				{t('email.confirm.button')}
			</EmailButton>
			<EmailCode intro={t('email.confirm.codeIntro')} code={code} validity={t('email.confirm.validFor')} />
			{commitments.length > 0 ? (
				<>
					<Text style={{ ...textStyle, fontWeight: 600, marginBottom: '4px' }}>
						{t('email.confirm.yourCommitments')}
					</Text>
					{commitments.map((commitment, index) => (
						<Text key={index} style={{ ...textStyle, margin: '0 0 4px' }}>
							• {commitment}
						</Text>
					))}
				</>
			) : null}
		</EmailLayout>
	)
}

ConfirmSignatureEmail.subject = ({ language, pactName }: ConfirmSignatureEmailProps) =>
	emailT(language, 'pledge')('email.confirm.subject', { pact: pactName })

ConfirmSignatureEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	code: '482913',
	url: 'http://localhost:3000/verify?token=exempel',
	commitments: [
		'Cykla eller gå till jobbet minst tre dagar i veckan',
		'Äta vegetariskt fyra dagar i veckan',
		'Laga mina kläder innan jag köper nya',
	],
} satisfies ConfirmSignatureEmailProps
