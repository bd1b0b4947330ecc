import { Text } from '@react-email/text'
import { EmailButton, EmailLayout, type EmailBaseProps } from './components/layout.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface StoryReviewedEmailProps extends EmailBaseProps {
	title: string
	decision: 'approved' | 'rejected'
	/** The coordinator's words; always there when the story is not published. */
	comment: string | null
	/** The published story, or the form for a new one. */
	url: string
}

/** A coordinator has reviewed a partner's story: published, or not with what to change. */
export default function StoryReviewedEmail({
	language,
	pactName,
	brandColor,
	title,
	decision,
	comment,
	url,
}: StoryReviewedEmailProps) {
	const t = emailT(language, 'stories')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t(`email.${decision}.preview`, { title })}
			footer={t('email.footer', { pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting')}</Text>
			<Text style={textStyle}>{t(`email.${decision}.intro`, { title })}</Text>
			{comment ? (
				<>
					<Text style={{ ...textStyle, fontWeight: 600, margin: '16px 0 4px' }}>{t('email.comment')}</Text>
					<Text style={{ ...textStyle, whiteSpace: 'pre-line' }}>{comment}</Text>
				</>
			) : null}
			<EmailButton href={url} margin="24px 0 8px">
				{decision === 'approved' ? t('email.button') : t('email.buttonNew')}
			</EmailButton>
		</EmailLayout>
	)
}

StoryReviewedEmail.subject = ({ language, decision, title }: StoryReviewedEmailProps) =>
	emailT(language, 'stories')(`email.${decision}.subject`, { title })

StoryReviewedEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	title: 'Vi cyklar ut brödet',
	decision: 'rejected',
	comment: 'Fin berättelse! Lägg gärna till hur många bilresor lådcykeln ersätter i månaden.',
	url: 'http://localhost:3000/stories/new',
} satisfies StoryReviewedEmailProps
