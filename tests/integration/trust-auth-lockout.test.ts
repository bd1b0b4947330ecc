import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { CODE_ATTEMPTS_PER_ADDRESS, requestSignIn } from '#app/auth/sign-in.server.ts'
import { formatDateTime } from '#app/common/format.ts'
import { config } from '#app/config.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import * as verifyRoute from '#app/routes/verify.tsx'
import { getDb } from '#db/index.ts'
import { mailedVerification } from '#tests/support/auth.ts'
import { callAction, freshIp } from '#tests/support/routes.ts'

/**
 * Issue 12: guessing codes for one address. 15 tries in 15 minutes as before, but each time that
 * fills the next window is twice as long, and a day allows CODE_ATTEMPTS_PER_DAY (50) at most.
 * The clock is vitest's fake one; every try comes from a new network, so only the address limits.
 */

const MINUTE = 60_000
const T0 = new Date('2026-06-01T08:00:00.000Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE)
const { limit, perDay } = CODE_ATTEMPTS_PER_ADDRESS

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'], now: T0 })
})
afterEach(() => {
	vi.useRealTimers()
})

let n = 0
async function account() {
	n += 1
	const email = `lockout${n}-${Math.random().toString(36).slice(2, 8)}@example.se`
	const { id } = await getDb()
		.insertInto('user')
		.values({ email, name: 'Lisa Lås', language: 'sv' })
		.returning('id')
		.executeTakeFirstOrThrow()
	return { email, userId: id }
}

function tryCode(email: string, code = '000000', language = 'sv') {
	return callAction(verifyRoute, '/verify', {
		form: { email, purpose: 'sign-in', code, redirectTo: '/' },
		ip: freshIp(),
		language,
	})
}

/** `times` wrong codes at the clock's time: how many were looked at (not refused by the limit). */
async function guesses(email: string, times: number): Promise<number> {
	let looked = 0
	for (let i = 0; i < times; i++) if ((await tryCode(email)).status !== 429) looked += 1
	return looked
}

function codeError(answer: Awaited<ReturnType<typeof tryCode>>): string {
	return answer.data.result.error.code[0]
}

const when = (instant: Date, language: 'sv' | 'en' = 'sv') =>
	formatDateTime(instant.toISOString(), language, config.timeZone)

describe('guessing codes for one address', () => {
	test('each filled window doubles the next: 15 tries, then wait 30 minutes, then 60, then 120, and 50 a day', async () => {
		const [t, { email }] = [await getT('sv', 'auth'), await account()]
		const tried: Array<[string, number]> = []

		expect(await guesses(email, limit)).toBe(limit)
		let refused = await tryCode(email)
		expect(refused.status).toBe(429)
		expect(codeError(refused)).toBe(t('errors.lockedOut', { when: when(at(30)) }))
		// Not 15 minutes as before: the second window is 30.
		vi.setSystemTime(at(15))
		expect(await guesses(email, 1)).toBe(0)
		vi.setSystemTime(at(30).getTime() - 1000)
		expect(await guesses(email, 1)).toBe(0)

		vi.setSystemTime(at(30))
		tried.push(['30 min', await guesses(email, limit + 1)])
		refused = await tryCode(email)
		expect(codeError(refused)).toBe(t('errors.lockedOut', { when: when(at(90)) }))
		vi.setSystemTime(at(89))
		tried.push(['89 min', await guesses(email, 1)])

		vi.setSystemTime(at(90))
		tried.push(['90 min', await guesses(email, limit + 1)])
		refused = await tryCode(email)
		expect(codeError(refused)).toBe(t('errors.lockedOut', { when: when(at(210)) }))

		// 45 tries so far: the day's cap of 50 stops the next window after 5.
		vi.setSystemTime(at(210))
		tried.push(['210 min', await guesses(email, limit)])
		refused = await tryCode(email)
		expect(codeError(refused)).toBe(t('errors.lockedOutToday', { when: when(at(24 * 60)) }))
		vi.setSystemTime(at(24 * 60 - 1))
		tried.push(['a day less a minute', await guesses(email, 1)])

		expect(tried).toEqual([
			['30 min', limit],
			['89 min', 0],
			['90 min', limit],
			['210 min', perDay - 3 * limit],
			['a day less a minute', 0],
		])
		vi.setSystemTime(at(24 * 60))
		expect(await guesses(email, 1)).toBe(1)
	})

	test('while an address is locked even the right code is not looked at; afterwards it signs in', async () => {
		const { email, userId } = await account()
		await guesses(email, limit)
		await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'sv' })
		const { code } = await mailedVerification(getDb(), email)
		const refused = await tryCode(email, code)
		expect(refused.status).toBe(429)
		expect(refused.headers.get('Set-Cookie')).toBeNull()
		expect(await getDb().selectFrom('session').select('id').where('user_id', '=', userId).execute()).toEqual([])
		// The code itself was not used up by the refusal (codes last 10 minutes: ask again after the wait).
		vi.setSystemTime(at(30))
		await requestSignIn(getDb(), { email, clientIp: freshIp(), language: 'sv' })
		const fresh = await mailedVerification(getDb(), email)
		const signedIn = await tryCode(email, fresh.code)
		expect(signedIn.status).toBe(302)
		expect(signedIn.headers.get('Set-Cookie')).toContain('klimatpakt_session=')
	})

	test('a person who mistypes a few times is never locked, and the message reads in each language', async () => {
		const { email } = await account()
		expect(await guesses(email, 4)).toBe(4)
		const other = await account()
		await guesses(other.email, limit)
		for (const language of ['sv', 'en', 'da', 'nb'] as const) {
			const t = await getT(language, 'auth')
			const refused = await tryCode(other.email, '000000', language)
			expect(codeError(refused), language).toBe(
				t('errors.lockedOut', { when: formatDateTime(at(30).toISOString(), language, config.timeZone) }),
			)
			expect(codeError(refused), language).not.toContain('errors.')
		}
	})
})
