import { Text } from '@react-email/text'
import type { ProposalOutcome } from '#db/schema.ts'
import { EmailButton, EmailLayout, EmailLink, type EmailBaseProps } from './components/layout.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface ProposalStatusEmailProps extends EmailBaseProps {
	title: string
	status: 'open' | 'submitted' | 'answered'
	/** The author hears "your proposal", a supporter "a proposal you support". */
	toAuthor: boolean
	/** Days already formatted in the recipient's language. */
	submittedOn: string | null
	reference: string | null
	cityUrl: string | null
	outcome: ProposalOutcome | null
	answer: string | null
	answeredOn: string | null
	url: string
}

/** A citizen proposal moved on: published, submitted to the city, or answered by it. */
export default function ProposalStatusEmail(props: ProposalStatusEmailProps) {
	const { language, pactName, brandColor, title, status, toAuthor, url } = props
	const t = emailT(language, 'proposals')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={t(`email.${status}.preview`, { title })}
			footer={t('email.footer', { pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting')}</Text>
			<Text style={textStyle}>
				{t(toAuthor ? `email.${status}.introAuthor` : `email.${status}.introSupporter`, { title })}
			</Text>
			{status === 'submitted' ? (
				<Text style={textStyle}>
					{t('email.submitted.details', { date: props.submittedOn, reference: props.reference })}
					{props.cityUrl ? (
						<>
							{' '}
							<EmailLink href={props.cityUrl}>{t('email.submitted.cityLink')}</EmailLink>
						</>
					) : null}
				</Text>
			) : null}
			{status === 'answered' && props.outcome ? (
				<>
					<Text style={{ ...textStyle, fontWeight: 600 }}>
						{t(`email.answered.outcome.${props.outcome}`, { date: props.answeredOn })}
					</Text>
					{(props.answer ?? '').split(/\n{2,}/).map((paragraph, i) => (
						<Text key={i} style={{ ...textStyle, whiteSpace: 'pre-line' }}>
							{paragraph}
						</Text>
					))}
				</>
			) : null}
			<EmailButton href={url} margin="24px 0 8px">
				{t('email.button')}
			</EmailButton>
		</EmailLayout>
	)
}

ProposalStatusEmail.subject = ({ language, status, title }: ProposalStatusEmailProps) =>
	emailT(language, 'proposals')(`email.${status}.subject`, { title })

ProposalStatusEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	title: 'Säkra cykelparkeringar vid alla stationer',
	status: 'answered',
	toAuthor: false,
	submittedOn: '3 mars 2026',
	reference: 'KS 2026/0412',
	cityUrl: 'https://example.org/diarium/KS-2026-0412',
	outcome: 'partly-accepted',
	answer: 'Kommunen bygger låsbara cykelparkeringar vid Knutpunkten under 2027.\n\nÖvriga stationer utreds.',
	answeredOn: '12 oktober 2026',
	url: 'http://localhost:3000/proposals/1',
} satisfies ProposalStatusEmailProps
