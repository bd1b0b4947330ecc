import fs from 'node:fs/promises'
import path from 'node:path'
import { config } from '#app/config.server.ts'
import { headerValue, parseEml, parseEmlHeaders, type ParsedEml } from '#app/mail/eml.server.ts'

/**
 * Reading the local mailbox for /dev/mail. Open only while mail really goes there (no Resend
 * key) and only while the app's address is this machine: the messages hold sign-in codes, so a
 * server others can reach never shows them, however it is configured (decision 0011).
 */
export function mailboxIsOpen(
	settings: { resendApiKey?: string; isProduction: boolean; appUrlIsLocal: boolean } = config,
): boolean {
	return !settings.resendApiKey && !settings.isProduction && settings.appUrlIsLocal
}

export interface MailboxEntry {
	id: string
	to: string
	subject: string
	date: Date
}

/** What /dev/mail/:messageId accepts: a file name the mailbox wrote, nothing that leaves the folder. */
export function isMailboxMessageId(id: string): boolean {
	return /^[A-Za-z0-9_-]{1,200}$/.test(id)
}

// A dev mailbox can grow large; the list shows the newest messages only.
const LIST_LIMIT = 300

/** Messages newest first (file names start with the time they were queued), optionally for one recipient. */
export async function listMailbox(dir = config.mailDir, { to }: { to?: string } = {}): Promise<MailboxEntry[]> {
	let names: string[]
	try {
		names = await fs.readdir(dir)
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
		throw error
	}
	const wanted = to?.trim().toLowerCase()
	const ids = names
		.filter((name) => name.endsWith('.eml'))
		.map((name) => name.slice(0, -'.eml'.length))
		.filter(isMailboxMessageId)
		.sort()
		.reverse()
	const entries: MailboxEntry[] = []
	for (const id of ids) {
		if (entries.length >= LIST_LIMIT) break
		const source = await readMessageFile(dir, id)
		if (source === null) continue
		const headers = await parseEmlHeaders(source)
		const recipient = headerValue(headers, 'To') ?? ''
		if (wanted && addressOf(recipient) !== wanted) continue
		const date = new Date(headerValue(headers, 'Date') ?? '')
		entries.push({
			id,
			to: recipient,
			subject: headerValue(headers, 'Subject') ?? '',
			date: Number.isNaN(date.getTime()) ? new Date(0) : date,
		})
	}
	return entries
}

/** One message, parsed; null when there is no such message. */
export async function readMailboxMessage(dir: string, id: string): Promise<ParsedEml | null> {
	if (!isMailboxMessageId(id)) return null
	const source = await readMessageFile(dir, id)
	return source === null ? null : await parseEml(source)
}

async function readMessageFile(dir: string, id: string): Promise<string | null> {
	try {
		return await fs.readFile(path.join(dir, `${id}.eml`), 'utf8')
	} catch (error) {
		// Removed between listing and reading (someone cleaned the folder): simply not there.
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
		throw error
	}
}

/** "Name <a@b.se>" → "a@b.se", lower-cased. */
export function addressOf(value: string): string {
	return (/<([^<>]+)>\s*$/.exec(value)?.[1] ?? value).trim().toLowerCase()
}
