import { marked } from 'marked'
import sanitizeHtml from 'sanitize-html'
import { headingStyles, inlineCss, linkStyle, palette, textStyle } from '#emails/components/styles.ts'

/**
 * Markdown that organisers and coordinators write, as safe HTML in one of two profiles: `web` for
 * the site's pages, `emailProfile(brandColor)` for a message. Whatever the profile, raw HTML in
 * the markdown passes only as far as the profile allows, and links keep to safe schemes.
 */
export interface MarkdownProfile {
	/** The tag each markdown heading level (h1 to h6) becomes. */
	headings: Record<HeadingTag, string>
	/** Allowed tags besides the headings. */
	tags: string[]
	/** An inline style per output tag (mail clients ignore style sheets); none on the web. */
	styles: Partial<Record<string, string>>
	/** Attributes every link gets. */
	link: Record<string, string>
}

type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6'
const headingTags: HeadingTag[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']

/**
 * The site: headings step down so the page keeps one h1 and a description sits under the page's
 * own h2; links open normally but carry no referrer or ranking; no images.
 */
export const webProfile: MarkdownProfile = {
	headings: { h1: 'h3', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h5', h6: 'h5' },
	tags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'blockquote', 'code', 'pre', 'hr', 'del'],
	styles: {},
	link: { rel: 'nofollow noreferrer' },
}

/**
 * A message: only what mail clients show well, every element styled inline, two heading levels
 * under the greeting, links in the pact's colour, images by URL scaled to the column.
 */
export function emailProfile(brandColor: string): MarkdownProfile {
	return {
		headings: { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h3', h5: 'h3', h6: 'h3' },
		tags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'blockquote', 'hr', 'del', 'img', 'code'],
		styles: {
			p: inlineCss({ ...textStyle, margin: '0 0 16px' }),
			li: inlineCss({ ...textStyle, margin: '0 0 4px' }),
			h2: inlineCss(headingStyles.h2),
			h3: inlineCss(headingStyles.h3),
			a: inlineCss(linkStyle(brandColor)),
			img: 'display:block;max-width:100%;height:auto;border:0;margin:8px 0 16px',
			blockquote: `border-left:4px solid ${palette.quote};margin:0 0 16px;padding:0 0 0 12px`,
		},
		link: {},
	}
}

export function markdownToHtml(markdown: string, profile: MarkdownProfile): string {
	const html = marked.parse(markdown, { async: false, gfm: true, breaks: true })
	// The tag's own style, plus a link's attributes, replacing any the markdown's HTML brought.
	const attributesOf = (tag: string) => ({
		...(tag === 'a' ? profile.link : {}),
		...(profile.styles[tag] ? { style: profile.styles[tag] } : {}),
	})
	const allowedTags = [...new Set([...profile.tags, ...Object.values(profile.headings)])]
	const transformTags: Record<string, sanitizeHtml.Transformer> = {}
	for (const tag of allowedTags) {
		const attributes = attributesOf(tag)
		if (Object.keys(attributes).length) transformTags[tag] = sanitizeHtml.simpleTransform(tag, attributes)
	}
	// sanitize-html applies one transform per tag, so a renamed heading takes its new tag's style here.
	for (const tag of headingTags)
		transformTags[tag] = sanitizeHtml.simpleTransform(profile.headings[tag], attributesOf(profile.headings[tag]))
	const allowedAttributes: Record<string, string[]> = { a: ['href', ...Object.keys(profile.link)], img: ['src', 'alt'] }
	for (const tag of Object.keys(profile.styles)) allowedAttributes[tag] = [...(allowedAttributes[tag] ?? []), 'style']
	return sanitizeHtml(html, {
		allowedTags,
		allowedAttributes,
		allowedSchemes: ['http', 'https', 'mailto', 'tel'],
		allowedSchemesByTag: { img: ['https', 'http'] },
		transformTags,
	})
}

/** Markdown as plain text for emails and calendar entries: the words without the markup. */
export function markdownToText(markdown: string): string {
	return sanitizeHtml(
		markdownToHtml(markdown, webProfile)
			.replace(/<\/(p|li|h3|h4|h5|blockquote|pre)>/g, '\n')
			.replace(/<br\s*\/?>/g, '\n'),
		{
			allowedTags: [],
			allowedAttributes: {},
		},
	)
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#x27;|&#39;/g, "'")
		.replace(/\n{3,}/g, '\n\n')
		.trim()
}
