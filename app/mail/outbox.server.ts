import { sql, type ExpressionBuilder } from 'kysely'
import { config } from '#app/config.server.ts'
import { fillPlaceholders } from '#app/mail/placeholders.ts'
import type { EmailAttachment } from '#app/mail/send-email.server.ts'
import { deliverySettings } from '#app/mail/settings.server.ts'
import { mailboxTransport } from '#app/mail/transports/mailbox.server.ts'
import { resendTransport } from '#app/mail/transports/resend.server.ts'
import type {
	BatchDeliveryResult,
	DeliveryResult,
	OutgoingEmail,
	Transport,
} from '#app/mail/transports/transport.server.ts'
import { skippingClaimed } from '#db/claims.ts'
import type { DB } from '#db/index.ts'
import type { Database, OutboxMessage } from '#db/schema.ts'

export type { BatchDeliveryResult, DeliveryResult, OutgoingEmail, Transport }

/** After this many attempts a message is given up as 'failed' (about an hour of retries). */
export const MAX_ATTEMPTS = 8
/** How long a claim holds: longer than a request can take (see docs/decisions/0008). */
export const LEASE_MS = deliverySettings.leaseMs
const MAX_BACKOFF_MS = 60 * 60_000
/** One run stops after this long, so the worker's other jobs get their turn. */
const RUN_BUDGET_MS = 30_000
/** And after this many requests, so a test with a fixed clock always ends. */
const MAX_REQUESTS_PER_RUN = 2000

/** Resend when an API key is set, otherwise the local mailbox. Settings default to the config. */
export function transportFromConfig(
	settings: { resendApiKey?: string; mailFrom: string; mailDir: string } = config,
): Transport {
	return settings.resendApiKey
		? resendTransport({
				apiKey: settings.resendApiKey,
				from: settings.mailFrom,
				requestsPerSecond: deliverySettings.resendRatePerSecond,
				baseUrl: deliverySettings.resendBaseUrl,
			})
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
 * Delivers what is due in the outbox, one request at a time: a single message, or a batch of up
 * to 100 newsletter messages that always travels together under its batch key. Each request's
 * rows are claimed by one atomic update first, so two workers never send the same row; a claim is
 * a lease, so rows whose worker died are retried, with the same key, once the lease ends.
 */
export async function deliverDueEmails(db: DB, transport: Transport, now?: Date): Promise<DeliveryReport> {
	const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 }
	// Tests pass a fixed time; the worker passes none, and each step reads the real clock.
	const clock = () => now ?? new Date()
	const started = Date.now()
	const templates = new TemplateCache(db)

	await giveUpAbandoned(db, clock())
	for (let requests = 0; requests < MAX_REQUESTS_PER_RUN && Date.now() - started < RUN_BUDGET_MS; requests++) {
		const claimed = await claimNextDelivery(db, clock())
		if (claimed.length === 0) break
		const rows = await dropSuppressed(db, claimed, clock())
		if (rows.length === 0) continue

		const emails = await Promise.all(rows.map((row) => toOutgoingEmail(row, templates)))
		const batchKey = rows[0]!.batch_key
		const result: BatchDeliveryResult = batchKey
			? await attemptBatch(transport, emails, batchKey)
			: singleAsBatch(await attempt(transport, emails[0]!))
		await recordResult(db, rows, result, clock())
		const counted = result.outcome === 'sent' ? 'sent' : result.outcome === 'retry' ? 'retried' : 'failed'
		report[counted] += rows.length
		if (result.outcome === 'retry' && result.rateLimited) {
			// The provider asked us to slow down: nothing else is tried before Retry-After.
			await postponeDue(db, clock(), new Date(clock().getTime() + (result.retryAfterMs ?? retryDelayMs(1))))
			return report
		}
	}
	return report
}

/**
 * What a finished message (sent, finally failed, cancelled) stops keeping (issue 12): its body,
 * with sign-in codes, link tokens and personal text, and its headers and attachments. The row
 * stays as the delivery log: recipient, subject, template, status and times, until retention.
 */
export function redactedBody(now: Date) {
	return { html: '', text: '', variables: null, headers: '{}', attachments: '[]', redacted_at: now.toISOString() }
}

/**
 * Empties the bodies of finished messages that still have one: those finished before redaction
 * existed, or by a path that does not redact as it finishes (a cancelled newsletter). Part of
 * the worker's retention job; returns how many it emptied.
 */
export async function redactFinishedEmails(db: DB, now = new Date()): Promise<number> {
	const result = await db
		.updateTable('outbox')
		.set(redactedBody(now))
		.where('status', 'in', ['sent', 'failed', 'cancelled'])
		.where('redacted_at', 'is', null)
		.executeTakeFirst()
	return Number(result.numUpdatedRows)
}

/**
 * The delivery log's retention: finished messages queued before `cutoff` are deleted, except a
 * newsletter's rows, which lose their recipient instead, because the newsletter's statistics are
 * counted from them. Returns how many rows were deleted or emptied.
 */
export async function purgeDeliveryLog(db: DB, cutoff: Date): Promise<number> {
	const finishedBefore = (eb: OutboxFilter) =>
		eb.and([eb('status', 'in', ['sent', 'failed', 'cancelled']), eb('created_at', '<', cutoff.toISOString())])
	const deleted = await db
		.deleteFrom('outbox')
		.where(finishedBefore)
		.where('newsletter_id', 'is', null)
		.executeTakeFirst()
	const emptied = await db
		.updateTable('outbox')
		.set({ to_address: '', user_id: null, provider_id: null, last_error: null, ...redactedBody(cutoff) })
		.where(finishedBefore)
		.where('newsletter_id', 'is not', null)
		.where('to_address', '!=', '')
		.executeTakeFirst()
	return Number(deleted.numDeletedRows) + Number(emptied.numUpdatedRows)
}

type OutboxFilter = ExpressionBuilder<Database, 'outbox'>

function due(now: Date) {
	return (eb: OutboxFilter) =>
		eb.and([
			eb('status', 'in', ['queued', 'sending']),
			eb('next_attempt_at', '<=', now.toISOString()),
			eb('attempts', '<', MAX_ATTEMPTS),
		])
}

function claimed(now: Date) {
	return {
		status: 'sending' as const,
		attempts: sql<number>`attempts + 1`,
		next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString(),
	}
}

/**
 * Claims what one request will carry, in one statement: the oldest due single message (those
 * come first: a sign-in code never waits behind a newsletter), else every due row of the oldest
 * due batch. Returns [] when nothing is due. The oldest is looked up for each status apart, so
 * that each lookup reads the claim index in order and stops at its first row (migration 0006).
 */
export async function claimNextDelivery(db: DB, now: Date): Promise<OutboxMessage[]> {
	const single = await db
		.updateTable('outbox')
		.set(claimed(now))
		.where('id', '=', (eb) =>
			eb
				.selectFrom(oldestDue(db, now, 'single').as('o'))
				.select('o.id')
				.orderBy('o.next_attempt_at')
				.orderBy('o.id')
				.limit(1),
		)
		// Checked again on the row itself, so a database that runs the subquery apart (PostgreSQL) stays safe.
		.where(due(now))
		.returningAll()
		.execute()
	if (single.length > 0) return single
	// A batch's rows are not picked past another claim's locks as singles are: its claim takes
	// every row under the key, so two workers holding rows of one batch would wait on each other.
	// Instead, of two workers picking the same batch at once (PostgreSQL), the second waits for
	// the first and then finds none of its rows due: it looks again rather than stop as if nothing were.
	for (let look = 0; look < 3; look++) {
		const batch = await db
			.updateTable('outbox')
			.set(claimed(now))
			.where('batch_key', '=', (eb) =>
				eb
					.selectFrom(oldestDue(db, now, 'batch').as('o'))
					.select('o.batch_key')
					.orderBy('o.next_attempt_at')
					.orderBy('o.id')
					.limit(1),
			)
			.where(due(now))
			.returningAll()
			.execute()
		if (batch.length > 0) return batch.sort((a, b) => a.id - b.id)
		const stillDue = await db
			.selectFrom(oldestDue(db, now, 'batch').as('o'))
			.select('o.id')
			.executeTakeFirst()
		if (!stillDue) break
	}
	return []
}

/**
 * The oldest due row of each claimable status, singles or batched: at most two rows. On PostgreSQL
 * a single's lookup passes over rows another worker's claim holds, so parallel workers claim
 * different messages.
 */
function oldestDue(db: DB, now: Date, kind: 'single' | 'batch') {
	const oldest = (status: 'queued' | 'sending') => {
		const lookup = db
			.selectFrom('outbox')
			.select(['id', 'batch_key', 'next_attempt_at'])
			.where('batch_key', kind === 'batch' ? 'is not' : 'is', null)
			.where('status', '=', status)
			.where('next_attempt_at', '<=', now.toISOString())
			.where('attempts', '<', MAX_ATTEMPTS)
			.orderBy('next_attempt_at')
			.orderBy('id')
			.limit(1)
		return kind === 'single' ? skippingClaimed(db, lookup) : lookup
	}
	return db
		.selectFrom(oldest('queued').as('q'))
		.selectAll()
		.unionAll(db.selectFrom(oldest('sending').as('s')).selectAll())
}

/** Claims up to `limit` deliveries at once, as a worker that then died would have (for tests). */
export async function claimDueEmails(db: DB, limit: number, now: Date): Promise<OutboxMessage[]> {
	const rows: OutboxMessage[] = []
	for (let i = 0; i < limit; i++) {
		const next = await claimNextDelivery(db, now)
		if (next.length === 0) break
		rows.push(...next)
	}
	return rows
}

/**
 * On a delivery's first attempt, rows to suppressed addresses are cancelled before anything is
 * sent. Later attempts send exactly what the first one did: the batch key promises the provider
 * the same request, and the first one may already have reached it.
 */
async function dropSuppressed(db: DB, rows: OutboxMessage[], now: Date): Promise<OutboxMessage[]> {
	if (rows[0]!.attempts !== 1) return rows
	const addresses = [...new Set(rows.map((row) => bareAddress(row.to_address)))]
	const suppressed = new Set(
		(await db.selectFrom('suppression').select('email').where('email', 'in', addresses).execute()).map((s) => s.email),
	)
	if (suppressed.size === 0) return rows
	const dropped = rows.filter((row) => suppressed.has(bareAddress(row.to_address)))
	await db
		.updateTable('outbox')
		.set({
			status: 'cancelled',
			last_error: 'suppressed: the address bounced or complained',
			next_attempt_at: now.toISOString(),
			...redactedBody(now),
		})
		.where(
			'id',
			'in',
			dropped.map((row) => row.id),
		)
		.where('status', '=', 'sending')
		.execute()
	return rows.filter((row) => !suppressed.has(bareAddress(row.to_address)))
}

/** "Åsa <asa@example.se>" → "asa@example.se". */
export function bareAddress(address: string): string {
	return (/<([^>]+)>\s*$/.exec(address)?.[1] ?? address).trim().toLowerCase()
}

async function attempt(transport: Transport, email: OutgoingEmail): Promise<DeliveryResult> {
	try {
		return await transport.send(email)
	} catch (error) {
		return { outcome: 'retry', error: error instanceof Error ? error.message : String(error) }
	}
}

async function attemptBatch(
	transport: Transport,
	emails: OutgoingEmail[],
	batchKey: string,
): Promise<BatchDeliveryResult> {
	try {
		return await transport.sendBatch(emails, batchKey)
	} catch (error) {
		return { outcome: 'retry', error: error instanceof Error ? error.message : String(error) }
	}
}

function singleAsBatch(result: DeliveryResult): BatchDeliveryResult {
	return result.outcome === 'sent' ? { outcome: 'sent', providerIds: [result.providerId] } : result
}

/** Rendered templates by id, loaded once per run: 1,000 batches of one newsletter read it once. */
export class TemplateCache {
	#templates = new Map<number, Promise<{ subject: string; html: string; text: string }>>()
	constructor(private db: DB) {}
	get(id: number) {
		let template = this.#templates.get(id)
		if (!template) {
			template = this.db
				.selectFrom('email_template')
				.select(['subject', 'html', 'text'])
				.where('id', '=', id)
				.executeTakeFirstOrThrow()
			this.#templates.set(id, template)
		}
		return template
	}
}

export async function toOutgoingEmail(row: OutboxMessage, templates: TemplateCache): Promise<OutgoingEmail> {
	let { subject, html, text } = row
	if (row.template_id !== null) {
		// Rendered once for everyone; filled in here, so the outbox holds no copy per recipient.
		const template = await templates.get(row.template_id)
		const variables = JSON.parse(row.variables ?? '{}') as Record<string, string>
		subject = fillPlaceholders(template.subject, variables, 'text')
		html = fillPlaceholders(template.html, variables, 'html')
		text = fillPlaceholders(template.text, variables, 'text')
	}
	return {
		idempotencyKey: row.idempotency_key,
		to: row.to_address,
		subject,
		html,
		text,
		headers: JSON.parse(row.headers) as Record<string, string>,
		attachments: JSON.parse(row.attachments) as EmailAttachment[],
		createdAt: new Date(row.created_at),
	}
}

/**
 * Writes the outcome, but only while the claim is still ours (same status and attempt count): a
 * worker that overran its lease must not overwrite rows another worker has claimed since.
 */
async function recordResult(db: DB, rows: OutboxMessage[], result: BatchDeliveryResult, now: Date): Promise<void> {
	const first = rows[0]!
	const ids = rows.map((row) => row.id)
	const ours = () =>
		db
			.updateTable('outbox')
			.where('id', 'in', ids)
			.where('status', '=', 'sending')
			.where('attempts', '=', first.attempts)
	if (result.outcome === 'sent') {
		// One statement for the whole request, each row given its own provider id by a CASE: a
		// statement per row was 100 round trips a batch on PostgreSQL, longer than the gap between
		// two requests at 10 a second. Rows claimed together share their attempt count; should they
		// not, each count gets its own statement, so a row is still only marked by its own claim.
		const providerIds = new Map(rows.map((row, index) => [row.id, result.providerIds[index] ?? null]))
		const byAttempts = new Map<number, OutboxMessage[]>()
		for (const row of rows) byAttempts.set(row.attempts, [...(byAttempts.get(row.attempts) ?? []), row])
		await db.transaction().execute(async (trx) => {
			for (const [attempts, group] of byAttempts) {
				const groupIds = group.map((row) => row.id)
				await trx
					.updateTable('outbox')
					.set({
						status: 'sent',
						sent_at: now.toISOString(),
						provider_id: sql<string | null>`case ${sql.ref('id')} ${sql.join(
							groupIds.map((id) => sql`when ${id} then ${providerIds.get(id)}`),
							sql` `,
						)} end`,
						last_error: null,
						...redactedBody(now),
					})
					.where('id', 'in', groupIds)
					.where('status', '=', 'sending')
					.where('attempts', '=', attempts)
					.execute()
			}
		})
	} else if (result.outcome === 'failed' || (!result.rateLimited && first.attempts >= MAX_ATTEMPTS)) {
		console.warn(
			`outbox: gave up on ${rows.length} message(s) from ${first.id} after ${first.attempts} attempt(s): ${result.error}`,
		)
		await ours()
			.set({ status: 'failed', last_error: result.error.slice(0, 1000), ...redactedBody(now) })
			.execute()
	} else if (result.rateLimited) {
		// Being told to wait says nothing about the message: it does not count as an attempt.
		await ours()
			.set({
				status: 'queued',
				attempts: sql<number>`attempts - 1`,
				next_attempt_at: new Date(now.getTime() + (result.retryAfterMs ?? retryDelayMs(1))).toISOString(),
				last_error: result.error.slice(0, 1000),
			})
			.execute()
	} else {
		const delay = Math.max(retryDelayMs(first.attempts), result.retryAfterMs ?? 0)
		await ours()
			.set({
				status: 'queued',
				next_attempt_at: new Date(now.getTime() + delay).toISOString(),
				last_error: result.error.slice(0, 1000),
			})
			.execute()
	}
}

/** After a 429, everything due waits until the provider's Retry-After, without using an attempt. */
async function postponeDue(db: DB, now: Date, until: Date): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ next_attempt_at: until.toISOString() })
		.where('status', '=', 'queued')
		.where('next_attempt_at', '<=', now.toISOString())
		.execute()
}

/** A row whose last allowed attempt was cut short (the worker died) is not retried forever. */
async function giveUpAbandoned(db: DB, now: Date): Promise<void> {
	await db
		.updateTable('outbox')
		.set({
			status: 'failed',
			last_error: 'gave up: the worker stopped during the last attempt',
			...redactedBody(now),
		})
		.where('status', '=', 'sending')
		.where('next_attempt_at', '<=', now.toISOString())
		.where('attempts', '>=', MAX_ATTEMPTS)
		.execute()
}
