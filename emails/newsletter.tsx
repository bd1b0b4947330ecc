import { Text } from '@react-email/text'
import { EmailLayout, ListLinks, type EmailBaseProps } from './components/layout.tsx'
import { textStyle } from './components/styles.ts'
import { emailT } from './i18n.ts'

export interface NewsletterEmailProps extends EmailBaseProps {
	subject: string
	preheader: string
	/** Sanitised HTML from the coordinator's markdown (app/common/markdown.server.ts, email profile). */
	bodyHtml: string
	/** The recipient's first name, or a placeholder that delivery fills in. */
	name: string
	unsubscribeUrl: string
	preferencesUrl: string
}

/**
 * A coordinator's newsletter. Rendered once per language with placeholders for the name and the
 * links, which delivery fills in per recipient (see docs/decisions/0010-newsletters-exactly-once.md).
 */
export default function NewsletterEmail({
	language,
	pactName,
	brandColor,
	preheader,
	bodyHtml,
	name,
	unsubscribeUrl,
	preferencesUrl,
}: NewsletterEmailProps) {
	const t = emailT(language, 'newsletters')
	return (
		<EmailLayout
			language={language}
			pactName={pactName}
			brandColor={brandColor}
			preview={preheader}
			footer={t('email.footer', { pact: pactName })}
		>
			<Text style={textStyle}>{t('email.greeting', { name })}</Text>
			<div dangerouslySetInnerHTML={{ __html: bodyHtml }} />
			<ListLinks
				unsubscribeUrl={unsubscribeUrl}
				unsubscribeLabel={t('email.unsubscribe')}
				preferencesUrl={preferencesUrl}
				preferencesLabel={t('email.preferences')}
			/>
		</EmailLayout>
	)
}

NewsletterEmail.subject = ({ subject }: NewsletterEmailProps) => subject

NewsletterEmail.PreviewProps = {
	language: 'sv',
	pactName: 'Helsingborgarnas klimatavtal',
	subject: 'Nu är vi 5 000!',
	preheader: 'Klimatfika i Tågaborg och 1 200 nya underskrifter',
	bodyHtml:
		'<h2 style="color:#1d2a21;font-size:22px">Nu är vi 5 000!</h2><p style="color:#1d2a21;font-size:16px;line-height:24px">Tack för att du är med. Välkommen på <a href="https://klimatpakt.example/events" style="color:#1f6f43">klimatfika</a> i vår.</p>',
	name: 'Alva',
	unsubscribeUrl: 'https://klimatpakt.example/unsubscribe/example',
	preferencesUrl: 'https://klimatpakt.example/preferences',
} satisfies NewsletterEmailProps
