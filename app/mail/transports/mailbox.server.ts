import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { buildEml } from '#app/mail/eml.server.ts'
import type { BatchDeliveryResult, OutgoingEmail, Transport } from './transport.server.ts'

/**
 * The local mailbox: every message becomes an .eml file in `dir`, so the whole product works on
 * a laptop with no email account. /dev/mail lists the files.
 */
export function mailboxTransport({ dir, from }: { dir: string; from: string }): Transport {
	const transport: Transport = {
		name: 'mailbox',
		// One file per message; a retried batch rewrites the same files, so nothing doubles.
		async sendBatch(emails): Promise<BatchDeliveryResult> {
			const providerIds: string[] = []
			for (const email of emails) {
				const result = await transport.send(email)
				if (result.outcome !== 'sent') return result
				providerIds.push(result.providerId)
			}
			return { outcome: 'sent', providerIds }
		},
		async send(email) {
			try {
				const id = mailboxMessageId(email)
				await fs.mkdir(dir, { recursive: true })
				const eml = await buildEml({
					from,
					to: email.to,
					subject: email.subject,
					date: new Date(),
					messageId: `${sha256(email.idempotencyKey).slice(0, 32)}@${domainOf(from)}`,
					headers: email.headers,
					text: email.text,
					html: email.html,
					attachments: email.attachments,
				})
				// Write beside, then rename: a reader never sees half a message, and a retry replaces the file.
				const tmp = path.join(dir, `.${id}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`)
				await fs.writeFile(tmp, eml)
				await fs.rename(tmp, path.join(dir, `${id}.eml`))
				return { outcome: 'sent', providerId: id }
			} catch (error) {
				// A full disk or a missing permission may pass; try again later.
				return { outcome: 'retry', error: `mailbox: ${error instanceof Error ? error.message : String(error)}` }
			}
		},
	}
	return transport
}

/**
 * The file's name (without .eml), also the id in /dev/mail/:messageId: the time the message was
 * queued, so names sort oldest to newest, and its key, so a retry overwrites instead of adding.
 */
export function mailboxMessageId(email: Pick<OutgoingEmail, 'createdAt' | 'idempotencyKey'>): string {
	const stamp = email.createdAt.toISOString().replace(/[-:.]/g, '')
	const readable = email.idempotencyKey.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 48)
	return `${stamp}-${readable}-${sha256(email.idempotencyKey).slice(0, 10)}`
}

function sha256(value: string): string {
	return crypto.createHash('sha256').update(value).digest('hex')
}

function domainOf(address: string): string {
	return /@([^>\s]+)>?\s*$/.exec(address)?.[1] ?? 'klimatpakt.localhost'
}
