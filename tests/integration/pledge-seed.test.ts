import fs from 'node:fs'
import { describe, expect, test } from 'vitest'
import { imageDir } from '#app/images/images.server.ts'
import { iconName } from '#app/themes/palette.ts'
import { userPermissions } from '#app/auth/session.server.ts'
import { keptCounts, recount } from '#tests/support/pledge.ts'
import { demoCatalogue, demoStaff, seedIfEmpty } from '#db/seed.ts'
import { getDb } from '#db/index.ts'
import { emptyDatabase } from '#tests/setup/databases.ts'
import { commitmentCategories } from '#app/pledge/schemas.ts'

/** The demo content `npm start` loads into an empty database. */
const db = getDb()

async function snapshot(handle: typeof db) {
	return {
		users: await handle.selectFrom('user').select(['email', 'name', 'language', 'created_at']).orderBy('id').execute(),
		signatures: await handle
			.selectFrom('signature')
			.select(['status', 'lives_in_municipality', 'district', 'confirmed_at'])
			.orderBy('id')
			.execute(),
		pledged: await handle
			.selectFrom('pledge_commitment')
			.select(['commitment_id', 'own_words', 'progress'])
			.orderBy('id')
			.execute(),
	}
}

describe('seedIfEmpty', () => {
	test('loads a catalogue, the demo staff and confirmed signatures, with consistent counts and no email', async () => {
		expect(await seedIfEmpty(db)).toBe(true)

		const catalogue = await db.selectFrom('commitment').selectAll().execute()
		expect(catalogue.length).toBe(demoCatalogue.length)
		expect(new Set(catalogue.map((c) => c.category))).toEqual(new Set(commitmentCategories))
		for (const c of catalogue) {
			expect(c.title_sv.length).toBeGreaterThan(5)
			expect(c.title_en.length).toBeGreaterThan(5)
			if (c.kg_co2e_per_year !== null) expect(c.kg_co2e_per_year).toBeLessThanOrEqual(1000)
		}

		for (const staff of demoStaff) {
			const user = await db.selectFrom('user').select('id').where('email', '=', staff.email).executeTakeFirstOrThrow()
			const permissions = await userPermissions(db, user.id)
			expect(permissions).toContain(staff.role === 'coordinator' ? 'catalogue:manage' : 'events:organise')
		}
		const coordinator = await db
			.selectFrom('user')
			.select('id')
			.where('email', '=', 'koordinator@klimatpakt.example')
			.executeTakeFirstOrThrow()
		expect(await userPermissions(db, coordinator.id)).toContain('catalogue:manage')

		const counts = await keptCounts(db)
		expect(counts).toEqual(await recount(db))
		expect(counts.pact.residents).toBeGreaterThanOrEqual(30)
		expect(counts.pact.others).toBeGreaterThanOrEqual(3)
		expect(await db.selectFrom('outbox').select('id').execute()).toEqual([])
		expect(await db.selectFrom('verification').select('id').execute()).toEqual([])
	})

	test('the two demo themes have pictures drawn at seed time, each with its own alt text, and icons that are drawn', async () => {
		const themes = await db
			.selectFrom('theme')
			.innerJoin('image', 'image.id', 'theme.image_id')
			.select(['theme.slug', 'theme.icon', 'image.id', 'image.alt', 'image.width', 'image.height'])
			.orderBy('theme.id')
			.execute()
		expect(themes.map((theme) => theme.slug)).toEqual(['resor-och-transporter', 'mat'])
		for (const theme of themes) {
			expect(theme.alt).toMatch(/^Illustration: .{30,}/)
			expect([theme.width, theme.height]).toEqual([1200, 800])
			expect(iconName(theme.icon)).toBe(theme.icon)
			// Stored like an upload: every width and format, and the link preview.
			const files = fs.readdirSync(imageDir()).filter((name) => name.startsWith(`${theme.id}-`))
			expect(files).toContain(`${theme.id}-og.jpg`)
			expect(files).toContain(`${theme.id}-400.avif`)
		}
		expect(new Set(themes.map((theme) => theme.alt)).size).toBe(2)
	})

	test('does nothing once there are people', async () => {
		const before = await snapshot(db)
		expect(await seedIfEmpty(db)).toBe(false)
		expect(await snapshot(db)).toEqual(before)
	})

	test('is deterministic: a second empty database gets the same content', async () => {
		const other = await emptyDatabase()
		expect(await seedIfEmpty(other)).toBe(true)
		expect(await snapshot(other)).toEqual(await snapshot(db))
		await other.destroy()
	})
})
