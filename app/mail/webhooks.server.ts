import { Resend } from 'resend'
import { bareAddress } from '#app/mail/outbox.server.ts'
import type { DB } from '#db/index.ts'

export interface ResendWebhookEvent {
	type: string
	created_at?: string
	data?: { email_id?: string; to?: string[]; bounce?: { type?: string; subType?: string; message?: string } }
}

/**
 * Checks the Svix signature Resend puts on every webhook, over the raw body exactly as it came
 * (parsed and re-serialised JSON would not match), and the timestamp (at most five minutes off).
 * Returns the event, or null when anything is wrong.
 */
export function verifyResendWebhook(
	rawBody: string,
	headers: Headers,
	secret: string,
): { id: string; event: ResendWebhookEvent } | null {
	const id = headers.get('svix-id')
	const timestamp = headers.get('svix-timestamp')
	const signature = headers.get('svix-signature')
	if (!id || !timestamp || !signature) return null
	try {
		// The SDK's verifier (Standard Webhooks, as Svix signs); it needs no API key to verify.
		const event = new Resend('re_webhook_verification_only').webhooks.verify({
			payload: rawBody,
			headers: { id, timestamp, signature },
			webhookSecret: secret,
		})
		return { id, event: event as unknown as ResendWebhookEvent }
	} catch {
		return null
	}
}

/**
 * Records what the provider says happened to a message, once per svix-id (Resend retries a
 * webhook until it gets a 2xx). Hard bounces and complaints put the address on the suppression
 * list that every send checks, and cancel what is still waiting for it.
 */
export async function recordResendEvent(
	db: DB,
	id: string,
	event: ResendWebhookEvent,
	now = new Date(),
): Promise<'recorded' | 'repeated'> {
	return db.transaction().execute(async (trx) => {
		const fresh = await trx
			.insertInto('webhook_event')
			.values({ id, type: event.type, received_at: now.toISOString() })
			.onConflict((oc) => oc.column('id').doNothing())
			.executeTakeFirst()
		if (Number(fresh.numInsertedOrUpdatedRows ?? 0n) === 0) return 'repeated'

		const emailId = event.data?.email_id
		const at = event.created_at ?? now.toISOString()
		const column = {
			'email.delivered': 'delivered_at',
			'email.bounced': 'bounced_at',
			'email.complained': 'complained_at',
		} as const
		const field = column[event.type as keyof typeof column]
		if (field && emailId)
			await trx
				.updateTable('outbox')
				.set({ [field]: at })
				.where('provider_id', '=', emailId)
				.where(field, 'is', null)
				.execute()

		const hardBounce = event.type === 'email.bounced' && event.data?.bounce?.type === 'Permanent'
		if (hardBounce || event.type === 'email.complained') {
			const reason = hardBounce ? 'bounce' : 'complaint'
			const detail = hardBounce ? (event.data?.bounce?.message ?? null) : null
			for (const address of event.data?.to ?? []) {
				const email = bareAddress(address)
				await trx
					.insertInto('suppression')
					.values({ email, reason, detail, created_at: now.toISOString() })
					.onConflict((oc) => oc.column('email').doNothing())
					.execute()
				// Rows never tried are dropped now; a tried batch must repeat itself (see outbox.server.ts).
				await trx
					.updateTable('outbox')
					.set({ status: 'cancelled', last_error: `suppressed: ${reason}` })
					.where('to_address', '=', email)
					.where('status', 'in', ['held', 'queued'])
					.where('attempts', '=', 0)
					.execute()
			}
		}
		return 'recorded'
	})
}
