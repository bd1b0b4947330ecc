import { describe, expect, test } from 'vitest'
import { signPledge } from '#app/pledge/pledge.server.ts'
import { signInput } from '#tests/support/pledge.ts'
import { getDb } from '#db/index.ts'
import { sessionCookie, sessionIdFromToken } from './session.server.ts'
import {
	afterSignInPath,
	CODE_ATTEMPTS_PER_ADDRESS,
	requestSignIn,
	SIGN_IN_LIMITS,
	verifyCodeAndSignIn,
	verifyLinkAndSignIn,
} from './sign-in.server.ts'
// Confirming a signature by a proof is wired up here, as entry.server.tsx does for the server.

let people = 0
const MINUTE = 60 * 1000

/** A fresh address, and an account for it unless told otherwise. */
async function person({ account = true, language = 'sv' as const } = {}) {
	people += 1
	const email = `signin${people}-${Math.random().toString(36).slice(2, 8)}@example.se`
	if (!account) return { email, userId: undefined }
	const { id } = await getDb()
		.insertInto('user')
		.values({ email, name: `Person ${people}`, language })
		.returning('id')
		.executeTakeFirstOrThrow()
	return { email, userId: id }
}

function freshIp(): string {
	people += 1
	return `10.1.${Math.floor(people / 250)}.${people % 250}`
}

async function mailTo(email: string) {
	return getDb().selectFrom('outbox').selectAll().where('to_address', '=', email).orderBy('id').execute()
}

async function emailed(email: string) {
	const message = (await mailTo(email)).at(-1)
	if (!message) throw new Error(`nothing mailed to ${email}`)
	return {
		message,
		code: message.text.match(/\b(\d{6})\b/)?.[1],
		token: message.text.match(/\/verify\?token=([a-z0-9]+)/)?.[1],
	}
}

/** A person with an account who asked to sign in: their address, id and what was emailed. */
async function personAskingToSignIn() {
	const { email, userId } = await person()
	await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'sv' })
	return { email, userId: userId!, ...(await emailed(email)) }
}

async function sessionsOf(userId: number) {
	return getDb().selectFrom('session').select('id').where('user_id', '=', userId).execute()
}

describe('asking for a code', () => {
	test('an address with an account gets a 6-digit code and a link to /verify, not in the subject', async () => {
		const { email } = await person()
		expect(
			await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'sv', redirectTo: '/my-pledge' }),
		).toEqual({ ok: true })
		const { message, code, token } = await emailed(email)
		expect(code).toMatch(/^\d{6}$/)
		expect(token).toBeTruthy()
		expect(message.html).toContain(code)
		expect(message.text).toContain('redirectTo=%2Fmy-pledge')
		expect(message.subject).not.toContain(code)
		expect(message.subject).toMatch(/Logga in/)
	})

	test('the email is in the language the person asked in', async () => {
		const { email } = await person()
		await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'en' })
		const { message } = await emailed(email)
		expect(message.subject).toMatch(/^Sign in to /)
		expect(message.html).toContain('lang="en"')
	})

	test('the address is matched whatever its case', async () => {
		const { email } = await person()
		await requestSignIn(getDb(), { email: email.toUpperCase(), clientIp: freshIp(), language: 'sv' })
		expect((await emailed(email)).code).toMatch(/^\d{6}$/)
	})

	test('an address without an account gets a note and a way to sign, no code sent, no account', async () => {
		const { email } = await person({ account: false })
		expect(await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'sv' })).toEqual({ ok: true })
		const { message, code, token } = await emailed(email)
		expect(code).toBeUndefined()
		expect(token).toBeUndefined()
		expect(message.text).toContain('/sign')
		expect(await getDb().selectFrom('user').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined()
		// A stand-in proof whose code went nowhere, so the code form answers as for an account (issue 12).
		const proofs = await getDb().selectFrom('verification').select('purpose').where('target', '=', email).execute()
		expect(proofs).toEqual([{ purpose: 'sign-in' }])
	})

	test(`one address gets at most ${SIGN_IN_LIMITS.requestsPerAddress.limit} codes in 15 minutes, from any network`, async () => {
		const { email } = await person()
		const now = new Date('2026-03-02T10:00:00Z')
		const results = []
		for (let i = 0; i <= SIGN_IN_LIMITS.requestsPerAddress.limit; i++) {
			results.push((await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'sv' }, now)).ok)
		}
		expect(results).toEqual([...Array(SIGN_IN_LIMITS.requestsPerAddress.limit).fill(true), false])
		expect(await mailTo(email)).toHaveLength(SIGN_IN_LIMITS.requestsPerAddress.limit)
		const afterwards = new Date(now.getTime() + 15 * MINUTE)
		expect((await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'sv' }, afterwards)).ok).toBe(true)
	})

	test(`one network asks for at most ${SIGN_IN_LIMITS.requestsPerIp.limit} codes in 15 minutes, for any addresses`, async () => {
		const ip = freshIp()
		const now = new Date('2026-03-02T11:00:00Z')
		for (let i = 0; i < SIGN_IN_LIMITS.requestsPerIp.limit; i++) {
			const { email } = await person({ account: i % 2 === 0 })
			expect((await requestSignIn(getDb(), { email, clientIp: ip, language: 'sv' }, now)).ok).toBe(true)
		}
		const { email } = await person()
		expect(await requestSignIn(getDb(), { email, clientIp: ip, language: 'sv' }, now)).toEqual({
			ok: false,
			reason: 'rate-limited',
		})
		expect(await mailTo(email)).toHaveLength(0)
		// Another network is not held back.
		expect((await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'sv' }, now)).ok).toBe(true)
	})
})

describe('signing in with the code or link', () => {
	test('the emailed code signs the person in and goes where they were heading', async () => {
		const { email, userId, code } = await personAskingToSignIn()
		const result = await verifyCodeAndSignIn(getDb(), {
			email,
			purpose: 'sign-in',
			code: code!,
			clientIp: freshIp(),
			redirectTo: '/my-pledge',
		})
		expect(result.ok).toBe(true)
		if (!result.ok) return
		expect(result.redirectTo).toBe('/my-pledge')
		const token = (await sessionCookie.parse(new Headers(result.headers).get('Set-Cookie')!.split(';')[0]!)) as string
		const sessions = await sessionsOf(userId)
		expect(sessions).toEqual([{ id: sessionIdFromToken(token) }])
	})

	test('a code typed with a space in the middle works', async () => {
		const { email, code } = await personAskingToSignIn()
		const spaced = `${code!.slice(0, 3)} ${code!.slice(3)}`
		expect(
			(await verifyCodeAndSignIn(getDb(), { email, purpose: 'sign-in', code: spaced, clientIp: freshIp() })).ok,
		).toBe(true)
	})

	test('a redirect to another site is ignored', async () => {
		const { email, code } = await personAskingToSignIn()
		const result = await verifyCodeAndSignIn(getDb(), {
			email,
			purpose: 'sign-in',
			code: code!,
			clientIp: freshIp(),
			redirectTo: '//evil.example/',
		})
		expect(result.ok && result.redirectTo).toBe('/')
	})

	test('the link signs in once', async () => {
		const { userId, token } = await personAskingToSignIn()
		expect((await verifyLinkAndSignIn(getDb(), { token: token!, clientIp: freshIp() })).ok).toBe(true)
		expect(await verifyLinkAndSignIn(getDb(), { token: token!, clientIp: freshIp() })).toEqual({
			ok: false,
			reason: 'invalid',
		})
		expect(await sessionsOf(userId)).toHaveLength(1)
	})

	test(`one network tries at most ${SIGN_IN_LIMITS.attemptsPerIp.limit} codes in 15 minutes, even the right one after that`, async () => {
		const ip = freshIp()
		const now = new Date()
		for (let i = 0; i < SIGN_IN_LIMITS.attemptsPerIp.limit; i++) {
			// Spread over many addresses, so the per-code and per-address limits are not what stops it.
			const result = await verifyCodeAndSignIn(
				getDb(),
				{ email: `nobody${i}@example.se`, purpose: 'sign-in', code: '000000', clientIp: ip },
				now,
			)
			expect(result).toEqual({ ok: false, reason: 'invalid' })
		}
		const { email, userId } = await person()
		await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'sv' }, now)
		const { code } = await emailed(email)
		expect(await verifyCodeAndSignIn(getDb(), { email, purpose: 'sign-in', code: code!, clientIp: ip }, now)).toEqual({
			ok: false,
			reason: 'rate-limited',
		})
		expect(await sessionsOf(userId!)).toHaveLength(0)
		// The code was not used up by the refused attempt: from another network it still works.
		expect(
			(await verifyCodeAndSignIn(getDb(), { email, purpose: 'sign-in', code: code!, clientIp: freshIp() }, now)).ok,
		).toBe(true)
	})

	test(`one address is tried at most ${CODE_ATTEMPTS_PER_ADDRESS.limit} times in 15 minutes, from any network`, async () => {
		const { email } = await person()
		const now = new Date()
		for (let i = 0; i < CODE_ATTEMPTS_PER_ADDRESS.limit; i++) {
			// A fresh code every five tries keeps the per-code limit out of the way.
			if (i % 5 === 0) await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'sv' }, now)
			const { code } = await emailed(email)
			const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
			await verifyCodeAndSignIn(getDb(), { email, purpose: 'sign-in', code: wrong, clientIp: freshIp() }, now)
		}
		await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'sv' }, now)
		const { code } = await emailed(email)
		expect(
			await verifyCodeAndSignIn(getDb(), { email, purpose: 'sign-in', code: code!, clientIp: freshIp() }, now),
		).toEqual({
			ok: false,
			reason: 'locked-out',
			// The window doubles once it fills: the first of these tries leaves it after 30 minutes.
			until: new Date(now.getTime() + 2 * CODE_ATTEMPTS_PER_ADDRESS.windowMs),
		})
	})
})

describe('where signing in leads', () => {
	test('a same-site page, but not another site nor the sign-in pages themselves', () => {
		expect(afterSignInPath('/my-pledge?tab=1')).toBe('/my-pledge?tab=1')
		expect(afterSignInPath('/loginsida')).toBe('/loginsida')
		for (const path of [
			'//evil.example',
			'https://evil.example',
			'/login?redirectTo=%2F',
			'/verify?email=a%40b.se',
			'/logout',
			null,
		]) {
			expect(afterSignInPath(path), String(path)).toBe('/')
		}
	})
})

describe('confirming a signature', () => {
	test('the emailed code confirms the signature, signs in and opens my pledge', async () => {
		const input = signInput({ ownWords: ['Cykla till jobbet'] })
		await signPledge(getDb(), input, { language: 'sv' })
		const { code } = await emailed(input.email)
		const result = await verifyCodeAndSignIn(getDb(), {
			email: input.email,
			purpose: 'confirm-signature',
			code: code!,
			clientIp: freshIp(),
		})
		expect(result.ok && result.redirectTo).toBe('/my-pledge?confirmed=1')
		const row = await getDb()
			.selectFrom('signature')
			.innerJoin('user', 'user.id', 'signature.user_id')
			.select(['signature.status', 'user.id'])
			.where('user.email', '=', input.email)
			.executeTakeFirstOrThrow()
		expect(row.status).toBe('confirmed')
		expect(await sessionsOf(row.id)).toHaveLength(1)
	})

	test('a withdrawn signature is not confirmed by an old link', async () => {
		const input = signInput({ ownWords: ['Äta mer vegetariskt'] })
		await signPledge(getDb(), input, { language: 'sv' })
		const { token } = await emailed(input.email)
		await getDb()
			.updateTable('signature')
			.set({ status: 'withdrawn' })
			.where('user_id', '=', getDb().selectFrom('user').select('id').where('email', '=', input.email))
			.execute()
		expect(await verifyLinkAndSignIn(getDb(), { token: token!, clientIp: freshIp() })).toEqual({
			ok: false,
			reason: 'no-signature',
		})
	})
})
