import MailComposer from 'nodemailer/lib/mail-composer'
import PostalMime, { decodeWords, type Email as PostalEmail } from 'postal-mime'
import type { EmailAttachment } from '#app/mail/send-email.server.ts'

/**
 * The local mailbox's files: RFC 5322 messages (.eml) that any mail client opens. nodemailer's
 * composer writes them and postal-mime reads them, so MIME's corners (folding, encoded words,
 * RFC 2231 file names, header injection) are left to libraries that are kept up to date.
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

/**
 * One message as the bytes of an .eml file: multipart/alternative (text and HTML), inside
 * multipart/mixed when there are attachments. The composer's own headers (From, To, Subject…)
 * win over extra headers of the same name, and line breaks in a header value become spaces.
 */
export async function buildEml(message: EmlMessage): Promise<Buffer> {
	const composer = new MailComposer({
		from: message.from,
		to: message.to,
		subject: message.subject,
		date: message.date,
		messageId: `<${message.messageId}>`,
		headers: message.headers,
		text: message.text,
		html: message.html,
		attachments: (message.attachments ?? []).map((attachment) => ({
			filename: attachment.filename,
			contentType: attachment.contentType,
			content: attachment.content,
			encoding: 'base64',
		})),
		// RFC 5322 ends every line with CRLF; without this the text's own line breaks stay bare LF.
		newline: 'windows',
		// Everything is in the message itself: the composer never reads a file or fetches a URL.
		disableFileAccess: true,
		disableUrlAccess: true,
	})
	return composer.compile().build()
}

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

/** Only the headers: a list of many messages reads the header block of each, not its body. */
export async function parseEmlHeaders(source: string): Promise<EmlHeader[]> {
	const end = /\r?\n\r?\n/.exec(source)
	const head = end ? source.slice(0, end.index) + '\r\n\r\n' : source
	return headersOf(await PostalMime.parse(head))
}

export async function parseEml(source: string | Buffer): Promise<ParsedEml> {
	const email = await PostalMime.parse(source)
	return {
		headers: headersOf(email),
		text: bodyText(email.text),
		html: bodyText(email.html),
		attachments: email.attachments.map((attachment) => ({
			filename: attachment.filename ?? 'attachment',
			contentType: attachment.mimeType,
			content: attachmentContent(attachment.mimeType, attachment.content),
		})),
	}
}

function headersOf(email: PostalEmail): EmlHeader[] {
	return email.headers.map((header) => ({ name: header.originalKey || header.key, value: decodeWords(header.value) }))
}

/**
 * A text part as it was before it was written: \n line ends, and without the line break postal-mime
 * keeps from the delimiter before the next MIME boundary (RFC 2046 counts it as the boundary's).
 */
function bodyText(value: string | undefined): string {
	return (value ?? '').replace(/\r\n/g, '\n').replace(/\n$/, '')
}

/**
 * postal-mime hands calendar parts back with \n line ends; iCalendar (RFC 5545) wants CRLF, which
 * is what the app attached, so a download from /dev/mail is the file that was sent.
 */
function attachmentContent(mimeType: string, content: ArrayBuffer | Uint8Array | string): Buffer {
	if (typeof content === 'string') return Buffer.from(content, 'utf8')
	const bytes = Buffer.from(content instanceof Uint8Array ? content : new Uint8Array(content))
	if (mimeType !== 'text/calendar' && mimeType !== 'application/ics') return bytes
	return Buffer.from(bytes.toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8')
}
