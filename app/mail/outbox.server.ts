import type { ExpressionBuilder } from 'kysely'
import { config } from '#app/config.server.ts'
import type { EmailAttachment } from '#app/mail/send-email.server.ts'
import { mailboxTransport } from '#app/mail/transports/mailbox.server.ts'
import { resendTransport } from '#app/mail/transports/resend.server.ts'
import type { DeliveryResult, OutgoingEmail, Transport } from '#app/mail/transports/transport.server.ts'
import type { DB } from '#db/index.ts'
import type { Database, OutboxMessage } from '#db/schema.ts'

export type { DeliveryResult, OutgoingEmail, Transport }

/** After this many attempts a message is given up as 'failed' (about an hour of retries). */
export const MAX_ATTEMPTS = 8
const BATCH_SIZE = 10
/** More batches than this wait for the next tick, so one call never runs unbounded. */
const MAX_BATCHES_PER_RUN = 20
/** How long a claim holds: longer than a batch can take (10 × a 20 s request timeout). */
export const LEASE_MS = 5 * 60_000
const MAX_BACKOFF_MS = 60 * 60_000

/** Resend when an API key is set, otherwise the local mailbox. Settings default to the config. */
export function transportFromConfig(
	settings: { resendApiKey?: string; mailFrom: string; mailDir: string } = config,
): Transport {
	return settings.resendApiKey
		? resendTransport({ apiKey: settings.resendApiKey, from: settings.mailFrom })
		: mailboxTransport({ dir: settings.mailDir, from: settings.mailFrom })
}

/** 30 s after the first failed attempt, doubling each time, at most an hour. */
export function retryDelayMs(attempts: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS)
}

export interface DeliveryReport {
	sent: number
	retried: number
	failed: number
}

/**
 * Delivers what is due in the outbox, a small batch at a time. Each row is claimed by one atomic
 * update before it is sent, so two workers (two processes, or two overlapping calls) never send
 * the same row; a claim is a lease, so a row whose worker died is retried, with the same
 * idempotency key, once the lease ends.
 */
export async function deliverDueEmails(db: DB, transport: Transport, now?: Date): Promise<DeliveryReport> {
	const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 }
	// Tests pass a fixed time; the worker passes none, and each step reads the real clock.
	const clock = () => now ?? new Date()

	await giveUpAbandoned(db, clock())
	for (let batchNumber = 0; batchNumber < MAX_BATCHES_PER_RUN; batchNumber++) {
		const batch = await claimDueEmails(db, BATCH_SIZE, clock())
		for (const [index, row] of batch.entries()) {
			const result = await attempt(transport, row)
			await recordResult(db, row, result, clock())
			report[result.outcome === 'sent' ? 'sent' : result.outcome === 'retry' ? 'retried' : 'failed']++
			if (result.outcome === 'retry' && result.rateLimited) {
				// The provider asked us to slow down: hand the rest back untried and stop this run.
				await releaseClaims(db, batch.slice(index + 1), new Date(clock().getTime() + (result.retryAfterMs ?? retryDelayMs(1))))
				return report
			}
		}
		if (batch.length < BATCH_SIZE) break
	}
	return report
}

type OutboxFilter = ExpressionBuilder<Database, 'outbox'>

/** Claims up to `limit` due rows in one statement: status 'sending', a lease, one more attempt. */
export async function claimDueEmails(db: DB, limit: number, now: Date): Promise<OutboxMessage[]> {
	const due = (eb: OutboxFilter) =>
		eb.and([
			eb('status', 'in', ['queued', 'sending']),
			eb('next_attempt_at', '<=', now.toISOString()),
			eb('attempts', '<', MAX_ATTEMPTS),
		])
	return db
		.updateTable('outbox')
		.set((eb) => ({
			status: 'sending',
			attempts: eb('attempts', '+', 1),
			next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString(),
		}))
		.where('id', 'in', (eb) => eb.selectFrom('outbox').select('id').where(due).orderBy('next_attempt_at').orderBy('id').limit(limit))
		// Checked again on the row itself, so a database that runs the subquery apart (PostgreSQL) stays safe.
		.where(due)
		.returningAll()
		.execute()
}

async function attempt(transport: Transport, row: OutboxMessage): Promise<DeliveryResult> {
	try {
		return await transport.send(toOutgoingEmail(row))
	} catch (error) {
		return { outcome: 'retry', error: error instanceof Error ? error.message : String(error) }
	}
}

export function toOutgoingEmail(row: OutboxMessage): OutgoingEmail {
	return {
		idempotencyKey: row.idempotency_key,
		to: row.to_address,
		subject: row.subject,
		html: row.html,
		text: row.text,
		headers: JSON.parse(row.headers) as Record<string, string>,
		attachments: JSON.parse(row.attachments) as EmailAttachment[],
		createdAt: new Date(row.created_at),
	}
}

/**
 * Writes the outcome, but only while the claim is still ours (same status and attempt count): a
 * worker that overran its lease must not overwrite the row another worker has claimed since.
 */
async function recordResult(db: DB, row: OutboxMessage, result: DeliveryResult, now: Date): Promise<void> {
	const ours = db.updateTable('outbox').where('id', '=', row.id).where('status', '=', 'sending').where('attempts', '=', row.attempts)
	if (result.outcome === 'sent') {
		await ours.set({ status: 'sent', sent_at: now.toISOString(), provider_id: result.providerId, last_error: null }).execute()
	} else if (result.outcome === 'failed' || (result.outcome === 'retry' && !result.rateLimited && row.attempts >= MAX_ATTEMPTS)) {
		console.warn(`outbox: gave up on message ${row.id} after ${row.attempts} attempt(s): ${result.error}`)
		await ours.set({ status: 'failed', last_error: result.error.slice(0, 1000) }).execute()
	} else if (result.rateLimited) {
		// Being told to wait says nothing about the message: it does not count as an attempt.
		await ours
			.set((eb) => ({
				status: 'queued',
				attempts: eb('attempts', '-', 1),
				next_attempt_at: new Date(now.getTime() + (result.retryAfterMs ?? retryDelayMs(1))).toISOString(),
				last_error: result.error.slice(0, 1000),
			}))
			.execute()
	} else {
		const delay = Math.max(retryDelayMs(row.attempts), result.retryAfterMs ?? 0)
		await ours
			.set({ status: 'queued', next_attempt_at: new Date(now.getTime() + delay).toISOString(), last_error: result.error.slice(0, 1000) })
			.execute()
	}
}

/** Returns claimed rows that were not tried, without counting an attempt. */
async function releaseClaims(db: DB, rows: OutboxMessage[], dueAt: Date): Promise<void> {
	for (const row of rows) {
		await db
			.updateTable('outbox')
			.set((eb) => ({ status: 'queued', attempts: eb('attempts', '-', 1), next_attempt_at: dueAt.toISOString() }))
			.where('id', '=', row.id)
			.where('status', '=', 'sending')
			.where('attempts', '=', row.attempts)
			.execute()
	}
}

/** A row whose last allowed attempt was cut short (the worker died) is not retried forever. */
async function giveUpAbandoned(db: DB, now: Date): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ status: 'failed', last_error: 'gave up: the worker stopped during the last attempt' })
		.where('status', '=', 'sending')
		.where('next_attempt_at', '<=', now.toISOString())
		.where('attempts', '>=', MAX_ATTEMPTS)
		.execute()
}
