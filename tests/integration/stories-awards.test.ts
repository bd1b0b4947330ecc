import { describe, expect, test } from 'vitest'
import { composeEmail, renderEmail } from '#app/mail/send-email.server.ts'
import { digestFor, digestPeriod } from '#app/newsletters/digest.server.ts'
import * as adminAwards from '#app/routes/admin-awards.tsx'
import * as awardsArchive from '#app/routes/awards.tsx'
import * as nominatePage from '#app/routes/awards-nominate.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import { awardMonth } from '#app/stories/awards.server.ts'
import { getDb } from '#db/index.ts'
import DigestEmail from '#emails/digest.tsx'
import { makeUser } from '#tests/support/events.ts'
import { callAction, callLoader, cookieFor, renderRoute } from '#tests/support/routes.ts'
import { approvedPartner, coordinator } from '#tests/support/stories.ts'

const db = getDb()

const nominations = (month: string) =>
	db.selectFrom('award_nomination').selectAll().where('month', '=', month).orderBy('id').execute()

describe('nominating for the award of the month', () => {
	test('one nomination per person, nominee and month; another person may nominate the same one', async () => {
		const month = awardMonth()
		const before = (await nominations(month)).length
		const anna = await makeUser(db, { name: 'Anna Nominerar' })
		const cookie = await cookieFor(anna.id)
		const form = { nomineeKind: 'resident', nomineeName: 'Maja Lindqvist', action: 'Startade en lånecykelring.' }

		expect((await callAction(nominatePage, '/awards/nominate', { cookie, form })).location).toBe(
			'/awards/nominate?done=nominated',
		)
		// The same person again, written differently, is refused beside the name.
		const twice = await callAction(nominatePage, '/awards/nominate', {
			cookie,
			form: { ...form, nomineeName: '  maja   LINDQVIST ', action: 'Igen!' },
		})
		expect(twice.status).toBe(400)
		expect(twice.data.error.nomineeName).toEqual([
			'Du har redan nominerat den här personen eller partnern den här månaden.',
		])
		// Someone else may, and Anna may nominate someone else.
		const bo = await makeUser(db)
		expect((await callAction(nominatePage, '/awards/nominate', { cookie: await cookieFor(bo.id), form })).status).toBe(
			303,
		)
		expect(
			(await callAction(nominatePage, '/awards/nominate', { cookie, form: { ...form, nomineeName: 'Omar Haddad' } }))
				.status,
		).toBe(303)
		expect((await nominations(month)).length).toBe(before + 3)
		const mine = await callLoader(nominatePage, '/awards/nominate', { cookie })
		expect(mine.data.mine.map((n: { nominee_name: string }) => n.nominee_name)).toEqual([
			'Maja Lindqvist',
			'Omar Haddad',
		])
	})

	test('a partner is chosen from the directory, once a month; a resident needs a name; visitors sign in first', async () => {
		const partner = await approvedPartner(db, { name: 'Cykelköket' })
		const cookie = await cookieFor((await makeUser(db)).id)
		const form = { nomineeKind: 'partner', partnerId: String(partner.id), action: 'Lagade hundra cyklar.' }
		expect((await callAction(nominatePage, '/awards/nominate', { cookie, form })).status).toBe(303)
		const twice = await callAction(nominatePage, '/awards/nominate', { cookie, form })
		expect(twice.data.error.partnerId).toEqual([
			'Du har redan nominerat den här personen eller partnern den här månaden.',
		])
		const unknown = await callAction(nominatePage, '/awards/nominate', {
			cookie,
			form: { ...form, partnerId: '999999' },
		})
		expect(unknown.data.error.partnerId).toEqual(['Välj en av partnerna i listan.'])
		const nameless = await callAction(nominatePage, '/awards/nominate', {
			cookie,
			form: { nomineeKind: 'resident', nomineeName: '', action: 'Något bra.' },
		})
		expect(nameless.status).toBe(400)
		expect(nameless.data.error.nomineeName).toBeTruthy()
		const row = (await nominations(awardMonth())).find((n) => n.partner_id === partner.id)
		expect(row).toMatchObject({ nominee_kind: 'partner', nominee_name: 'Cykelköket' })

		const visitor = await callAction(nominatePage, '/awards/nominate', { form })
		expect(visitor.location).toMatch(/^\/login/)
	})
})

describe('choosing the winner', () => {
	test('coordinators pick one of the month’s nominations; a month has one award; it shows on the home page, the archive and the digest', async () => {
		const month = '2025-05'
		const nominator = await makeUser(db)
		const [winner, other] = await db
			.insertInto('award_nomination')
			.values(
				['Per Öberg', 'Sara Nilsson'].map((name) => ({
					month,
					nominee_kind: 'resident' as const,
					nominee_name: name,
					nominee_key: `resident:${name.toLowerCase()}`,
					partner_id: null,
					action: `${name} gjorde något bra.`,
					nominated_by: nominator.id,
					created_at: '2025-05-10T10:00:00.000Z',
				})),
			)
			.returning('id')
			.execute()

		// Not for anyone but coordinators.
		const plain = await cookieFor(nominator.id)
		expect((await callLoader(adminAwards, `/admin/awards?month=${month}`, { cookie: plain })).status).toBe(403)
		const sneaky = await callAction(adminAwards, '/admin/awards', {
			cookie: plain,
			form: { month, nominationId: String(winner!.id), citation: 'Jag själv' },
		})
		expect(sneaky.status).toBe(403)

		const cookie = await cookieFor((await coordinator(db)).id)
		const listed = await callLoader(adminAwards, `/admin/awards?month=${month}`, { cookie })
		expect(listed.data.nominations.map((n: { id: number }) => n.id)).toEqual([winner!.id, other!.id])

		// A nomination from another month is not this month's to pick.
		const elsewhere = await callAction(adminAwards, '/admin/awards', {
			cookie,
			form: { month: '2025-04', nominationId: String(winner!.id), citation: 'Fel månad' },
		})
		expect(elsewhere.status).toBe(400)

		const decidedAt = new Date('2025-06-01T08:00:00.000Z')
		const decided = await callAction(adminAwards, '/admin/awards', {
			cookie,
			form: { month, nominationId: String(winner!.id), citation: 'För en grad som gör skillnad.' },
		})
		expect(decided.location).toBe(`/admin/awards?month=${month}&done=awarded`)
		await db.updateTable('award').set({ decided_at: decidedAt.toISOString() }).where('month', '=', month).execute()

		const second = await callAction(adminAwards, '/admin/awards', {
			cookie,
			form: { month, nominationId: String(other!.id), citation: 'Hon också' },
		})
		expect(second.status).toBe(400)
		expect(second.data.error.nominationId).toEqual(['Månadens vinnare är redan utsedd.'])
		expect(await db.selectFrom('award').selectAll().where('month', '=', month).execute()).toEqual([
			expect.objectContaining({ nomination_id: winner!.id, citation: 'För en grad som gör skillnad.' }),
		])

		const archive = await callLoader(awardsArchive, '/awards')
		expect(archive.data.awards[0]).toMatchObject({ month, name: 'Per Öberg' })

		// The home page (read after the award, so its minute's cache holds it).
		const home = await callLoader(homeRoute, '/')
		expect(home.data.news.award).toMatchObject({ month, name: 'Per Öberg' })
		const html = await renderRoute({ Component: homeRoute.default, url: '/', loaderData: home.data })
		expect(html).toContain('Månadens tårta, maj 2025')
		expect(html).toContain('För en grad som gör skillnad.')

		// The monthly digest for June tells of May's winner, even with nothing else to say.
		const reader = await makeUser(db, { name: 'Rut Läsare' })
		const june = new Date('2025-06-01T06:00:00.000Z')
		const digest = await digestFor(db, reader, 'monthly', digestPeriod('monthly', june), june)
		expect(digest?.award).toMatchObject({
			month: 'maj 2025',
			name: 'Per Öberg',
			citation: 'För en grad som gör skillnad.',
		})
		const email = await renderEmail(
			composeEmail(
				DigestEmail,
				{ ...digest!, unsubscribeUrl: 'http://localhost/u', preferencesUrl: 'http://localhost/p' },
				{ to: 'rut@example.org' },
			),
		)
		expect(email.text).toContain('MÅNADENS TÅRTA, MAJ 2025: PER ÖBERG')
		expect(email.text).toContain('För en grad som gör skillnad.')
		// A digest a quarter later does not repeat old news.
		const september = new Date('2025-09-01T06:00:00.000Z')
		const later = await digestFor(db, reader, 'monthly', digestPeriod('monthly', september), september)
		expect(later?.award ?? null).toBeNull()
	})
})
