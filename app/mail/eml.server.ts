import crypto from 'node:crypto'
import type { EmailAttachment } from '#app/mail/send-email.server.ts'

/**
 * A small RFC 5322 / MIME writer and reader for the local mailbox. The writer produces what mail
 * clients open (.eml); the reader understands what the writer produces, which is all /dev/mail
 * needs. Hand-written because the format we write is small and a full MIME library is not.
 */

export interface EmlMessage {
	from: string
	to: string
	subject: string
	date: Date
	/** Without angle brackets, e.g. "abc@klimatpakt.localhost". */
	messageId: string
	headers?: Record<string, string>
	text: string
	html: string
	attachments?: EmailAttachment[]
}

const CRLF = '\r\n'
// Headers the writer sets itself; the same names among extra headers would make duplicates.
const reservedHeaders = new Set(['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'content-type', 'content-transfer-encoding'])

export function buildEml(message: EmlMessage): string {
	const lines = [
		header('From', formatAddress(message.from)),
		header('To', formatAddress(message.to)),
		header('Subject', encodeUnstructured(message.subject)),
		header('Date', formatDate(message.date)),
		header('Message-ID', `<${message.messageId}>`),
		header('MIME-Version', '1.0'),
	]
	for (const [name, value] of Object.entries(message.headers ?? {})) {
		if (!/^[A-Za-z0-9-]+$/.test(name) || reservedHeaders.has(name.toLowerCase())) continue
		lines.push(header(name, encodeUnstructured(value)))
	}

	const alternative = multipart('alternative', [
		textPart('text/plain; charset=utf-8', message.text),
		textPart('text/html; charset=utf-8', message.html),
	])
	const attachments = message.attachments ?? []
	const body = attachments.length ? multipart('mixed', [alternative, ...attachments.map(attachmentPart)]) : alternative
	return [...lines, ...body.headers].join(CRLF) + CRLF + CRLF + body.body
}

/** A MIME entity: its header lines, a blank line, its body. */
interface Entity {
	headers: string[]
	body: string
}

function entityToString(entity: Entity): string {
	return entity.headers.join(CRLF) + CRLF + CRLF + entity.body
}

function multipart(subtype: 'alternative' | 'mixed', parts: Entity[]): Entity {
	// "=_" never occurs in quoted-printable or base64 output, so the boundary cannot clash with content.
	const boundary = `=_${subtype}_${crypto.randomBytes(12).toString('hex')}`
	const body = parts.map((part) => `--${boundary}${CRLF}${entityToString(part)}${CRLF}`).join('') + `--${boundary}--${CRLF}`
	return { headers: [header('Content-Type', `multipart/${subtype}; boundary="${boundary}"`)], body }
}

function textPart(contentType: string, content: string): Entity {
	return {
		headers: [header('Content-Type', contentType), header('Content-Transfer-Encoding', 'quoted-printable')],
		body: encodeQuotedPrintable(content),
	}
}

function attachmentPart(attachment: EmailAttachment): Entity {
	const filename = parameter('filename', attachment.filename)
	return {
		headers: [
			header('Content-Type', `${attachment.contentType.replace(/[\r\n]/g, '')}; ${parameter('name', attachment.filename)}`),
			header('Content-Transfer-Encoding', 'base64'),
			header('Content-Disposition', `attachment; ${filename}`),
		],
		body: wrap(attachment.content.replace(/\s/g, ''), 76),
	}
}

/** "Name: value", folded at spaces so lines stay near 78 characters; CR and LF never pass through. */
function header(name: string, value: string): string {
	const words = value.replace(/[\r\n]+/g, ' ').split(' ')
	const lines: string[] = []
	let line = `${name}:`
	for (const word of words) {
		if (line.length + 1 + word.length > 78 && line.length > name.length + 1) {
			lines.push(line)
			line = ''
		}
		line += ` ${word}`
	}
	lines.push(line)
	return lines.join(CRLF)
}

const isAscii = (value: string) => /^[\x20-\x7e]*$/.test(value)

/** Plain ASCII stays as it is; anything else becomes RFC 2047 encoded-words. */
function encodeUnstructured(value: string): string {
	const oneLine = value.replace(/[\r\n]+/g, ' ')
	return isAscii(oneLine) ? oneLine : encodedWords(oneLine)
}

/**
 * UTF-8 base64 encoded-words (39 bytes → 64 characters, so a header line stays under 76), never
 * splitting a character, joined by spaces: the header folds there, and readers drop the space
 * between adjacent encoded-words.
 */
function encodedWords(value: string): string {
	const words: string[] = []
	let chunk = ''
	for (const char of value) {
		if (Buffer.byteLength(chunk + char) > 39) {
			words.push(chunk)
			chunk = ''
		}
		chunk += char
	}
	if (chunk) words.push(chunk)
	return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`).join(' ')
}

/** "Name <address>" with the name quoted or encoded as needed; a bare address stays bare. */
function formatAddress(value: string): string {
	const match = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(value)
	if (!match) return value.trim()
	const [, rawName, address] = match
	const name = rawName!.replace(/^"(.*)"$/, '$1')
	if (!name) return address!
	if (!isAscii(name)) return `${encodedWords(name)} <${address}>`
	if (/[()<>[\]:;@\\,."]/.test(name)) return `"${name.replace(/(["\\])/g, '\\$1')}" <${address}>`
	return `${name} <${address}>`
}

/** A MIME parameter, RFC 2231-encoded when the value is not plain ASCII (e.g. "Träff.ics"). */
function parameter(name: string, value: string): string {
	if (isAscii(value)) return `${name}="${value.replace(/(["\\])/g, '\\$1')}"`
	return `${name}*=UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`
}

/** RFC 5322 date in UTC: "Tue, 01 Jul 2025 10:00:00 +0000". */
export function formatDate(date: Date): string {
	return date.toUTCString().replace(/GMT$/, '+0000')
}

function wrap(value: string, width: number): string {
	const lines: string[] = []
	for (let i = 0; i < value.length; i += width) lines.push(value.slice(i, i + width))
	return lines.join(CRLF)
}

/** Quoted-printable (RFC 2045) over UTF-8, lines of at most 76 characters, CRLF line ends. */
export function encodeQuotedPrintable(text: string): string {
	return text
		.split(/\r\n|\r|\n/)
		.map((line) => {
			const bytes = Buffer.from(line, 'utf8')
			let out = ''
			let current = ''
			bytes.forEach((byte, i) => {
				const last = i === bytes.length - 1
				const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last)
				const token = literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
				if (current.length + token.length > 75) {
					out += `${current}=${CRLF}`
					current = ''
				}
				current += token
			})
			return out + current
		})
		.join(CRLF)
}

// --- Reading -------------------------------------------------------------------------------

export interface EmlHeader {
	name: string
	value: string
}

export interface ParsedAttachment {
	filename: string
	contentType: string
	content: Buffer
}

export interface ParsedEml {
	/** Top-level headers in file order, decoded. */
	headers: EmlHeader[]
	text: string
	html: string
	attachments: ParsedAttachment[]
}

/** The first header of that name (case-insensitive), decoded. */
export function headerValue(headers: EmlHeader[], name: string): string | undefined {
	return headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value
}

/** Only the headers: enough for a list of messages without decoding bodies. */
export function parseEmlHeaders(source: string): EmlHeader[] {
	return splitEntity(normaliseLineEnds(source)).headers
}

export function parseEml(source: string): ParsedEml {
	const root = splitEntity(normaliseLineEnds(source))
	const parsed: ParsedEml = { headers: root.headers, text: '', html: '', attachments: [] }
	collectParts(root, parsed)
	return parsed
}

interface ParsedEntity {
	headers: EmlHeader[]
	body: string
}

const normaliseLineEnds = (source: string) => source.replace(/\r?\n/g, CRLF)

function splitEntity(raw: string): ParsedEntity {
	const end = raw.indexOf(CRLF + CRLF)
	const head = end === -1 ? raw : raw.slice(0, end)
	const body = end === -1 ? '' : raw.slice(end + 4)
	const headers = head
		.replace(/\r\n(?=[ \t])/g, '')
		.split(CRLF)
		.filter((line) => line.includes(':'))
		.map((line) => {
			const colon = line.indexOf(':')
			return { name: line.slice(0, colon).trim(), value: decodeEncodedWords(line.slice(colon + 1).trim()) }
		})
	return { headers, body }
}

function collectParts(entity: ParsedEntity, into: ParsedEml): void {
	const { type, params } = parseContentType(headerValue(entity.headers, 'Content-Type') ?? 'text/plain')
	if (type.startsWith('multipart/') && params.boundary) {
		for (const part of splitMultipart(entity.body, params.boundary)) collectParts(splitEntity(part), into)
		return
	}
	const content = decodeBody(entity.body, headerValue(entity.headers, 'Content-Transfer-Encoding'))
	const disposition = parseContentType(headerValue(entity.headers, 'Content-Disposition') ?? '')
	if (disposition.type === 'attachment' || (type !== 'text/plain' && type !== 'text/html')) {
		into.attachments.push({
			filename: disposition.params.filename ?? params.name ?? 'attachment',
			contentType: type,
			content,
		})
	} else {
		// Line ends back to \n, as the text was before it was written.
		const text = new TextDecoder(params.charset ?? 'utf-8').decode(content).replace(/\r\n/g, '\n')
		if (type === 'text/html') into.html ||= text
		else into.text ||= text
	}
}

function splitMultipart(body: string, boundary: string): string[] {
	const parts: string[] = []
	const segments = (CRLF + body).split(`${CRLF}--${boundary}`)
	for (const segment of segments.slice(1)) {
		if (segment.startsWith('--')) break
		const lineEnd = segment.indexOf(CRLF)
		parts.push(lineEnd === -1 ? '' : segment.slice(lineEnd + 2))
	}
	return parts
}

/** "text/plain; charset=utf-8" → type and lower-cased parameter names; RFC 2231 values decoded. */
function parseContentType(value: string): { type: string; params: Record<string, string> } {
	const [type = '', ...rest] = value.split(';')
	const params: Record<string, string> = {}
	for (const match of rest.join(';').matchAll(/([\w*.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]+)/g)) {
		let name = match[1]!.toLowerCase()
		let paramValue = match[2]!
		if (paramValue.startsWith('"')) paramValue = paramValue.slice(1, -1).replace(/\\(.)/g, '$1')
		if (name.endsWith('*')) {
			name = name.slice(0, -1)
			paramValue = decodeURIComponent(paramValue.replace(/^[^']*'[^']*'/, ''))
		}
		params[name] = paramValue
	}
	return { type: type.trim().toLowerCase(), params }
}

function decodeBody(body: string, encoding = '7bit'): Buffer {
	switch (encoding.trim().toLowerCase()) {
		case 'base64':
			return Buffer.from(body.replace(/\s/g, ''), 'base64')
		case 'quoted-printable':
			return decodeQuotedPrintable(body)
		default:
			return Buffer.from(body, 'utf8')
	}
}

export function decodeQuotedPrintable(body: string): Buffer {
	const unfolded = body.replace(/=\r\n/g, '')
	const bytes: number[] = []
	for (let i = 0; i < unfolded.length; i++) {
		const char = unfolded[i]!
		const hex = unfolded.slice(i + 1, i + 3)
		if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16))
			i += 2
		} else {
			bytes.push(...Buffer.from(char, 'utf8'))
		}
	}
	return Buffer.from(bytes)
}

/** RFC 2047: "=?UTF-8?B?...?=" and "=?UTF-8?Q?...?=", with the space between adjacent words dropped. */
function decodeEncodedWords(value: string): string {
	return value
		.replace(/(\?=)\s+(?==\?)/g, '$1')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) => {
			const bytes =
				encoding.toUpperCase() === 'B'
					? Buffer.from(text, 'base64')
					: decodeQuotedPrintable(text.replace(/_/g, ' '))
			return new TextDecoder(charset).decode(bytes)
		})
}
