import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { config } from '#app/config.server.ts'
import { mailboxTransport } from '#app/mail/transports/mailbox.server.ts'
import * as listRoute from '#app/routes/dev-mail.tsx'
import * as messageRoute from '#app/routes/dev-mail-message.tsx'
import { callLoader, type RouteModule } from '#tests/support/routes.ts'

const from = 'Klimatpakt <hej@klimatpakt.example>'
const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'

async function deliver(key: string, to: string, subject: string, createdAt: string) {
	const result = await mailboxTransport({ dir: config.mailDir, from }).send({
		idempotencyKey: key,
		to,
		subject,
		text: `Hej!\n\nBekräfta här: https://klimatpakt.example/verify?token=${key}.\nTack.`,
		html: `<!DOCTYPE html><html><head></head><body><p>Hej <a href="https://klimatpakt.example/verify?token=${key}">Bekräfta</a></p><script>alert(1)</script></body></html>`,
		headers: {},
		attachments:
			key === 'with-ics'
				? [{ filename: 'träff.ics', contentType: 'text/calendar', content: Buffer.from(ics).toString('base64') }]
				: [],
		createdAt: new Date(createdAt),
	})
	if (result.outcome !== 'sent') throw new Error(result.error)
	return result.providerId
}

async function listRequest(query = '', language = 'sv', route: RouteModule = listRoute) {
	return callLoader(route, `/dev/mail${query}`, { language })
}

async function messageRequest(messageId: string, route: RouteModule = messageRoute) {
	return callLoader(route, `/dev/mail/${messageId}`, { params: { messageId } })
}

beforeEach(() => fs.rmSync(config.mailDir, { recursive: true, force: true }))

describe('/dev/mail, the local mailbox', () => {
	test('lists messages newest first with recipient, subject and local time', async () => {
		await deliver('first', 'anna@example.se', 'Din kod', '2025-03-30T00:30:00.000Z')
		await deliver('second', 'Bo Ek <bo@example.se>', 'Bekräfta din underskrift ✅', '2025-03-30T01:30:00.000Z')
		const { data } = await listRequest()
		expect(data.title).toBe('Lokal brevlåda')
		expect(data.messages.map((m: { to: string; subject: string }) => [m.to, m.subject])).toEqual([
			['Bo Ek <bo@example.se>', 'Bekräfta din underskrift ✅'],
			['anna@example.se', 'Din kod'],
		])
		// The Date header is when it was written; shown in the deployment's time zone.
		const shown = new Date(data.messages[0]!.date)
		expect(data.messages[0]!.time).toBe(
			new Intl.DateTimeFormat('sv', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' }).format(
				shown,
			),
		)
	})

	test('?to= shows only one recipient, whatever the case and display name', async () => {
		await deliver('a', 'anna@example.se', 'Till Anna', '2025-03-30T00:30:00.000Z')
		await deliver('b', 'Bo Ek <bo@example.se>', 'Till Bo', '2025-03-30T01:30:00.000Z')
		await deliver('c', 'BO@example.se', 'Till Bo igen', '2025-03-30T02:30:00.000Z')
		const { data } = await listRequest(`?${new URLSearchParams({ to: 'bo@example.se' })}`)
		expect(data.to).toBe('bo@example.se')
		expect(data.messages.map((m: { subject: string }) => m.subject)).toEqual(['Till Bo igen', 'Till Bo'])
		expect((await listRequest('?to=nobody@example.se')).data.messages).toEqual([])
	})

	test('an empty or missing mailbox folder is an empty list', async () => {
		expect((await listRequest()).data.messages).toEqual([])
	})

	test('a message shows its headers, its text and its HTML, and offers its attachment', async () => {
		const id = await deliver('with-ics', 'anna@example.se', 'Välkommen på klädbyte 👕', '2025-03-30T00:30:00.000Z')
		const { data } = await messageRequest(id)
		expect(data.subject).toBe('Välkommen på klädbyte 👕')
		expect(data.headers).toEqual(
			expect.arrayContaining([
				{ name: 'To', value: 'anna@example.se' },
				{ name: 'From', value: from },
			]),
		)
		expect(data.text).toContain('https://klimatpakt.example/verify?token=with-ics.')
		expect(data.html).toContain('href="https://klimatpakt.example/verify?token=with-ics"')
		expect(data.attachments).toEqual([
			{
				filename: 'träff.ics',
				contentType: 'text/calendar',
				size: ics.length,
				href: `data:text/calendar;base64,${Buffer.from(ics).toString('base64')}`,
			},
		])
	})

	test('an unknown message, or a name that tries to leave the folder, is 404', async () => {
		expect((await messageRequest('20250101T000000000Z-nothing-0000000000')).status).toBe(404)
		expect((await messageRequest('../../package')).status).toBe(404)
		expect((await messageRequest('..%2F..%2Fpackage')).status).toBe(404)
	})
})

describe('/dev/mail when mail does not go to the local mailbox', () => {
	afterEach(() => {
		vi.unstubAllEnvs()
		vi.resetModules()
	})

	// The config is read once at import: load the routes afresh with other settings.
	async function routesWith(env: Record<string, string>) {
		vi.resetModules()
		for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
		const [list, message] = await Promise.all([
			import('#app/routes/dev-mail.tsx'),
			import('#app/routes/dev-mail-message.tsx'),
		])
		return { list, message }
	}

	for (const [situation, env] of [
		['a Resend API key is set', { RESEND_API_KEY: 're_live_key' }],
		[
			'on a public deployment',
			{
				NODE_ENV: 'production',
				APP_URL: 'https://klimatpakt.example',
				SESSION_SECRET: 'a-random-secret-of-at-least-32-characters',
			},
		],
		[
			'reachable by others over plain http, even without NODE_ENV',
			{ APP_URL: 'http://klimatpakt.example', SESSION_SECRET: 'a-random-secret-of-at-least-32-characters' },
		],
	] as const) {
		test(`is 404 when ${situation}`, async () => {
			const id = await deliver('secret', 'anna@example.se', 'Din kod: 123456', '2025-03-30T00:30:00.000Z')
			const { list, message } = await routesWith(env)
			expect((await listRequest('', 'sv', list)).status).toBe(404)
			expect((await messageRequest(id, message)).status).toBe(404)
		})
	}
})
