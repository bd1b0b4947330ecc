import { Text } from '@react-email/text'
import { EmailButton, EmailLayout, type EmailBaseProps } from './components/layout.tsx'
import { palette, textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface QuestionAnsweredEmailProps extends EmailBaseProps {
	eventTitle: string
	question: string
	answer: string
	/** Already formatted in the recipient's language. */
	followUpOn: string | null
	url: string
}

/** A question someone asked or voted for at a politician Q&A got its answer. */
export default function QuestionAnsweredEmail(props: QuestionAnsweredEmailProps) {
	const { language, pactName, brandColor, eventTitle, question, answer, followUpOn, url } = props
	const t = emailT(language, 'questions')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t('email.preview', { event: eventTitle })}
			footer={t('email.footer', { pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting')}</Text>
			<Text style={textStyle}>{t('email.intro', { event: eventTitle })}</Text>
			<Text
				style={{ ...textStyle, borderLeft: `4px solid ${palette.quote}`, paddingLeft: '12px', fontStyle: 'italic' }}
			>
				{question}
			</Text>
			<Text style={{ ...textStyle, fontWeight: 600, marginBottom: '4px' }}>{t('email.answer')}</Text>
			<Text style={{ ...textStyle, whiteSpace: 'pre-line' }}>{answer}</Text>
			{followUpOn ? <Text style={textStyle}>{t('email.followUp', { date: followUpOn })}</Text> : null}
			<EmailButton href={url} margin="24px 0 8px">
				{t('email.button')}
			</EmailButton>
		</EmailLayout>
	)
}

QuestionAnsweredEmail.subject = ({ language, eventTitle }: QuestionAnsweredEmailProps) =>
	emailT(language, 'questions')('email.subject', { event: eventTitle })

QuestionAnsweredEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	eventTitle: 'Politikerutfrågning: vägen till klimatneutralt 2035',
	question: 'När får Helsingborg cykelbanor hela vägen från Råå till centrum?',
	answer: 'Sträckan byggs ut i två etapper. Den första blir klar hösten 2027.',
	followUpOn: '1 oktober 2027',
	url: 'http://localhost:3000/events/politikerutfragning#questions',
} satisfies QuestionAnsweredEmailProps
