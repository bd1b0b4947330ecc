import { plainTextSelectors, render } from '@react-email/render'
import { compile } from 'html-to-text'
import { createElement, type ReactElement } from 'react'
import { config } from '#app/config.server.ts'
import type { DbHandle } from '#db/index.ts'
import type { EmailBaseProps } from '#emails/components/layout.tsx'

export interface EmailAttachment {
	filename: string
	contentType: string
	/** base64 */
	content: string
}

export interface Email {
	to: string
	subject: string
	/** A react-email template element; rendered to HTML and plain text here. */
	body: ReactElement
	/**
	 * Unique per message. The outbox refuses a second message with the same key, and the key is
	 * passed to the provider so a retry after a crash is never delivered twice.
	 */
	idempotencyKey?: string
	headers?: Record<string, string>
	attachments?: EmailAttachment[]
}

/**
 * A template in emails/: the component, and the subject it gives a message (a template owns all
 * of its words, so the subject sits beside the preview text and the body).
 */
export type EmailTemplate<P extends EmailBaseProps> = ((props: P) => ReactElement) & { subject: (props: P) => string }

/** The template's props without what every message gets from the settings (each case of a union on its own). */
export type TemplateProps<P extends EmailBaseProps> = P extends unknown ? Omit<P, 'pactName' | 'brandColor'> : never

/**
 * How every area builds a message: the template and its props (the recipient's language among
 * them), and where it goes. The pact's name and colour come from the settings, the subject from
 * the template. Hand the result to `sendEmail`, or to `renderEmail` and then `queueEmail` when it
 * is rendered before the transaction that queues it.
 */
export function composeEmail<P extends EmailBaseProps>(
	template: EmailTemplate<P>,
	props: TemplateProps<P>,
	envelope: Omit<Email, 'subject' | 'body'>,
): Email {
	const full = { ...props, pactName: config.pact.name, brandColor: config.pact.brandColor } as P
	return { ...envelope, subject: template.subject(full), body: createElement(template, full) }
}

export interface RenderedEmail extends Omit<Email, 'body'> {
	html: string
	text: string
}

/**
 * The plain-text part, from the rendered HTML with react-email's own rules. react-email's
 * `plainText` option renders the template a second time and sets up the converter on every
 * call; converting the one HTML with a converter set up once is a tenth of the cost.
 */
export const htmlToText = compile({ wordwrap: false, selectors: plainTextSelectors })

/** Renders a template once: HTML for mail clients, plain text for the rest. */
export async function renderEmail(email: Email): Promise<RenderedEmail> {
	const { body, ...rest } = email
	const html = await render(body)
	return { ...rest, html, text: htmlToText(html) }
}

/**
 * Puts a rendered message in the outbox. Call it with the transaction that makes the change the
 * message is about, so both happen or neither; the worker delivers it. A message whose key is
 * already in the outbox is ignored, which makes a repeated job harmless.
 */
export async function queueEmail(db: DbHandle, email: RenderedEmail, now = new Date()): Promise<void> {
	await db
		.insertInto('outbox')
		.values({
			idempotency_key: email.idempotencyKey ?? crypto.randomUUID(),
			to_address: email.to,
			subject: email.subject,
			html: email.html,
			text: email.text,
			headers: JSON.stringify(email.headers ?? {}),
			attachments: JSON.stringify(email.attachments ?? []),
			status: 'queued',
			next_attempt_at: now.toISOString(),
			last_error: null,
			provider_id: null,
			created_at: now.toISOString(),
			sent_at: null,
		})
		.onConflict((oc) => oc.column('idempotency_key').doNothing())
		.execute()
}

/** Render and queue in one step, for callers with nothing else to write. */
export async function sendEmail(db: DbHandle, email: Email, now = new Date()): Promise<void> {
	await queueEmail(db, await renderEmail(email), now)
}
