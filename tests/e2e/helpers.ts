import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import type { ParsedEml } from '#app/mail/eml.server.ts'
import { listMailbox, readMailboxMessage } from '#app/mail/mailbox.server.ts'
import { openDatabase, type DB } from '#db/index.ts'

/** Fails the test when axe finds any WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
	)
	expect(summary, `axe violations on ${page.url()}`).toEqual([])
}

/**
 * A handle on the run's database, SQLite or PostgreSQL, wherever tests/e2e/server.mjs made it
 * (it writes the URL down). The caller destroys it.
 */
export function openRunDatabase(): DB {
	return openDatabase(fs.readFileSync(path.resolve('tests/.tmp/e2e/database-url'), 'utf8'))
}

/** The demo content's organiser and coordinator (db/seed.ts), who sign in with a code like anyone. */
export const organiserEmail = 'arrangor@klimatpakt.example'
export const coordinatorEmail = 'koordinator@klimatpakt.example'

/**
 * A coordinator of one's own, as `npm run user:role` would make one, written into the run's database
 * (tests/e2e/server.mjs). Sign-in codes are limited to five an address a quarter of an hour, so
 * tests that each signed in as the demo coordinator would be refused codes once there are more
 * than five of them: each test takes its own coordinator, and one test signs in as the demo one.
 */
export async function newCoordinator(name = 'Kim Koordinator'): Promise<string> {
	const email = uniqueEmail('koordinator')
	const db = openRunDatabase()
	try {
		const now = new Date().toISOString()
		const user = await db
			.insertInto('user')
			.values({ email, name, language: 'sv', created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow()
		await db.insertInto('user_role').values({ user_id: user.id, role: 'coordinator', granted_at: now }).execute()
	} finally {
		await db.destroy()
	}
	return email
}

/** The date `daysAhead` days from now in the pact's time zone, as a date input takes it (YYYY-MM-DD). */
export function localDate(daysAhead: number): string {
	return new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Europe/Stockholm',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(new Date(Date.now() + daysAhead * 86_400_000))
}

/** An address nobody else in the run uses. */
export function uniqueEmail(prefix: string): string {
	return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`
}

/** The server's local mailbox: tests/e2e/server.mjs points its MAIL_DIR here. */
const mailDir = path.resolve('tests/.tmp/e2e/mail')

/** How many messages the local mailbox holds for an address. */
export async function mailCount(to: string): Promise<number> {
	return (await listMailbox(mailDir, { to })).length
}

export type Mail = ParsedEml & { id: string; subject: string }

/**
 * The newest message to an address (with `subject`, the newest with that subject; a string
 * matches part of it), read from the mailbox's files once the worker has delivered it. With
 * `after` (a mailCount taken before the action that sends it), waits for a new one, so an older
 * message to the same address is never mistaken for it.
 */
export async function newestMail(
	to: string,
	{ after = 0, subject, timeout = 20_000 }: { after?: number; subject?: string | RegExp; timeout?: number } = {},
): Promise<Mail> {
	const matches = (s: string) =>
		subject === undefined || (typeof subject === 'string' ? s.includes(subject) : subject.test(s))
	let found: { id: string; subject: string } | undefined
	await expect
		.poll(
			async () => {
				const entries = await listMailbox(mailDir, { to })
				found = entries.length > after ? entries.find((entry) => matches(entry.subject)) : undefined
				return found !== undefined
			},
			{ message: `a message to ${to}${subject ? ` about ${subject}` : ''}`, timeout },
		)
		.toBe(true)
	const message = await readMailboxMessage(mailDir, found!.id)
	expect(message, `message ${found!.id} can be read`).not.toBeNull()
	return { ...message!, ...found! }
}

/** The six-digit code in a message's text. */
export function codeIn(mail: Mail): string {
	const code = mail.text.match(/(?<!\d)(\d{6})(?!\d)/)?.[1]
	expect(code, 'a six-digit code in the email').toBeTruthy()
	return code!
}

/** The first link in a message's text whose address contains `part`. */
export function linkIn(mail: Mail, part: string): string {
	const link = mail.text
		.match(/https?:\/\/[^\s<>"']+/g)
		?.map((url) => url.replace(/[.,;:!?)]+$/, ''))
		.find((url) => url.includes(part))
	expect(link, `a link to ${part} in the email`).toBeTruthy()
	return link!
}

/**
 * Signs in with the emailed six-digit code, starting on the login page (where a guard or the
 * header sent us); afterwards the app returns to where sign-in started.
 */
export async function signInWithCode(page: Page, email: string) {
	await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByLabel('E-postadress').fill(email)
	const before = await mailCount(email)
	await page.getByRole('button', { name: 'Skicka kod' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Titta i din e-post' })).toBeVisible()
	await expectNoAxeViolations(page)
	const code = codeIn(await newestMail(email, { after: before }))
	await page.getByLabel('Kod från mejlet').fill(code)
	await page.getByRole('button', { name: 'Logga in' }).last().click()
	// Signed in once the app has left the sign-in pages; a test that navigates sooner would cut the
	// answer that sets the session cookie.
	await expect(page).not.toHaveURL(/\/(login|verify)([?#]|$)/)
}

/**
 * A new resident signs the pact in Swedish and confirms with the emailed link, which signs them
 * in; ends on their pledge page. For tests whose subject is what comes after signing.
 */
export async function signAsNewResident(
	page: Page,
	{
		name,
		email,
		district,
		newsletter = false,
	}: { name: string; email: string; district?: string; newsletter?: boolean },
) {
	await page.goto('/sign')
	await page.getByLabel('Namn', { exact: true }).fill(name)
	await page.getByLabel('E-postadress').fill(email)
	await page.getByRole('radio', { name: 'Ja' }).check()
	if (district) await page.getByLabel('Stadsdel eller ort').fill(district)
	await page.getByRole('group', { name: 'Välj bland åtagandena' }).getByRole('checkbox').first().check()
	if (newsletter) await page.getByLabel('Jag vill få nyhetsbrev om klimatavtalet').check()
	await page.getByLabel('Jag samtycker till att mina uppgifter sparas enligt texten ovan.').check()
	await page.getByRole('button', { name: 'Skriv under', exact: true }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Titta i din e-post' })).toBeVisible()
	await page.goto(linkIn(await newestMail(email), '/verify?token='))
	await page.getByRole('button', { name: 'Bekräfta min underskrift' }).click()
	await expect(page).toHaveURL(/\/my-pledge/)
}
