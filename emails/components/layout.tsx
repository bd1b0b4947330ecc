import { Body } from '@react-email/body'
import { Button } from '@react-email/button'
import { Container } from '@react-email/container'
import { Head } from '@react-email/head'
import { Hr } from '@react-email/hr'
import { Html } from '@react-email/html'
import { Link } from '@react-email/link'
import { Preview } from '@react-email/preview'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import { createContext, useContext, type ReactNode } from 'react'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { emailT } from '../i18n.ts'
import { buttonStyle, codeStyle, defaultBrandColor, linkStyle, palette, smallPrintStyle, textStyle } from './styles.ts'

/**
 * What every template takes besides its own props. `composeEmail` (app/mail/send-email.server.ts)
 * fills in the pact's name and colour from the settings; the language is the recipient's.
 */
export interface EmailBaseProps {
	language: SupportedLanguage
	pactName: string
	/** BRAND_COLOR; react-email's preview, which has no settings, shows the default. */
	brandColor?: string
}

// The layout hands the pact's colour to the buttons and links inside a message, however deep.
const BrandColor = createContext(defaultBrandColor)

/**
 * The frame every message shares: the pact's name on top, plain readable type, a footer. Without
 * a footer of its own a message says who sent it and why (email:footer.default).
 */
export function EmailLayout({
	language,
	preview,
	pactName,
	brandColor = defaultBrandColor,
	footer,
	children,
}: EmailBaseProps & {
	preview: string
	footer?: string
	children: ReactNode
}) {
	const footerText = footer || emailT(language)('footer.default', { pact: pactName })
	return (
		<Html lang={language}>
			<Head />
			<Preview>{preview}</Preview>
			<Body
				style={{
					backgroundColor: palette.page,
					fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
					margin: 0,
				}}
			>
				<Container
					style={{
						backgroundColor: palette.card,
						maxWidth: '560px',
						margin: '24px auto',
						padding: '24px 28px',
						borderRadius: '8px',
					}}
				>
					<Text style={{ color: brandColor, fontWeight: 700, fontSize: '16px', margin: '0 0 16px' }}>{pactName}</Text>
					<BrandColor.Provider value={brandColor}>
						<Section>{children}</Section>
					</BrandColor.Provider>
					<Hr style={{ borderColor: palette.rule, margin: '24px 0 12px' }} />
					<Text style={{ ...smallPrintStyle, margin: 0 }}>{footerText}</Text>
				</Container>
			</Body>
		</Html>
	)
}

/** The message's one call to action, in the pact's colour, with room around it. */
export function EmailButton({ href, margin, children }: { href: string; margin: string; children: ReactNode }) {
	return (
		<Section style={{ margin }}>
			<Button href={href} style={buttonStyle(useContext(BrandColor))}>
				{children}
			</Button>
		</Section>
	)
}

/** A link in running text: underlined, in the pact's colour. */
export function EmailLink({ href, children }: { href: string; children: ReactNode }) {
	return (
		<Link href={href} style={linkStyle(useContext(BrandColor))}>
			{children}
		</Link>
	)
}

/** The unsubscribe and preferences links every newsletter and digest ends with. */
export function ListLinks({
	unsubscribeUrl,
	unsubscribeLabel,
	preferencesUrl,
	preferencesLabel,
}: {
	unsubscribeUrl: string
	unsubscribeLabel: string
	preferencesUrl: string
	preferencesLabel: string
}) {
	// Quiet links in the small print: the colour only, not underlined.
	const style = { color: useContext(BrandColor) }
	return (
		<Text style={{ ...smallPrintStyle, margin: '0 0 8px' }}>
			<Link href={unsubscribeUrl} style={style}>
				{unsubscribeLabel}
			</Link>
			{' · '}
			<Link href={preferencesUrl} style={style}>
				{preferencesLabel}
			</Link>
		</Text>
	)
}

/** A one-time code to type in, between the line that introduces it and how long it is valid. */
export function EmailCode({ intro, code, validity }: { intro: string; code: string; validity: string }) {
	return (
		<>
			<Text style={textStyle}>{intro}</Text>
			<Text style={codeStyle}>{code}</Text>
			<Text style={{ ...textStyle, fontSize: '14px', color: palette.quiet }}>{validity}</Text>
		</>
	)
}
