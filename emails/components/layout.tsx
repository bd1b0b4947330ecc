import { Body } from '@react-email/body'
import { Container } from '@react-email/container'
import { Head } from '@react-email/head'
import { Hr } from '@react-email/hr'
import { Html } from '@react-email/html'
import { Link } from '@react-email/link'
import { Preview } from '@react-email/preview'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import type { ReactNode } from 'react'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { emailT } from '../i18n.ts'

/**
 * The frame every message shares: the pact's name on top, plain readable type, a footer. Without
 * a footer of its own a message says who sent it and why (email:footer.default).
 */
export function EmailLayout({
	language,
	preview,
	pactName,
	footer,
	children,
}: {
	language: SupportedLanguage
	preview: string
	pactName: string
	footer?: string
	children: ReactNode
}) {
	const footerText = footer || emailT(language)('footer.default', { pact: pactName })
	return (
		<Html lang={language}>
			<Head />
			<Preview>{preview}</Preview>
			<Body style={{ backgroundColor: '#f4f7f2', fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif', margin: 0 }}>
				<Container style={{ backgroundColor: '#ffffff', maxWidth: '560px', margin: '24px auto', padding: '24px 28px', borderRadius: '8px' }}>
					<Text style={{ color: '#1f6f43', fontWeight: 700, fontSize: '16px', margin: '0 0 16px' }}>{pactName}</Text>
					<Section>{children}</Section>
					<Hr style={{ borderColor: '#dde5da', margin: '24px 0 12px' }} />
					<Text style={{ color: '#5b6b5e', fontSize: '13px', lineHeight: '20px', margin: 0 }}>{footerText}</Text>
				</Container>
			</Body>
		</Html>
	)
}

export const textStyle = { color: '#1d2a21', fontSize: '16px', lineHeight: '24px' }
export const codeStyle = {
	fontSize: '28px',
	fontWeight: 700,
	letterSpacing: '6px',
	color: '#1d2a21',
	backgroundColor: '#eef4ec',
	padding: '12px 16px',
	borderRadius: '6px',
	display: 'inline-block',
}
export const buttonStyle = {
	backgroundColor: '#1f6f43',
	color: '#ffffff',
	padding: '12px 20px',
	borderRadius: '6px',
	fontWeight: 600,
	textDecoration: 'none',
}

/** The unsubscribe and preferences links every newsletter and digest ends with. */
export function ListLinks({ unsubscribeUrl, unsubscribeLabel, preferencesUrl, preferencesLabel }: { unsubscribeUrl: string; unsubscribeLabel: string; preferencesUrl: string; preferencesLabel: string }) {
	return (
		<Text style={{ color: '#5b6b5e', fontSize: '13px', lineHeight: '20px', margin: '0 0 8px' }}>
			<Link href={unsubscribeUrl} style={{ color: '#1f6f43' }}>
				{unsubscribeLabel}
			</Link>
			{' · '}
			<Link href={preferencesUrl} style={{ color: '#1f6f43' }}>
				{preferencesLabel}
			</Link>
		</Text>
	)
}
