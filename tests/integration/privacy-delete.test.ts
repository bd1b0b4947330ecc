import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { deleteAccount, tombstoneEmail } from '#app/privacy/delete-account.server.ts'
import * as deleteRoute from '#app/routes/account-delete.tsx'
import { listTables } from '#db/catalog.ts'
import { getDb } from '#db/index.ts'
import { outboxTo } from '#tests/support/events.ts'
import { keptCounts, recount } from '#tests/support/pledge.ts'
import { approvedPartner } from '#tests/support/partners-reports.ts'
import { busyPerson } from '#tests/support/privacy.ts'
import { callAction, callLoader, cookieFor } from '#tests/support/routes.ts'

/** Deleting an account: everything of the person goes or loses their name, and every kept count stays right. */
const db = getDb()

/** Every text value in every table, to search for a deleted person's address. */
async function everyTextValue(): Promise<string[]> {
	const values: string[] = []
	for (const name of await listTables(db)) {
		const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)
		for (const row of rows.rows)
			for (const value of Object.values(row)) if (typeof value === 'string') values.push(value)
	}
	return values
}

async function count(table: 'proposal' | 'question' | 'theme', id: number) {
	const column = { proposal: 'support_count', question: 'vote_count', theme: 'follower_count' }[table]
	const rows = { proposal: 'proposal_support', question: 'question_vote', theme: 'theme_follow' }[table]
	const key = { proposal: 'proposal_id', question: 'question_id', theme: 'theme_id' }[table]
	const kept = await sql<{
		n: number
	}>`select ${sql.ref(column)} as n from ${sql.table(table)} where id = ${id}`.execute(db)
	const counted = await sql<{
		n: number
	}>`select count(*) as n from ${sql.table(rows)} where ${sql.ref(key)} = ${id}`.execute(db)
	return { kept: kept.rows[0]!.n, counted: counted.rows[0]!.n }
}

describe('deleting an account', () => {
	test('removes the person, keeps what they wrote without their name, and every count stays right', async () => {
		const person = await busyPerson(db)
		await db
			.insertInto('suppression')
			.values({ email: person.email, reason: 'complaint', detail: null, created_at: new Date().toISOString() })
			.execute()
		const before = await keptCounts(db)
		expect(before).toEqual(await recount(db))
		expect((await count('proposal', person.supported)).kept).toBe(2)

		const outcome = await deleteAccount(db, person.userId, 'Tidigare deltagare')
		expect(outcome).toEqual({ kind: 'deleted' })

		// The pact's counts moved by exactly one resident and the two commitments, and equal the rows.
		const after = await keptCounts(db)
		expect(after).toEqual(await recount(db))
		expect(after.pact.residents).toBe(before.pact.residents - 1)
		// Support, votes and followers: the other person's remain, and the kept counts equal the rows.
		expect(await count('proposal', person.supported)).toEqual({ kept: 1, counted: 1 })
		expect(await count('question', person.questionId)).toEqual({ kept: 1, counted: 1 })
		expect(await count('theme', person.themeId)).toEqual({ kept: 1, counted: 1 })

		// The place at the full event went to the person waiting, who was told.
		const places = await db
			.selectFrom('event_rsvp')
			.select(['user_id', 'status'])
			.where('event_id', '=', person.full.id)
			.execute()
		expect(places).toEqual([{ user_id: person.waiting.id, status: 'going' }])
		const told = await outboxTo(db, person.waiting.email)
		expect(told).toHaveLength(2)

		// What they wrote stays, under a tombstone that can neither be mailed nor sign in.
		const user = await db.selectFrom('user').selectAll().where('id', '=', person.userId).executeTakeFirstOrThrow()
		expect(user).toMatchObject({
			name: 'Tidigare deltagare',
			email: tombstoneEmail(person.userId),
			digest_frequency: 'off',
		})
		expect(
			await db.selectFrom('proposal').select('author_id').where('id', '=', person.ownProposal).executeTakeFirst(),
		).toEqual({ author_id: person.userId })
		expect(await db.selectFrom('story').select('title').where('id', '=', person.storyId).executeTakeFirst()).toEqual({
			title: 'Vi bakar med solel',
		})
		expect(
			await db.selectFrom('question').select('id').where('id', '=', person.questionId).executeTakeFirst(),
		).toBeDefined()

		// Nothing else of theirs is left.
		for (const table of [
			'session',
			'signature',
			'event_rsvp',
			'event_helper',
			'proposal_support',
			'question_vote',
			'theme_follow',
			'partner_member',
			'consent_log',
			'unsubscribe',
			'ladder_step',
			'ladder_history',
		] as const) {
			const rows = await db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('user_id', '=', person.userId)
				.executeTakeFirstOrThrow()
			expect([table, Number(rows.n)]).toEqual([table, 0])
		}
		// Their address is nowhere in the database: not in the outbox, codes or anywhere else.
		const values = await everyTextValue()
		expect(values.filter((value) => value.toLowerCase().includes(person.email))).toEqual([])
		expect(values.filter((value) => value.includes(person.name))).toEqual([])
	})

	test('is one transaction: a failure at the last step leaves everything as it was', async () => {
		const person = await busyPerson(db)
		const before = { counts: await keptCounts(db), support: await count('proposal', person.supported) }
		// A name the user table refuses (NOT NULL) makes the very last write fail.
		await expect(deleteAccount(db, person.userId, null as unknown as string)).rejects.toThrow(/NOT NULL|not-null/)
		expect(await keptCounts(db)).toEqual(before.counts)
		expect(await count('proposal', person.supported)).toEqual(before.support)
		const rsvps = await db
			.selectFrom('event_rsvp')
			.select(['user_id', 'status'])
			.where('event_id', '=', person.full.id)
			.orderBy('id')
			.execute()
		expect(rsvps).toEqual([
			{ user_id: person.userId, status: 'going' },
			{ user_id: person.waiting.id, status: 'waiting' },
		])
		expect(await db.selectFrom('signature').select('status').where('user_id', '=', person.userId).execute()).toEqual([
			{ status: 'confirmed' },
		])
	})

	test("refuses while the person is a partner's only contact, and changes nothing", async () => {
		const partner = await approvedPartner(db, { name: 'Ensamma Cykelverkstaden' })
		const before = await keptCounts(db)
		const outcome = await deleteAccount(db, partner.person.id, 'Tidigare deltagare')
		expect(outcome).toEqual({ kind: 'last-contact', partners: ['Ensamma Cykelverkstaden'] })
		const user = await db
			.selectFrom('user')
			.select('email')
			.where('id', '=', partner.person.id)
			.executeTakeFirstOrThrow()
		expect(user.email).toBe(partner.person.email)
		expect(
			await db.selectFrom('partner_member').select('role').where('user_id', '=', partner.person.id).execute(),
		).toEqual([{ role: 'contact' }])
		expect(await keptCounts(db)).toEqual(before)
	})
})

describe('/account/delete', () => {
	test('asks a visitor to sign in', async () => {
		expect((await callLoader(deleteRoute, '/account/delete')).status).toBe(302)
		expect((await callAction(deleteRoute, '/account/delete', { form: { confirm: 'RADERA' } })).status).toBe(302)
	})

	test('a wrong word deletes nothing and says what to type; the right one deletes, signs out and confirms', async () => {
		const person = await busyPerson(db)
		const cookie = await cookieFor(person.userId)
		const wrong = await callAction(deleteRoute, '/account/delete', { form: { confirm: 'radera' }, cookie })
		expect(wrong.status).toBe(400)
		expect(wrong.data.result.error.confirm).toEqual(['Skriv RADERA med stora bokstäver för att bekräfta.'])
		expect((await db.selectFrom('signature').select('id').where('user_id', '=', person.userId).execute()).length).toBe(
			1,
		)

		const english = await callAction(deleteRoute, '/account/delete', {
			form: { confirm: 'RADERA' },
			cookie,
			language: 'en',
		})
		expect(english.status).toBe(400)

		const right = await callAction(deleteRoute, '/account/delete', { form: { confirm: ' RADERA ' }, cookie })
		expect(right.status).toBe(302)
		expect(right.location).toBe('/account/delete?done=deleted')
		expect(right.headers.get('Set-Cookie')).toMatch(/Max-Age=0/i)
		expect((await db.selectFrom('signature').select('id').where('user_id', '=', person.userId).execute()).length).toBe(
			0,
		)
		const done = await callLoader(deleteRoute, '/account/delete?done=deleted')
		expect(done.data).toMatchObject({ deleted: true, title: 'Ditt konto är raderat' })
	})

	test("a partner's only contact is told why, with the partner's name", async () => {
		const partner = await approvedPartner(db, { name: 'Solcellsföreningen' })
		const result = await callAction(deleteRoute, '/account/delete', {
			form: { confirm: 'RADERA' },
			cookie: await cookieFor(partner.person.id),
		})
		expect(result.status).toBe(409)
		expect(result.data.result.error['']).toEqual([expect.stringContaining('Solcellsföreningen')])
	})
})
