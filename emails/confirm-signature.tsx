import { Button } from '@react-email/button'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { EmailLayout, buttonStyle, codeStyle, textStyle } from './components/layout.tsx'
import { emailT } from './i18n.ts'
import { firstName } from '#app/common/names.ts'

export interface ConfirmSignatureEmailProps {
	language: SupportedLanguage
	pactName: string
	name: string
	code: string
	url: string
	/** The commitments the person chose, as titles in their language or in their own words. */
	commitments: string[]
}

/** Double opt-in: the signature counts only once the person uses this link or code. */
export default function ConfirmSignatureEmail({ language, pactName, name, code, url, commitments }: ConfirmSignatureEmailProps) {
	const t = emailT(language, 'pledge')
	return (
		<EmailLayout language={language} pactName={pactName} preview={t('email.confirm.preview', { code })} footer={t('email.confirm.footer')}>
			<Text style={textStyle}>{t('email.greeting', { name: firstName(name) })}</Text>
			<Text style={textStyle}>{t('email.confirm.intro', { pact: pactName })}</Text>
			<Section style={{ margin: '20px 0' }}>
				<Button href={url} style={buttonStyle}>
					{t('email.confirm.button')}
				</Button>
			</Section>
			<Text style={textStyle}>{t('email.confirm.codeIntro')}</Text>
			<Text style={codeStyle}>{code}</Text>
			<Text style={{ ...textStyle, fontSize: '14px', color: '#4e5d52' }}>{t('email.confirm.validFor')}</Text>
			{commitments.length > 0 ? (
				<>
					<Text style={{ ...textStyle, fontWeight: 600, marginBottom: '4px' }}>{t('email.confirm.yourCommitments')}</Text>
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

ConfirmSignatureEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	code: '482913',
	url: 'http://localhost:3000/verify?token=exempel',
	commitments: ['Cykla eller gå till jobbet minst tre dagar i veckan', 'Äta vegetariskt fyra dagar i veckan', 'Laga mina kläder innan jag köper nya'],
} satisfies ConfirmSignatureEmailProps

/** "Hej Alva!" reads warmer than the full name. */
