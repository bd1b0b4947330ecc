import { describe, expect, test } from 'vitest'
import { coverage, personalData } from '#app/privacy/export.server.ts'
import { requestSignIn } from '#app/auth/sign-in.server.ts'
import * as myDataRoute from '#app/routes/my-data.ts'
import { columnsOf, columnsReferencing, listTables } from '#db/catalog.ts'
import { getDb } from '#db/index.ts'
import { busyPerson } from '#tests/support/privacy.ts'
import { callLoader, cookieFor } from '#tests/support/routes.ts'

/** "Download everything stored about me": every column that names a person is covered, and the file holds it. */
const db = getDb()

/** Every column of the migrated schema that names a person: a reference to user, or a name that says so. */
async function personColumns(): Promise<string[]> {
	const found = new Set<string>()
	for (const reference of await columnsReferencing(db, 'user')) found.add(`${reference.table}.${reference.column}`)
	for (const name of await listTables(db))
		for (const column of await columnsOf(db, name))
			if (/^(user_id|author_id|email|to_address)$/.test(column) || column.endsWith('_by'))
				found.add(`${name}.${column}`)
	return [...found].sort()
}

describe('the export covers the schema', () => {
	test('every column that names a person is listed in the export (a new table must be added to it)', async () => {
		const columns = await personColumns()
		// The schema has dozens of them; an empty list would mean the query found nothing.
		expect(columns.length).toBeGreaterThan(40)
		const missing = columns.filter((column) => !Object.hasOwn(coverage, column))
		expect(missing).toEqual([])
	})

	test('every section the coverage names is in the document', async () => {
		const person = await busyPerson(db)
		const exported = await personalData(db, person.userId)
		for (const section of new Set(Object.values(coverage))) expect(Object.keys(exported)).toContain(section)
	})
})

describe('/my-pledge/data.json', () => {
	test('asks a visitor to sign in', async () => {
		const result = await callLoader(myDataRoute, '/my-pledge/data.json')
		expect(result.status).toBe(302)
	})

	test('holds what the person did across the areas, and nothing of anyone else or any secret', async () => {
		const person = await busyPerson(db)
		await requestSignIn(db, { email: person.email, clientIp: '192.0.2.1', language: 'sv' })
		const result = await callLoader(myDataRoute, '/my-pledge/data.json', { cookie: await cookieFor(person.userId) })
		expect(result.status).toBe(200)
		expect(result.headers.get('Content-Disposition')).toMatch(
			/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/,
		)
		const text = await result.response!.text()
		const exported = JSON.parse(text)

		expect(exported.account.email).toBe(person.email)
		expect(exported.pledge.status).toBe('confirmed')
		expect(exported.pledge.commitments).toHaveLength(2)
		expect(exported.consents.map((c: { kind: string }) => c.kind)).toEqual(
			expect.arrayContaining(['pledge-consent', 'pledge-confirmed', 'newsletter']),
		)
		expect(exported.events.rsvps).toEqual([expect.objectContaining({ status: 'going' })])
		expect(exported.events.helperShifts).toHaveLength(1)
		expect(exported.proposals.authored.map((p: { title: string }) => p.title)).toEqual(['Fler laddstolpar'])
		expect(exported.proposals.supported).toHaveLength(1)
		expect(exported.questions.asked).toHaveLength(1)
		expect(exported.questions.votes).toHaveLength(1)
		expect(exported.themes).toHaveLength(1)
		expect(exported.stories.written.map((s: { title: string }) => s.title)).toEqual(['Vi bakar med solel'])
		expect(exported.stories.nominations).toHaveLength(1)
		expect(exported.partners.memberships).toEqual([{ partner: 'Bageriet på hörnet', role: 'reporter' }])
		expect(exported.sessions.length).toBeGreaterThanOrEqual(1)
		expect(exported.signInCodes.map((code: { purpose: string }) => code.purpose)).toEqual([
			'confirm-signature',
			'sign-in',
		])
		expect(exported.emails.sent.length).toBeGreaterThanOrEqual(3)
		expect(exported.emails.preferences.newsletter).toBe(true)

		// Nobody else's address, no session id, no code or link hash, no email body.
		expect(text).not.toContain(person.other.email)
		const sessionIds = await db.selectFrom('session').select('id').where('user_id', '=', person.userId).execute()
		for (const { id } of sessionIds) expect(text).not.toContain(id)
		const codes = await db.selectFrom('verification').select(['code_hash', 'link_hash']).execute()
		for (const code of codes) {
			expect(text).not.toContain(code.code_hash)
			expect(text).not.toContain(code.link_hash)
		}
		expect(text).not.toMatch(/"(html|code_hash|link_hash|token|id)":/)
	})
})
