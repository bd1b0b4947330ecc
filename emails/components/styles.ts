import type { CSSProperties } from 'react'

/**
 * The colours and type every email shares, written inline because mail clients ignore style
 * sheets. The pact's own colour (BRAND_COLOR) is not here: it reaches a message as its
 * `brandColor`, and this is what a message without one (react-email's preview) shows.
 */
export const defaultBrandColor = '#1f6f43'

export const palette = {
	text: '#1d2a21',
	muted: '#5b6b5e',
	quiet: '#4e5d52',
	page: '#f4f7f2',
	card: '#ffffff',
	tint: '#eef4ec',
	rule: '#dde5da',
	quote: '#cfe3d3',
}

export const textStyle = { color: palette.text, fontSize: '16px', lineHeight: '24px' } satisfies CSSProperties

export const smallPrintStyle = { color: palette.muted, fontSize: '13px', lineHeight: '20px' } satisfies CSSProperties

export const codeStyle = {
	fontSize: '28px',
	fontWeight: 700,
	letterSpacing: '6px',
	color: palette.text,
	backgroundColor: palette.tint,
	padding: '12px 16px',
	borderRadius: '6px',
	display: 'inline-block',
} satisfies CSSProperties

export function buttonStyle(brandColor: string): CSSProperties {
	return {
		backgroundColor: brandColor,
		color: '#ffffff',
		padding: '12px 20px',
		borderRadius: '6px',
		fontWeight: 600,
		textDecoration: 'none',
	}
}

export function linkStyle(brandColor: string): CSSProperties {
	return { color: brandColor, textDecoration: 'underline' }
}

/** Headings inside a message: h2 for sections, h3 below them. */
export const headingStyles = {
	h2: { color: palette.text, fontSize: '22px', lineHeight: '28px', margin: '24px 0 8px' },
	h3: { color: palette.text, fontSize: '18px', lineHeight: '24px', margin: '20px 0 8px' },
} satisfies Record<string, CSSProperties>

/** A style object as a style attribute's text, for HTML written without React (markdown). */
export function inlineCss(style: CSSProperties): string {
	return Object.entries(style)
		.map(([name, value]) => `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}:${String(value)}`)
		.join(';')
}
