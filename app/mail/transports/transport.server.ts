import type { EmailAttachment } from '#app/mail/send-email.server.ts'

/** One message as the outbox hands it to a transport: rendered, addressed, with its key. */
export interface OutgoingEmail {
	/** Passed on to the provider, so a retry of a message it already accepted is not sent again. */
	idempotencyKey: string
	to: string
	subject: string
	html: string
	text: string
	headers: Record<string, string>
	attachments: EmailAttachment[]
	/** When the message was queued: stable across retries (the mailbox names its file by it). */
	createdAt: Date
}

/**
 * What became of one attempt. 'retry' means the outcome is unknown or temporary (network error,
 * 5xx, 429): the outbox tries again later with the same idempotency key. 'failed' means the
 * provider refused the message itself (a 4xx validation error): trying again cannot help.
 */
export type DeliveryResult =
	| { outcome: 'sent'; providerId: string }
	| { outcome: 'retry'; error: string; retryAfterMs?: number; rateLimited?: boolean }
	| { outcome: 'failed'; error: string }

/**
 * Where messages go: Resend, or the local mailbox. A transport never throws for a failed
 * delivery; it answers with a DeliveryResult. (Issue 5 adds batch sending beside `send`.)
 */
export interface Transport {
	name: 'resend' | 'mailbox'
	send(email: OutgoingEmail): Promise<DeliveryResult>
}
