import { describe, expect, test } from 'vitest'
import { emailProfile, markdownToHtml, markdownToText, webProfile } from './markdown.server.ts'

const headings = '# Ett\n\n## Två\n\n### Tre\n\n#### Fyra\n\n##### Fem\n\n###### Sex'
const unsafe =
	'<script>alert(1)</script><p onclick="x" style="color:red">rå</p>\n\n[js](javascript:alert(1)) ![bild](javascript:alert(1))'

describe('the web profile', () => {
	test('headings step down under the page’s own h1 and h2', () => {
		expect(markdownToHtml(headings, webProfile)).toBe(
			'<h3>Ett</h3>\n<h3>Två</h3>\n<h4>Tre</h4>\n<h5>Fyra</h5>\n<h5>Fem</h5>\n<h5>Sex</h5>\n',
		)
	})

	test('links carry no referrer or ranking; scripts, handlers, styles and images are gone', () => {
		expect(markdownToHtml('[Bibliotek](https://example.se)', webProfile)).toBe(
			'<p><a href="https://example.se" rel="nofollow noreferrer">Bibliotek</a></p>\n',
		)
		const html = markdownToHtml(`${unsafe}\n\n![bild](https://example.se/a.png)`, webProfile)
		expect(html).not.toMatch(/script|onclick|style|javascript|<img/)
		expect(html).toContain('<p>rå</p>')
	})
})

describe('the email profile', () => {
	const email = emailProfile('#7a1f5c')

	test('every heading level is styled as the tag it becomes', () => {
		const html = markdownToHtml(headings, email)
		expect(html.match(/<h2 style="color:#1d2a21;font-size:22px;line-height:28px;margin:24px 0 8px">/g)).toHaveLength(2)
		expect(html.match(/<h3 style="color:#1d2a21;font-size:18px;line-height:24px;margin:20px 0 8px">/g)).toHaveLength(4)
		expect(html).not.toMatch(/<h[1-6]>/)
	})

	test('links are in the pact’s colour; paragraphs, items, quotes and images are styled inline', () => {
		const html = markdownToHtml(
			'Hej [där](https://example.se)\n\n- ett\n\n> citat\n\n![Bild](https://example.se/a.png)',
			email,
		)
		expect(html).toContain('<a href="https://example.se" style="color:#7a1f5c;text-decoration:underline">där</a>')
		expect(html).toContain('<p style="color:#1d2a21;font-size:16px;line-height:24px;margin:0 0 16px">')
		expect(html).toContain('<li style="color:#1d2a21;font-size:16px;line-height:24px;margin:0 0 4px">ett</li>')
		expect(html).toContain('<blockquote style="border-left:4px solid #cfe3d3;margin:0 0 16px;padding:0 0 0 12px">')
		expect(html).toContain(
			'<img src="https://example.se/a.png" alt="Bild" style="display:block;max-width:100%;height:auto;border:0;margin:8px 0 16px" />',
		)
	})

	test('the markdown’s own HTML cannot bring scripts, handlers, other styles or unsafe addresses', () => {
		const html = markdownToHtml(unsafe, email)
		expect(html).not.toMatch(/script|onclick|color:red|javascript/)
		expect(html).toContain('rå</p>')
	})
})

describe('markdown as plain text', () => {
	test('the words without the markup, one block a paragraph, entities decoded', () => {
		expect(markdownToText('## Ta med\n\n- **mugg** & *fika*\n- "vänner"\nrad två\n\n\n\nSlut <3')).toBe(
			'Ta med\n\nmugg & fika\n\n"vänner"\nrad två\n\nSlut <3',
		)
	})
})
