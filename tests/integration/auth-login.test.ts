import { afterEach, describe, expect, test } from 'vitest'
import * as loginRoute from '#app/routes/login.tsx'
import { SIGN_IN_LIMITS } from '#app/auth/sign-in.server.ts'
import { databasePath, getDb, openDatabase, setDb, type DB } from '#db/index.ts'
import { callAction, callLoader, cookieFor, freshIp } from '#tests/support/routes.ts'
import { getT } from '#app/i18n/i18n.server.ts'

// The messages by the fields, as a Swedish visitor reads them (the requests ask for Swedish).
const t = await getT('sv', 'auth')

function postLogin(fields: Record<string, string>, { ip = freshIp(), language = 'sv' } = {}) {
	return callAction(loginRoute, '/login', { form: fields, ip, language })
}

function getLogin(search = '', cookie?: string) {
	return callLoader(loginRoute, `/login${search}`, { cookie })
}

async function createUser(email: string) {
	const { id } = await getDb()
		.insertInto('user')
		.values({ email, name: 'Anna', language: 'sv' })
		.returning('id')
		.executeTakeFirstOrThrow()
	return id
}

async function outboxCount(email?: string) {
	let query = getDb()
		.selectFrom('outbox')
		.select((eb) => eb.fn.countAll<number>().as('n'))
	if (email) query = query.where('to_address', '=', email)
	return Number((await query.executeTakeFirstOrThrow()).n)
}

describe('GET /login', () => {
	test('shows the form and keeps a same-site redirectTo', async () => {
		const page = await getLogin('?redirectTo=%2Fmy-pledge')
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({ redirectTo: '/my-pledge', title: 'Logga in' })
	})

	test('drops a redirectTo that leads to another site', async () => {
		expect((await getLogin('?redirectTo=%2F%2Fevil.example')).data?.redirectTo).toBe('/')
		expect((await getLogin('?redirectTo=https%3A%2F%2Fevil.example')).data?.redirectTo).toBe('/')
	})

	test('sends someone already signed in on their way', async () => {
		const userId = await createUser('already@example.se')
		const page = await getLogin('?redirectTo=%2Fmy-pledge', await cookieFor(userId))
		expect(page.status).toBe(302)
		expect(page.headers.get('Location')).toBe('/my-pledge')
	})
})

describe('POST /login', () => {
	test('answers the same for an address with and without an account', async () => {
		await createUser('known@example.se')
		const known = await postLogin({ email: 'known@example.se', redirectTo: '/my-pledge' })
		const unknown = await postLogin({ email: 'unknown@example.se', redirectTo: '/my-pledge' })
		expect(known.status).toBe(302)
		expect(unknown.status).toBe(known.status)
		expect(known.headers.get('Location')).toBe(
			'/verify?email=known%40example.se&purpose=sign-in&redirectTo=%2Fmy-pledge',
		)
		expect(unknown.headers.get('Location')).toBe(known.headers.get('Location')!.replace('known', 'unknown'))
		expect([...known.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort())
		expect(known.headers.get('Set-Cookie')).toBeNull()
		// Behind the same page, each address got its own email.
		expect(await outboxCount('known@example.se')).toBe(1)
		expect(await outboxCount('unknown@example.se')).toBe(1)
	})

	test('emails the code in the language of the page', async () => {
		await createUser('english@example.se')
		await postLogin({ email: 'english@example.se' }, { language: 'en' })
		const message = await getDb()
			.selectFrom('outbox')
			.selectAll()
			.where('to_address', '=', 'english@example.se')
			.executeTakeFirstOrThrow()
		expect(message.subject).toMatch(/^Sign in to /)
	})

	test('an invalid address gets a message by the field and nothing is sent', async () => {
		const before = await outboxCount()
		for (const email of ['', 'not-an-email', '<script>@x', `${'a'.repeat(250)}@example.se`]) {
			const answer = await postLogin({ email })
			expect(answer.status, email).toBe(400)
			expect(answer.data?.result?.error?.email, email).toHaveLength(1)
		}
		expect(await outboxCount()).toBe(before)
	})

	test(`a sixth request for one address within 15 minutes is refused with 429 and sends nothing`, async () => {
		await createUser('eager@example.se')
		for (let i = 0; i < SIGN_IN_LIMITS.requestsPerAddress.limit; i++) {
			expect((await postLogin({ email: 'eager@example.se' })).status).toBe(302)
		}
		const refused = await postLogin({ email: 'eager@example.se' })
		expect(refused.status).toBe(429)
		expect(refused.data?.result?.error?.['']).toEqual([t('errors.tooManyRequests')])
		expect(await outboxCount('eager@example.se')).toBe(SIGN_IN_LIMITS.requestsPerAddress.limit)
	})

	test('one network is limited across addresses', async () => {
		const ip = freshIp()
		for (let i = 0; i < SIGN_IN_LIMITS.requestsPerIp.limit; i++) {
			expect((await postLogin({ email: `net${i}@example.se` }, { ip })).status).toBe(302)
		}
		expect((await postLogin({ email: 'net-last@example.se' }, { ip })).status).toBe(429)
		expect(await outboxCount('net-last@example.se')).toBe(0)
	})

	describe('after a restart', () => {
		let original: DB | undefined
		afterEach(async () => {
			if (!original) return
			const restarted = getDb()
			setDb(original)
			await restarted.destroy()
		})

		test('the limits still hold: they are kept in the database', async () => {
			await createUser('restart@example.se')
			for (let i = 0; i < SIGN_IN_LIMITS.requestsPerAddress.limit; i++) await postLogin({ email: 'restart@example.se' })
			// A new process opens the same database file afresh.
			original = getDb()
			setDb(openDatabase(databasePath()))
			expect(getDb()).not.toBe(original)
			expect((await postLogin({ email: 'restart@example.se' })).status).toBe(429)
		})
	})
})
