import { Fragment } from 'react'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { Link } from 'react-router'
import type { Route } from './+types/dev-mail-message'
import { dateTimeFormat } from '#app/common/intl.ts'
import { config } from '#app/config.server.ts'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { headerValue } from '#app/mail/eml.server.ts'
import { mailboxIsOpen, readMailboxMessage } from '#app/mail/mailbox.server.ts'
import '#app/mail/dev-mail.css'

export const handle: I18nHandle = { i18n: ['email'] }

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.subject }]
}

// Attachments are offered as data: links; beyond this size only their name and size are shown.
const MAX_INLINE_ATTACHMENT = 1024 * 1024

/** One message from the local mailbox: headers, the text with clickable links, the HTML. */
export async function loader({ request, params }: Route.LoaderArgs) {
	if (!mailboxIsOpen()) throw new Response('Not Found', { status: 404 })
	const message = await readMailboxMessage(config.mailDir, params.messageId)
	if (!message) throw new Response('Not Found', { status: 404 })
	const to = new URL(request.url).searchParams.get('to')?.trim().slice(0, 254) || ''
	const language = await getLanguage(request)
	const date = new Date(headerValue(message.headers, 'Date') ?? '')
	return {
		to,
		subject: headerValue(message.headers, 'Subject') ?? '',
		time: Number.isNaN(date.getTime())
			? ''
			: dateTimeFormat(language, { dateStyle: 'long', timeStyle: 'medium', timeZone: config.timeZone }).format(date),
		headers: message.headers,
		text: message.text,
		html: message.html,
		attachments: message.attachments.map((a) => ({
			filename: a.filename,
			contentType: a.contentType,
			size: a.content.length,
			href:
				a.content.length <= MAX_INLINE_ATTACHMENT
					? `data:${a.contentType};base64,${a.content.toString('base64')}`
					: null,
		})),
	}
}

export default function DevMailMessage({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('email')
	const { subject, headers, text, html, attachments, to } = loaderData
	return (
		<div className="page">
			<p>
				<Link to={to ? `/dev/mail?${new URLSearchParams({ to })}` : '/dev/mail'}>{t('devMail.back')}</Link>
			</p>
			<h1 className="mail-subject">{subject || t('devMail.noSubject')}</h1>
			{loaderData.time ? <p className="muted">{loaderData.time}</p> : null}

			<h2>{t('devMail.headers')}</h2>
			<div className="table-wrap">
				<table className="mail-headers">
					<tbody>
						{headers.map((header, index) => (
							<tr key={index}>
								<th scope="row">{header.name}</th>
								<td>{header.value}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>

			<h2>{t('devMail.text')}</h2>
			{text ? (
				<pre className="mail-text card">
					<TextWithLinks text={text} />
				</pre>
			) : (
				<p>{t('devMail.noText')}</p>
			)}

			<h2>{t('devMail.html')}</h2>
			{html ? (
				// An opaque origin (no allow-same-origin) keeps the message away from the app, and its CSP
				// runs none of its scripts. The sandbox allows scripts only so that tools like axe can
				// look inside: without it their injected code never runs and axe waits forever.
				<iframe
					className="mail-frame"
					title={t('devMail.htmlFrame')}
					sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"
					srcDoc={framedEmail(html)}
				/>
			) : (
				<p>{t('devMail.noHtml')}</p>
			)}

			{attachments.length ? (
				<>
					<h2>{t('devMail.attachments')}</h2>
					<ul>
						{attachments.map((a, index) => (
							<li key={index}>
								{a.href ? (
									<a href={a.href} download={a.filename}>
										{t('devMail.download', { filename: a.filename })}
									</a>
								) : (
									a.filename
								)}{' '}
								<span className="muted">
									({a.contentType}, {t('devMail.bytes', { count: a.size })})
								</span>
							</li>
						))}
					</ul>
				</>
			) : null}
		</div>
	)
}

// Stops before trailing punctuation, so "…/verify?token=abc." links to the address without the dot.
const urlPattern = /https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]]/g

/** Plain text with its web addresses as links: a person (or a browser test) can click them. */
function TextWithLinks({ text }: { text: string }) {
	const pieces: Array<string | { url: string }> = []
	let last = 0
	for (const match of text.matchAll(urlPattern)) {
		pieces.push(text.slice(last, match.index), { url: match[0] })
		last = match.index + match[0].length
	}
	pieces.push(text.slice(last))
	return (
		<>
			{pieces.map((piece, index) =>
				typeof piece === 'string' ? (
					<Fragment key={index}>{piece}</Fragment>
				) : (
					<a key={index} href={piece.url}>
						{piece.url}
					</a>
				),
			)}
		</>
	)
}

/**
 * The message's HTML with, first in its head, a CSP that lets no script run and a base that opens
 * links in a new tab. A script placed before the head would run before the CSP is read, so then
 * the two go first of all.
 */
function framedEmail(html: string): string {
	const prelude = `<meta http-equiv="Content-Security-Policy" content="script-src 'none'"><base target="_blank">`
	const head = /<head[^>]*>/i.exec(html)
	if (!head || /<script/i.test(html.slice(0, head.index))) return prelude + html
	const end = head.index + head[0].length
	return html.slice(0, end) + prelude + html.slice(end)
}
