import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { headerValue } from './eml.server.ts'
import { listMailbox, mailboxIsOpen, readMailboxMessage } from './mailbox.server.ts'
import { mailboxTransport } from './transports/mailbox.server.ts'
import type { OutgoingEmail } from './transports/transport.server.ts'

let dir: string
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-mailbox-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const email = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
	idempotencyKey: 'confirm-signature:42',
	to: 'anna@example.se',
	subject: 'Bekräfta din underskrift',
	text: 'Hej',
	html: '<p>Hej</p>',
	headers: {},
	attachments: [],
	createdAt: new Date('2025-06-01T10:00:00.000Z'),
	...overrides,
})

describe('the mailbox transport', () => {
	test('a retry of the same message replaces its file instead of adding one', async () => {
		const transport = mailboxTransport({ dir, from: 'Klimatpakt <hej@klimatpakt.example>' })
		const first = await transport.send(email({ text: 'first try' }))
		const second = await transport.send(email({ text: 'second try' }))
		expect(first).toEqual(second)
		expect(fs.readdirSync(dir)).toEqual([`${(first as { providerId: string }).providerId}.eml`])
		expect((await readMailboxMessage(dir, (first as { providerId: string }).providerId))?.text).toBe('second try')
	})

	test('different keys are different files, named so that they sort by queue time', async () => {
		const transport = mailboxTransport({ dir, from: 'Klimatpakt <hej@klimatpakt.example>' })
		await transport.send(email({ idempotencyKey: 'b', createdAt: new Date('2025-06-01T10:00:01.000Z') }))
		await transport.send(email({ idempotencyKey: 'a', createdAt: new Date('2025-06-01T10:00:02.000Z') }))
		const names = fs.readdirSync(dir).sort()
		expect(names).toHaveLength(2)
		expect(names[0]).toMatch(/^20250601T100001000Z-b-[0-9a-f]{10}\.eml$/)
		expect(names[1]).toMatch(/^20250601T100002000Z-a-[0-9a-f]{10}\.eml$/)
		expect((await listMailbox(dir)).map((m) => m.id)).toEqual(names.reverse().map((n) => n.replace(/\.eml$/, '')))
	})

	test('the same Message-ID on every try, so a mail client sees one message', async () => {
		const transport = mailboxTransport({ dir, from: 'Klimatpakt <hej@klimatpakt.example>' })
		const result = await transport.send(email())
		const id = (result as { providerId: string }).providerId
		const before = headerValue((await readMailboxMessage(dir, id))!.headers, 'Message-ID')
		await transport.send(email())
		expect(headerValue((await readMailboxMessage(dir, id))!.headers, 'Message-ID')).toBe(before)
		expect(before).toMatch(/^<[0-9a-f]{32}@klimatpakt\.example>$/)
	})

	test('a folder it cannot write to is a retry, not a crash', async () => {
		const file = path.join(dir, 'not-a-folder')
		fs.writeFileSync(file, '')
		const result = await mailboxTransport({ dir: file, from: 'hej@klimatpakt.example' }).send(email())
		expect(result.outcome).toBe('retry')
	})
})

describe('mailboxIsOpen', () => {
	test('open only without a Resend key and outside production', () => {
		expect(mailboxIsOpen({ resendApiKey: undefined, isProduction: false, appUrlIsLocal: true })).toBe(true)
		expect(mailboxIsOpen({ resendApiKey: 're_123', isProduction: false, appUrlIsLocal: true })).toBe(false)
		expect(mailboxIsOpen({ resendApiKey: undefined, isProduction: true, appUrlIsLocal: false })).toBe(false)
		// A server others can reach over plain http, with no key: still closed.
		expect(mailboxIsOpen({ resendApiKey: undefined, isProduction: false, appUrlIsLocal: false })).toBe(false)
	})
})
