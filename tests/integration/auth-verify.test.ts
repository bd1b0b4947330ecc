import { describe, expect, test } from 'vitest'
import * as verifyRoute from '#app/routes/verify.tsx'
import { sessionCookie, sessionIdFromToken } from '#app/auth/session.server.ts'
import { requestSignIn, SIGN_IN_LIMITS } from '#app/auth/sign-in.server.ts'
import { MAX_CODE_ATTEMPTS } from '#app/auth/verification.server.ts'
import { signPledge } from '#app/pledge/pledge.server.ts'
import { mailedVerification } from '#tests/support/auth.ts'
import { signInput } from '#tests/support/pledge.ts'
import { getDb } from '#db/index.ts'
import { callAction, callLoader, freshIp } from '#tests/support/routes.ts'
// Confirming a signature by a proof is wired up here, as entry.server.tsx does for the server.
import { getT } from '#app/i18n/i18n.server.ts'

// The messages by the fields, as a Swedish visitor reads them (the requests ask for Swedish).
const t = await getT('sv', 'auth')

function getVerify(search: string, language = 'sv') {
	return callLoader(verifyRoute, `/verify${search}`, { language, ip: freshIp() })
}

function postVerify(fields: Record<string, string>, { ip = freshIp(), search = '' } = {}) {
	return callAction(verifyRoute, `/verify${search}`, { form: fields, ip })
}

let people = 0
async function personWithCode(language: 'sv' | 'en' = 'sv') {
	people += 1
	const email = `verify${people}@example.se`
	const { id } = await getDb()
		.insertInto('user')
		.values({ email, name: `Person ${people}`, language })
		.returning('id')
		.executeTakeFirstOrThrow()
	await requestSignIn(getDb(), { email, clientIp: freshIp(), language, redirectTo: '/my-pledge' })
	return { email, userId: id, ...(await mailed(email)) }
}

function mailed(email: string) {
	return mailedVerification(getDb(), email)
}

/** Lets the address's code and link run out, a second ago. */
async function expireProofs(email: string) {
	await getDb()
		.updateTable('verification')
		.set({ expires_at: new Date(Date.now() - 1000).toISOString() })
		.where('target', '=', email)
		.execute()
}

async function verificationRow(email: string) {
	return getDb()
		.selectFrom('verification')
		.select(['attempts', 'used_at'])
		.where('target', '=', email)
		.executeTakeFirstOrThrow()
}

async function sessionCount(userId: number) {
	const rows = await getDb().selectFrom('session').select('id').where('user_id', '=', userId).execute()
	return rows.length
}

describe('GET /verify', () => {
	test('a link opens a page with one button and uses nothing up', async () => {
		const { email, userId, token } = await personWithCode()
		const page = await getVerify(`?token=${token}&redirectTo=%2Fmy-pledge`)
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({
			mode: 'link',
			purpose: 'sign-in',
			token,
			redirectTo: '/my-pledge',
			title: 'Logga in',
		})
		expect(page.headers.get('Set-Cookie')).toBeNull()
		// A mail scanner opening the link twice changes nothing: no session, the link still works.
		await getVerify(`?token=${token}`)
		expect(await verificationRow(email)).toEqual({ attempts: 0, used_at: null })
		expect(await sessionCount(userId)).toBe(0)
		const pressed = await postVerify({ token, redirectTo: '/my-pledge' })
		expect(pressed.status).toBe(302)
		expect(pressed.headers.get('Location')).toBe('/my-pledge')
		expect(await sessionCount(userId)).toBe(1)
	})

	test('a link to confirm a signature asks to confirm it', async () => {
		const input = signInput({ ownWords: ['Semestra med tåg'] })
		await signPledge(getDb(), input, { language: 'en' })
		const { token } = await mailed(input.email)
		const page = await getVerify(`?token=${token}`, 'en')
		expect(page.data).toMatchObject({ mode: 'link', purpose: 'confirm-signature', title: 'Confirm your signature' })
	})

	test('a used or unknown link says so, with no button', async () => {
		const page = await getVerify('?token=nonsense')
		expect(page.status).toBe(400)
		expect(page.data).toMatchObject({ mode: 'link', purpose: null, title: 'Länken fungerar inte längre' })
	})

	test('after asking for a code it shows the code form', async () => {
		const page = await getVerify('?email=anna%40example.se&purpose=sign-in&redirectTo=%2Fmy-pledge')
		expect(page.data).toMatchObject({
			mode: 'code',
			email: 'anna@example.se',
			purpose: 'sign-in',
			redirectTo: '/my-pledge',
			minutes: 10,
		})
	})

	test('without an address or with a strange purpose it points to the sign-in page', async () => {
		expect((await getVerify('')).data?.mode).toBe('start')
		expect((await getVerify('?email=anna%40example.se&purpose=admin')).data?.mode).toBe('start')
		expect((await getVerify('?email=not-an-address')).data?.mode).toBe('start')
	})
})

describe('POST /verify with a code', () => {
	test('the right code signs in with a fresh session and goes on', async () => {
		const { email, userId, code } = await personWithCode()
		const answer = await postVerify({ email, purpose: 'sign-in', code, redirectTo: '/my-pledge' })
		expect(answer.status).toBe(302)
		expect(answer.headers.get('Location')).toBe('/my-pledge')
		const token = (await sessionCookie.parse(answer.headers.get('Set-Cookie')!.split(';')[0]!)) as string
		const session = await getDb()
			.selectFrom('session')
			.select('user_id')
			.where('id', '=', sessionIdFromToken(token))
			.executeTakeFirst()
		expect(session?.user_id).toBe(userId)
	})

	test('a wrong code gets a message by the field, 400, and no session', async () => {
		const { email, userId, code } = await personWithCode()
		const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
		const answer = await postVerify({ email, purpose: 'sign-in', code: wrong })
		expect(answer.status).toBe(400)
		expect(answer.data?.result?.error?.code).toEqual([t('errors.invalid')])
		expect(answer.headers.get('Set-Cookie')).toBeNull()
		expect(await sessionCount(userId)).toBe(0)
	})

	test('something that is not six digits is refused before it counts as an attempt', async () => {
		const { email } = await personWithCode()
		for (const code of ['', '12345', '1234567', 'abcdef', '<b>1</b>']) {
			const answer = await postVerify({ email, purpose: 'sign-in', code })
			expect(answer.status, code).toBe(400)
			expect(answer.data?.result?.error?.code, code).toEqual([t('errors.codeFormat')])
		}
		expect((await verificationRow(email)).attempts).toBe(0)
	})

	test('an expired code says so and changes nothing', async () => {
		const { email, userId, code } = await personWithCode()
		await expireProofs(email)
		const answer = await postVerify({ email, purpose: 'sign-in', code })
		expect(answer.status).toBe(400)
		expect(answer.data?.result?.error?.code).toEqual([t('errors.expired')])
		expect(await verificationRow(email)).toEqual({ attempts: 0, used_at: null })
		expect(await sessionCount(userId)).toBe(0)
	})

	test(`after ${MAX_CODE_ATTEMPTS} wrong codes the right one is refused too`, async () => {
		const { email, userId, code } = await personWithCode()
		const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
		for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) await postVerify({ email, purpose: 'sign-in', code: wrong })
		const answer = await postVerify({ email, purpose: 'sign-in', code })
		expect(answer.status).toBe(400)
		expect(answer.data?.result?.error?.code).toEqual([t('errors.tooManyAttempts')])
		expect(await sessionCount(userId)).toBe(0)
	})

	test('a code works once', async () => {
		const { email, code } = await personWithCode()
		expect((await postVerify({ email, purpose: 'sign-in', code })).status).toBe(302)
		const again = await postVerify({ email, purpose: 'sign-in', code })
		expect(again.status).toBe(400)
		expect(again.data?.result?.error?.code).toEqual([t('errors.invalid')])
	})

	test(`attempt ${SIGN_IN_LIMITS.attemptsPerIp.limit + 1} from one network within 15 minutes answers 429`, async () => {
		const ip = freshIp()
		for (let i = 0; i < SIGN_IN_LIMITS.attemptsPerIp.limit; i++) {
			expect((await postVerify({ email: `x${i}@example.se`, purpose: 'sign-in', code: '000000' }, { ip })).status).toBe(
				400,
			)
		}
		const { email, userId, code } = await personWithCode()
		const last = await postVerify({ email, purpose: 'sign-in', code }, { ip })
		expect(last.status).toBe(429)
		expect(last.data?.result?.error?.code).toEqual([t('errors.rateLimitedAttempts')])
		expect(await sessionCount(userId)).toBe(0)
	})

	test('the form posted without a query string comes back with its address', async () => {
		const { email, code } = await personWithCode()
		const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
		const answer = await postVerify({ email, purpose: 'sign-in', code: wrong })
		expect(answer.status).toBe(400)
		expect(answer.data?.form).toEqual({ email, purpose: 'sign-in', redirectTo: '/' })
	})

	test('confirming a signature with the code counts it and opens my pledge', async () => {
		const input = signInput({ ownWords: ['Handla begagnat'] })
		await signPledge(getDb(), input, { language: 'sv' })
		const { code } = await mailed(input.email)
		const answer = await postVerify({ email: input.email, purpose: 'confirm-signature', code })
		expect(answer.status).toBe(302)
		expect(answer.headers.get('Location')).toBe('/my-pledge?confirmed=1')
		expect(answer.headers.get('Set-Cookie')).toMatch(/^klimatpakt_session=/)
		const signature = await getDb()
			.selectFrom('signature')
			.innerJoin('user', 'user.id', 'signature.user_id')
			.select('signature.status')
			.where('user.email', '=', input.email)
			.executeTakeFirstOrThrow()
		expect(signature.status).toBe('confirmed')
	})
})

describe('POST /verify with a link', () => {
	test('the button signs in once; a second press says the link is used', async () => {
		const { userId, token } = await personWithCode()
		expect((await postVerify({ token })).status).toBe(302)
		const again = await postVerify({ token })
		expect(again.status).toBe(400)
		expect(again.data).toEqual({ kind: 'link', reason: 'invalid' })
		expect(await sessionCount(userId)).toBe(1)
	})

	test('a redirect to another site is ignored', async () => {
		const { token } = await personWithCode()
		const answer = await postVerify({ token, redirectTo: 'https://evil.example/' })
		expect(answer.headers.get('Location')).toBe('/')
	})

	test('an expired link says so', async () => {
		const { email, userId, token } = await personWithCode()
		await expireProofs(email)
		const answer = await postVerify({ token })
		expect(answer.status).toBe(400)
		expect(answer.data).toEqual({ kind: 'link', reason: 'expired' })
		expect(await sessionCount(userId)).toBe(0)
	})

	test('the confirm button confirms the signature and signs in', async () => {
		const input = signInput({ ownWords: ['Sänka värmen en grad'] })
		await signPledge(getDb(), input, { language: 'sv' })
		const { token } = await mailed(input.email)
		const answer = await postVerify({ token })
		expect(answer.status).toBe(302)
		expect(answer.headers.get('Location')).toBe('/my-pledge?confirmed=1')
		expect(answer.headers.get('Set-Cookie')).toMatch(/^klimatpakt_session=/)
	})
})
