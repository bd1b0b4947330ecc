import { Resend, type ErrorResponse } from 'resend'
import type { BatchDeliveryResult, DeliveryResult, OutgoingEmail, Transport } from './transport.server.ts'

// Errors about our account or key, not the message: after the operator fixes them, a retry succeeds.
const retryableNames = new Set([
	'concurrent_idempotent_requests',
	'missing_api_key',
	'invalid_api_key',
	'restricted_api_key',
])

/**
 * Delivery through Resend's HTTP API. Each message carries its outbox idempotency key, so a retry
 * of a message Resend already accepted is not sent again. Requests are spaced to stay within
 * Resend's rate limit (default 2 per second) rather than to run into 429s.
 */
export function resendTransport({
	apiKey,
	from,
	requestsPerSecond = 2,
	timeoutMs = 20_000,
	baseUrl,
}: {
	apiKey: string
	from: string
	requestsPerSecond?: number
	timeoutMs?: number
	/** Another API address, e.g. a local mock for a benchmark; defaults to Resend's own. */
	baseUrl?: string
}): Transport {
	const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined)
	// A twentieth to spare: requests reach Resend with some jitter, and its limit counts arrivals.
	const interval = (1000 / requestsPerSecond) * 1.05
	let nextSlot = 0

	// Reserves the next free slot before waiting, so concurrent sends line up instead of bunching.
	async function waitForSlot() {
		const now = Date.now()
		const slot = Math.max(now, nextSlot)
		nextSlot = slot + interval
		if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now))
	}

	return {
		name: 'resend',
		async sendBatch(emails, batchKey): Promise<BatchDeliveryResult> {
			await waitForSlot()
			try {
				const { data, error, headers } = await resend.batch.send(
					emails.map((email) => ({
						from,
						to: email.to,
						subject: email.subject,
						html: email.html,
						text: email.text,
						// Each message's own key travels with it, so it can be told apart inside the batch.
						headers: { ...email.headers, 'X-Entity-Ref-ID': email.idempotencyKey },
					})),
					{ idempotencyKey: batchKey, signal: AbortSignal.timeout(timeoutMs) },
				)
				if (data) {
					const providerIds = data.data.map((entry) => entry.id)
					if (providerIds.length !== emails.length)
						return { outcome: 'retry', error: `resend: ${providerIds.length} ids for ${emails.length} messages` }
					return { outcome: 'sent', providerIds }
				}
				return resendErrorResult(error, headers)
			} catch (error) {
				return { outcome: 'retry', error: `resend: ${error instanceof Error ? error.message : String(error)}` }
			}
		},
		async send(email: OutgoingEmail) {
			await waitForSlot()
			try {
				const { data, error, headers } = await resend.emails.send(
					{
						from,
						to: email.to,
						subject: email.subject,
						html: email.html,
						text: email.text,
						headers: email.headers,
						attachments: email.attachments.map((a) => ({
							filename: a.filename,
							content: a.content,
							contentType: a.contentType,
						})),
					},
					{ idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
				)
				if (data) return { outcome: 'sent', providerId: data.id }
				return resendErrorResult(error, headers)
			} catch (error) {
				// The SDK returns errors rather than throwing; anything thrown is an unknown outcome.
				return { outcome: 'retry', error: `resend: ${error instanceof Error ? error.message : String(error)}` }
			}
		},
	}
}

/**
 * Resend's answer → what the outbox does. No status code (the SDK's answer to a network failure),
 * 429 and 5xx leave the outcome unknown or temporary: retry with the same key. Other 4xx reject
 * the message itself (validation, a bad address): retrying cannot help.
 */
export function resendErrorResult(
	error: ErrorResponse,
	headers: Record<string, string> | null,
): Exclude<DeliveryResult, { outcome: 'sent' }> {
	const status = typeof error.statusCode === 'number' ? error.statusCode : null
	const message = `resend ${status ?? 'no response'} ${error.name}: ${error.message}`
	if (status === null || status === 429 || status >= 500 || retryableNames.has(error.name)) {
		return { outcome: 'retry', error: message, retryAfterMs: retryAfterMs(headers), rateLimited: status === 429 }
	}
	return { outcome: 'failed', error: message }
}

/** Retry-After in seconds or as an HTTP date, as milliseconds from now. */
function retryAfterMs(headers: Record<string, string> | null): number | undefined {
	const value = headers?.['retry-after']
	if (!value) return undefined
	const seconds = Number(value)
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
	const date = Date.parse(value)
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}
