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

/** What became of one batch request: all its messages are accepted or none (strict validation). */
export type BatchDeliveryResult =
	| { outcome: 'sent'; providerIds: string[] }
	| { outcome: 'retry'; error: string; retryAfterMs?: number; rateLimited?: boolean }
	| { outcome: 'failed'; error: string }

/**
 * Where messages go: Resend, or the local mailbox. A transport never throws for a failed
 * delivery; it answers with a DeliveryResult.
 */
export interface Transport {
	name: 'resend' | 'mailbox'
	send(email: OutgoingEmail): Promise<DeliveryResult>
	/**
	 * Up to 100 messages in one request under one key (`batchKey`): the same batch is always sent
	 * with the same messages, so a retry after a crash replays the first request instead of
	 * sending again. Each message also carries its own key (X-Entity-Ref-ID header).
	 */
	sendBatch(emails: OutgoingEmail[], batchKey: string): Promise<BatchDeliveryResult>
}

/** The most messages one batch request may carry (Resend's limit). */
export const MAX_BATCH_SIZE = 100
