import { marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

/**
 * An organiser's markdown as safe HTML. Headings step down so the page keeps one h1 and the
 * description sits under the page's own h2; links open normally but carry no referrer or ranking.
 */
export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown, { async: false, gfm: true, breaks: true })
	return sanitizeHtml(html, {
		allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'blockquote', 'code', 'pre', 'hr', 'del'],
		allowedAttributes: { a: ['href', 'rel'] },
		allowedSchemes: ['http', 'https', 'mailto', 'tel'],
		transformTags: {
			h1: 'h3',
			h2: 'h3',
			h3: 'h4',
			h4: 'h5',
			h5: 'h5',
			h6: 'h5',
			a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noreferrer' }),
		},
	})
}

/** Markdown as plain text for emails and calendar entries: the words without the markup. */
export function markdownToText(markdown: string): string {
	return sanitizeHtml(renderMarkdown(markdown).replace(/<\/(p|li|h3|h4|h5|blockquote|pre)>/g, '\n').replace(/<br\s*\/?>/g, '\n'), {
		allowedTags: [],
		allowedAttributes: {},
	})
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#x27;|&#39;/g, "'")
		.replace(/\n{3,}/g, '\n\n')
		.trim()
}
