import { describe, expect, test } from 'vitest'
import { buildEml, headerValue, parseEml, parseEmlHeaders } from './eml.server.ts'

const subject = 'Bekräfta din underskrift för Göteborgs klimatavtal – åäö ÅÄÖ 🌍🌱 och en lång rad till'
const text = [
	'Hej Åsa!',
	'',
	'Öppna länken för att bekräfta: https://klimatpakt.example/verify?token=abc123&redirectTo=%2Fmy-pledge',
	`En mycket lång rad som måste brytas med mjuka radbrytningar eftersom den är längre än sjuttiosex tecken = ${'x'.repeat(80)}`,
	'Rad med mellanslag på slutet   ',
	'Tack 💚',
].join('\n')
const html =
	'<!DOCTYPE html><html lang="sv"><body><p style="color:#1f6f43">Hej Åsa! <a href="https://klimatpakt.example/verify?token=abc123&amp;x=1">Bekräfta</a></p></body></html>'
const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Klädbyte på Dunkers\r\nEND:VCALENDAR\r\n'
const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0d, 0x0a, 0x80])

async function example() {
	const eml = await buildEml({
		from: 'Göteborgs klimatavtal <hej@klimatpakt.example>',
		to: 'Åsa Öberg <asa@example.se>',
		subject,
		date: new Date('2025-03-30T01:30:00Z'),
		messageId: 'abc123@klimatpakt.example',
		headers: {
			'List-Unsubscribe': '<https://klimatpakt.example/unsubscribe/token>',
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
			Subject: 'a second subject must not sneak in',
			'X-Injected': 'value\r\nBcc: someone@else.example',
		},
		text,
		html,
		attachments: [
			{
				filename: 'Klädbyte.ics',
				contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
				content: Buffer.from(ics).toString('base64'),
			},
			{ filename: 'program.pdf', contentType: 'application/pdf', content: pdf.toString('base64') },
		],
	})
	return eml.toString('latin1')
}

describe('writing an .eml', () => {
	test('RFC 5322 lines: CRLF only, at most 78 characters, 7-bit, non-ASCII in encoded-words', async () => {
		const eml = await example()
		expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
		for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78)
		expect([...eml].every((char) => char.charCodeAt(0) < 128)).toBe(true)
		expect(eml).toMatch(/^Subject: =\?UTF-8\?[BQ]\?[^\r\n]+\?=\r\n =\?UTF-8\?[BQ]\?/im)
		expect(eml).toMatch(/^From: =\?UTF-8\?[BQ]\?[^\r\n]+\?= <hej@klimatpakt\.example>\r\n/im)
		expect(eml).toMatch(/^To: =\?UTF-8\?[BQ]\?[^\r\n]+\?= <asa@example\.se>\r\n/im)
		expect(eml).toMatch(/^Date: Sun, 30 Mar 2025 01:30:00 \+0000\r\n/m)
		expect(eml).toMatch(/^Message-ID: <abc123@klimatpakt\.example>\r\n/m)
		expect(eml).toMatch(/^MIME-Version: 1\.0\r\n/m)
		expect(eml).toMatch(/^List-Unsubscribe: <https:\/\/klimatpakt\.example\/unsubscribe\/token>\r\n/m)
		expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n/m)
		expect(eml).toMatch(/^Content-Type: multipart\/mixed;\s+boundary=/m)
		expect(eml).toMatch(/^Content-Type: multipart\/alternative;\s+boundary=/m)
	})

	test('a header value cannot start a header of its own, and the message’s own headers win', async () => {
		const eml = await example()
		const head = eml.slice(0, eml.indexOf('\r\n\r\n'))
		expect(head).not.toMatch(/^Bcc:/im)
		expect(head.match(/^Subject:/gim)).toHaveLength(1)
		expect(head).not.toContain('a second subject')
	})

	test('without attachments it is multipart/alternative, and plain names and subjects stay plain', async () => {
		const eml = (
			await buildEml({
				from: 'Klimatpakt <hej@klimatpakt.example>',
				to: 'anna@example.se',
				subject: 'Your code',
				date: new Date('2025-01-01T00:00:00Z'),
				messageId: 'x@klimatpakt.example',
				text: 'Code: 123456',
				html: '<p>Code: 123456</p>',
			})
		).toString('latin1')
		expect(eml).toMatch(/^From: Klimatpakt <hej@klimatpakt\.example>\r\n/m)
		expect(eml).toMatch(/^To: anna@example\.se\r\n/m)
		expect(eml).toMatch(/^Subject: Your code\r\n/m)
		expect(eml).toMatch(/^Content-Type: multipart\/alternative;\s+boundary=/m)
		expect(eml).not.toMatch(/multipart\/mixed/)
		const parsed = await parseEml(eml)
		expect(parsed.text).toBe('Code: 123456')
		expect(parsed.html).toBe('<p>Code: 123456</p>')
		expect(parsed.attachments).toEqual([])
	})
})

describe('reading an .eml', () => {
	test('reads back what was written: decoded headers, both parts exactly, the attachments byte for byte', async () => {
		const parsed = await parseEml(await example())
		expect(headerValue(parsed.headers, 'subject')).toBe(subject)
		expect(headerValue(parsed.headers, 'From')).toBe('Göteborgs klimatavtal <hej@klimatpakt.example>')
		expect(headerValue(parsed.headers, 'To')).toBe('Åsa Öberg <asa@example.se>')
		expect(headerValue(parsed.headers, 'Message-ID')).toBe('<abc123@klimatpakt.example>')
		expect(headerValue(parsed.headers, 'List-Unsubscribe')).toBe('<https://klimatpakt.example/unsubscribe/token>')
		expect(headerValue(parsed.headers, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
		expect(headerValue(parsed.headers, 'X-Injected')).toBe('value Bcc: someone@else.example')
		expect(parsed.text).toBe(text)
		expect(parsed.html).toBe(html)
		expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
			['Klädbyte.ics', 'text/calendar'],
			['program.pdf', 'application/pdf'],
		])
		// The calendar entry keeps the CRLF line ends iCalendar requires.
		expect(parsed.attachments[0]!.content.toString('utf8')).toBe(ics)
		expect(parsed.attachments[1]!.content.equals(pdf)).toBe(true)
	})

	test('text that ends with a line break, or with spaces, comes back as it was', async () => {
		for (const body of ['Hej!\n', 'Hej!\n\n', 'Hej!   ', '']) {
			const eml = await buildEml({
				from: 'hej@klimatpakt.example',
				to: 'anna@example.se',
				subject: 'x',
				date: new Date(),
				messageId: 'y@klimatpakt.example',
				text: body,
				html: '<p>Hej</p>',
			})
			expect((await parseEml(eml)).text).toBe(body)
		}
	})

	test('the headers alone are the same as those of the whole message', async () => {
		const eml = await example()
		expect(await parseEmlHeaders(eml)).toEqual((await parseEml(eml)).headers)
	})

	test('reads a message another program wrote: Q and B encodings, folded headers, a base64 part', async () => {
		const other = [
			'Return-Path: <bo@example.se>',
			'From: "Ek, Bo" <bo@example.se>',
			'To: =?iso-8859-1?Q?=C5sa?= <asa@example.se>',
			'Subject: =?UTF-8?B?VsOkbGtvbW1lbiBww6Uga2zDpGRieXRl?=',
			' =?UTF-8?Q?_=F0=9F=91=95?=',
			'Date: Sun, 30 Mar 2025 03:30:00 +0200',
			'MIME-Version: 1.0',
			'Content-Type: multipart/mixed; boundary="outer"',
			'',
			'--outer',
			'Content-Type: multipart/alternative; boundary="inner"',
			'',
			'--inner',
			'Content-Type: text/plain; charset=iso-8859-1',
			'Content-Transfer-Encoding: quoted-printable',
			'',
			'V=E4lkommen!',
			'--inner',
			'Content-Type: text/html; charset=utf-8',
			'Content-Transfer-Encoding: base64',
			'',
			Buffer.from('<p>Välkommen!</p>').toString('base64'),
			'--inner--',
			'--outer',
			'Content-Type: text/csv; name="lista.csv"',
			"Content-Disposition: attachment; filename*=UTF-8''n%C3%A4rvaro.csv",
			'Content-Transfer-Encoding: base64',
			'',
			Buffer.from('namn;tid\r\nÅsa;10:00\r\n').toString('base64'),
			'--outer--',
			'',
		].join('\r\n')
		const parsed = await parseEml(other)
		expect(headerValue(parsed.headers, 'Subject')).toBe('Välkommen på klädbyte 👕')
		expect(headerValue(parsed.headers, 'To')).toBe('Åsa <asa@example.se>')
		expect(headerValue(parsed.headers, 'From')).toBe('"Ek, Bo" <bo@example.se>')
		expect(parsed.text).toBe('Välkommen!')
		expect(parsed.html).toBe('<p>Välkommen!</p>')
		expect(parsed.attachments).toHaveLength(1)
		expect(parsed.attachments[0]!.filename).toBe('närvaro.csv')
		expect(parsed.attachments[0]!.contentType).toBe('text/csv')
		expect(parsed.attachments[0]!.content.toString('utf8')).toBe('namn;tid\r\nÅsa;10:00\r\n')
	})
})
