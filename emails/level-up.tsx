import { Text } from '@react-email/text'
import { firstName } from '#app/common/names.ts'
import { EmailButton, EmailLayout, EmailLink, type EmailBaseProps } from './components/layout.tsx'
import { palette, textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface LevelUpEmailProps extends EmailBaseProps {
	name: string
	/** The step just reached: 2, 3 or 4. */
	step: 2 | 3 | 4
	ladderUrl: string
	/** Where the person turns these messages off. */
	settingsUrl: string
}

/** A short congratulation on a new step of the engagement ladder, with the step after it. */
export default function LevelUpEmail({
	language,
	pactName,
	brandColor,
	name,
	step,
	ladderUrl,
	settingsUrl,
}: LevelUpEmailProps) {
	const t = emailT(language, 'ladder')
	const title = t(`steps.${step}.title`)
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t('email.preview', { step, title })}
			footer={t('email.footer', { pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting', { name: firstName(name) })}</Text>
			<Text style={textStyle}>{t('email.reached', { step, title })}</Text>
			<Text style={textStyle}>{t(`email.why.${step}`)}</Text>
			<Text style={{ ...textStyle, fontWeight: 600, marginBottom: '4px' }}>
				{step < 4 ? t('email.nextTitle') : t('email.topTitle')}
			</Text>
			<Text style={{ ...textStyle, marginTop: 0 }}>{t(`email.next.${step}`)}</Text>
			<EmailButton href={ladderUrl} margin="24px 0 8px">
				{t('email.button')}
			</EmailButton>
			<Text style={textStyle}>{t('email.signOff')}</Text>
			<Text style={{ ...textStyle, fontSize: '13px', color: palette.muted }}>
				{t('email.turnOff')} <EmailLink href={settingsUrl}>{settingsUrl}</EmailLink>
			</Text>
		</EmailLayout>
	)
}

LevelUpEmail.subject = ({ language, step }: LevelUpEmailProps) => {
	const t = emailT(language, 'ladder')
	return t('email.subject', { step, title: t(`steps.${step}.title`) })
}

LevelUpEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	name: 'Alva Lind',
	step: 2,
	ladderUrl: 'http://localhost:3000/ladder',
	settingsUrl: 'http://localhost:3000/ladder#email-setting',
} satisfies LevelUpEmailProps
