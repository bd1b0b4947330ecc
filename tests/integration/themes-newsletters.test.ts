import { afterEach, describe, expect, test } from 'vitest'
import { followTheme } from '#app/themes/follow.server.ts'
import { sendDigests } from '#app/newsletters/digest.server.ts'
import { countRecipients, segmentRecipients } from '#app/newsletters/segments.server.ts'
import { everyone } from '#app/newsletters/segments.ts'
import { addSignatories } from '#tests/support/newsletters.ts'
import { makeTheme } from '#tests/support/themes.ts'
import { getDb } from '#db/index.ts'

/** Themes in newsletters: "follows theme X" as an audience, and the current theme in digests. */
const db = getDb()
const DAY = 86_400_000
// Monday 2 June 2025, 09:00 in Stockholm: a weekly digest is due.
const monday = new Date('2025-06-02T07:00:00.000Z')

afterEach(async () => {
	for (const table of ['outbox', 'digest', 'theme_follow', 'theme', 'signature', 'user'] as const)
		await db.deleteFrom(table).execute()
})

describe('the "follows the theme" audience', () => {
	test('counts the followers of that theme who may get newsletters, and no one else', async () => {
		const food = await makeTheme(db, { slug: 'mat' })
		const transport = await makeTheme(db, { slug: 'resor' })
		const [a, b, c] = await addSignatories(db, 3)
		const [noConsent] = await addSignatories(db, 1, { consent: false })
		const [pending] = await addSignatories(db, 1, { status: 'pending' })
		for (const person of [a, b, noConsent, pending]) await followTheme(db, food, person!.id)
		await followTheme(db, transport, c!.id)

		expect(await countRecipients(db, { ...everyone, themeId: food })).toBe(2)
		expect((await segmentRecipients(db, { ...everyone, themeId: food })).map((r) => r.id)).toEqual([a!.id, b!.id])
		expect(await countRecipients(db, { ...everyone, themeId: food, residency: 'others' })).toBe(0)
		expect(await countRecipients(db, everyone)).toBe(3)
	})
})

describe('the current theme in the digest', () => {
	test('the digest features the theme running now, with its summary and a link', async () => {
		await makeTheme(db, {
			slug: 'resor-och-transporter',
			titleSv: 'Resor och transporter',
			descriptionSv: 'Hela våren handlar om **cykel** och tåg.\n\nMer text.',
			startsOn: '2025-05-12',
			endsOn: '2025-06-30',
		})
		await makeTheme(db, { slug: 'mat', titleSv: 'Mat', startsOn: '2025-08-01', endsOn: '2025-12-31' })
		const [person] = await addSignatories(db, 1)
		await db.updateTable('user').set({ digest_frequency: 'weekly' }).where('id', '=', person!.id).execute()
		// The theme began weeks ago: on its own it is not news, so a stepped-up person gets the digest.
		await db
			.insertInto('ladder_step')
			.values({
				user_id: person!.id,
				step: 2,
				rule_step: 2,
				attended_count: 1,
				helped_count: 0,
				reached_at: new Date(monday.getTime() - DAY).toISOString(),
				evaluated_at: new Date(monday.getTime() - DAY).toISOString(),
			})
			.execute()

		expect(await sendDigests(db, { now: monday })).toEqual({ queued: 1, skipped: 0 })
		const mail = await db.selectFrom('outbox').select(['text', 'html']).executeTakeFirstOrThrow()
		expect(mail.html).toContain('Tema just nu: Resor och transporter')
		expect(mail.text).toContain('Hela våren handlar om cykel och tåg.')
		expect(mail.html).toContain('/themes/resor-och-transporter')
		expect(mail.html).not.toContain('/themes/mat')
		await db.deleteFrom('ladder_step').execute()
	})

	test('a theme that began since the last digest is news by itself; an old one is not', async () => {
		const [person] = await addSignatories(db, 1)
		await db.updateTable('user').set({ digest_frequency: 'weekly' }).where('id', '=', person!.id).execute()
		await makeTheme(db, { slug: 'gammal', titleSv: 'Gammalt tema', startsOn: '2025-04-01', endsOn: '2025-05-31' })
		await makeTheme(db, { slug: 'ny', titleSv: 'Nytt tema', startsOn: '2025-06-01', endsOn: '2025-09-30' })

		expect(await sendDigests(db, { now: monday })).toEqual({ queued: 1, skipped: 0 })
		expect((await db.selectFrom('outbox').select('html').executeTakeFirstOrThrow()).html).toContain(
			'Tema just nu: Nytt tema',
		)

		// A week later nothing new has happened, and the same theme is not news twice.
		expect(await sendDigests(db, { now: new Date(monday.getTime() + 7 * DAY) })).toEqual({ queued: 0, skipped: 1 })
	})
})
