import PostalMime from 'postal-mime'
import { describe, expect, test } from 'vitest'
import { buildEml, headerValue, parseEml } from './eml.server.ts'

const subject = 'Bekräfta din underskrift för Göteborgs klimatavtal – åäö ÅÄÖ 🌍🌱 och en lång rad till'
const text = [
	'Hej Åsa!',
	'',
	'Öppna länken för att bekräfta: https://klimatpakt.example/verify?token=abc123&redirectTo=%2Fmy-pledge',
	`En mycket lång rad som måste brytas med mjuka radbrytningar eftersom den är längre än sjuttiosex tecken = ${'x'.repeat(80)}`,
	'Rad med mellanslag på slutet   ',
	'Tack 💚',
].join('\n')
const html = '<!DOCTYPE html><html lang="sv"><body><p style="color:#1f6f43">Hej Åsa! <a href="https://klimatpakt.example/verify?token=abc123&amp;x=1">Bekräfta</a></p></body></html>'
const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Klädbyte på Dunkers\r\nEND:VCALENDAR\r\n'

function example() {
	return buildEml({
		from: 'Göteborgs klimatavtal <hej@klimatpakt.example>',
		to: 'Åsa Öberg <asa@example.se>',
		subject,
		date: new Date('2025-03-30T01:30:00Z'),
		messageId: 'abc123@klimatpakt.example',
		headers: {
			'List-Unsubscribe': '<https://klimatpakt.example/unsubscribe/token>',
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
			Subject: 'a second subject must not sneak in',
			'Bad Header': 'names with spaces are dropped',
			'X-Injected': 'value\r\nBcc: someone@else.example',
		},
		text,
		html,
		attachments: [{ filename: 'Klädbyte.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: Buffer.from(ics).toString('base64') }],
	})
}

describe('the .eml writer', () => {
	test('writes RFC 5322 lines: CRLF only, headers folded, encoded-words for non-ASCII', () => {
		const eml = example()
		expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
		const lines = eml.split('\r\n')
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(78)
		expect(eml).toMatch(/^Subject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=\r\n =\?UTF-8\?B\?/m)
		expect(eml).toMatch(/^From: =\?UTF-8\?B\?[^\r\n]+\?= <hej@klimatpakt\.example>\r\n/m)
		expect(eml).toMatch(/^Date: Sun, 30 Mar 2025 01:30:00 \+0000\r\n/m)
		expect(eml).toMatch(/^Message-ID: <abc123@klimatpakt\.example>\r\n/m)
		expect(eml).toMatch(/^MIME-Version: 1\.0\r\n/m)
		expect(eml).toMatch(/^Content-Type: multipart\/mixed;\s+boundary="=_mixed_[0-9a-f]+"/m)
		// Only 7-bit characters: everything else is encoded.
		expect([...eml].every((char) => char.charCodeAt(0) < 128)).toBe(true)
		// A header value cannot start a header of its own, and the writer's own headers win.
		expect(eml).not.toMatch(/^Bcc:/m)
		expect(eml.match(/^Subject:/gm)).toHaveLength(1)
		expect(eml).not.toContain('Bad Header')
	})

	test('reads back what it wrote: headers, both parts, the attachment', () => {
		const parsed = parseEml(example())
		expect(headerValue(parsed.headers, 'subject')).toBe(subject)
		expect(headerValue(parsed.headers, 'From')).toBe('Göteborgs klimatavtal <hej@klimatpakt.example>')
		expect(headerValue(parsed.headers, 'To')).toBe('Åsa Öberg <asa@example.se>')
		expect(headerValue(parsed.headers, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
		expect(headerValue(parsed.headers, 'X-Injected')).toBe('value Bcc: someone@else.example')
		expect(parsed.text).toBe(text)
		expect(parsed.html).toBe(html)
		expect(parsed.attachments).toHaveLength(1)
		expect(parsed.attachments[0]!.filename).toBe('Klädbyte.ics')
		expect(parsed.attachments[0]!.contentType).toBe('text/calendar')
		expect(parsed.attachments[0]!.content.toString('utf8')).toBe(ics)
	})

	test('is read the same by an independent MIME parser (postal-mime)', async () => {
		const email = await PostalMime.parse(example())
		expect(email.subject).toBe(subject)
		expect(email.from).toEqual({ name: 'Göteborgs klimatavtal', address: 'hej@klimatpakt.example' })
		expect(email.to).toEqual([{ name: 'Åsa Öberg', address: 'asa@example.se' }])
		expect(email.messageId).toBe('<abc123@klimatpakt.example>')
		expect(email.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(text)
		expect(email.html?.trimEnd()).toBe(html)
		expect(email.attachments).toHaveLength(1)
		expect(email.attachments[0]!.filename).toBe('Klädbyte.ics')
		expect(email.attachments[0]!.mimeType).toBe('text/calendar')
		// postal-mime hands calendar parts back with \n line ends; the content is otherwise the same.
		expect(new TextDecoder().decode(email.attachments[0]!.content as ArrayBuffer)).toBe(ics.replace(/\r\n/g, '\n'))
	})

	test('without attachments the message is multipart/alternative, and plain names stay plain', () => {
		const eml = buildEml({
			from: 'Klimatpakt <hej@klimatpakt.example>',
			to: 'anna@example.se',
			subject: 'Your code',
			date: new Date('2025-01-01T00:00:00Z'),
			messageId: 'x@klimatpakt.example',
			text: 'Code: 123456',
			html: '<p>Code: 123456</p>',
		})
		expect(eml).toMatch(/^From: Klimatpakt <hej@klimatpakt\.example>\r\n/m)
		expect(eml).toMatch(/^To: anna@example\.se\r\n/m)
		expect(eml).toMatch(/^Subject: Your code\r\n/m)
		expect(eml).toMatch(/^Content-Type: multipart\/alternative;\s+boundary=/m)
		const parsed = parseEml(eml)
		expect(parsed.text).toBe('Code: 123456')
		expect(parsed.html).toBe('<p>Code: 123456</p>')
		expect(parsed.attachments).toEqual([])
	})
})
