import type { Route } from './+types/webhooks.resend'
import { config } from '#app/config.server.ts'
import { recordResendEvent, verifyResendWebhook } from '#app/mail/webhooks.server.ts'
import { getDb } from '#db/index.ts'

/**
 * Resend's webhooks: delivered, bounced, complained. Verified over the raw body with
 * RESEND_WEBHOOK_SECRET; a repeated svix-id is acknowledged and ignored.
 */
export async function action({ request }: Route.ActionArgs) {
	if (!config.resendWebhookSecret) return Response.json({ error: 'webhooks are not configured' }, { status: 503 })
	const rawBody = await request.text()
	const verified = verifyResendWebhook(rawBody, request.headers, config.resendWebhookSecret)
	if (!verified) return Response.json({ error: 'invalid signature' }, { status: 400 })
	const outcome = await recordResendEvent(getDb(), verified.id, verified.event)
	return Response.json({ ok: true, outcome })
}

export function loader() {
	return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } })
}
