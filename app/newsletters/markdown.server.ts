import { marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

const text = 'color:#1d2a21;font-size:16px;line-height:24px;margin:0 0 16px'

/**
 * A coordinator's markdown as HTML for an email: only what mail clients show well, every element
 * styled inline (mail clients ignore style sheets), images by https URL scaled to the column.
 */
export function newsletterMarkdownToHtml(markdown: string): string {
	const html = marked.parse(markdown, { async: false, gfm: true, breaks: true })
	return sanitizeHtml(html, {
		allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'blockquote', 'hr', 'del', 'img', 'code'],
		allowedAttributes: {
			a: ['href', 'style'],
			img: ['src', 'alt', 'style'],
			p: ['style'],
			li: ['style'],
			h2: ['style'],
			h3: ['style'],
			blockquote: ['style'],
		},
		allowedSchemes: ['http', 'https', 'mailto', 'tel'],
		allowedSchemesByTag: { img: ['https', 'http'] },
		transformTags: {
			h1: 'h2',
			h4: 'h3',
			h5: 'h3',
			h6: 'h3',
			p: sanitizeHtml.simpleTransform('p', { style: text }),
			li: sanitizeHtml.simpleTransform('li', { style: 'color:#1d2a21;font-size:16px;line-height:24px;margin:0 0 4px' }),
			h2: sanitizeHtml.simpleTransform('h2', { style: 'color:#1d2a21;font-size:22px;line-height:28px;margin:24px 0 8px' }),
			h3: sanitizeHtml.simpleTransform('h3', { style: 'color:#1d2a21;font-size:18px;line-height:24px;margin:20px 0 8px' }),
			a: sanitizeHtml.simpleTransform('a', { style: 'color:#1f6f43;text-decoration:underline' }),
			img: sanitizeHtml.simpleTransform('img', { style: 'display:block;max-width:100%;height:auto;border:0;margin:8px 0 16px' }),
			blockquote: sanitizeHtml.simpleTransform('blockquote', { style: 'border-left:4px solid #cfe3d3;margin:0 0 16px;padding:0 0 0 12px' }),
		},
	})
}
