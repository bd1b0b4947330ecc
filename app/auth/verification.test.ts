import { describe, expect, test } from 'vitest'
import { getDb } from '#db/index.ts'
import {
	MAX_CODE_ATTEMPTS,
	peekLinkToken,
	prepareVerification,
	verificationUrl,
	VERIFICATION_TTL_MS,
	verifyCode,
	verifyLinkToken,
} from './verification.server.ts'

const start = new Date('2026-03-01T09:00:00.000Z')
const later = (ms: number) => new Date(start.getTime() + ms)
const MINUTE = 60 * 1000

/** A code that is certainly not the right one. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('emailed codes', () => {
	test('a code is 6 digits and works within 10 minutes', async () => {
		const { code } = await prepareVerification(getDb(), 'sign-in', 'valid@example.se', start)
		expect(code).toMatch(/^\d{6}$/)
		expect(VERIFICATION_TTL_MS).toBe(10 * MINUTE)
		const outcome = await verifyCode(getDb(), 'sign-in', 'valid@example.se', code, later(10 * MINUTE - 1000))
		expect(outcome).toEqual({ ok: true, purpose: 'sign-in', target: 'valid@example.se' })
	})

	test('a code has expired after 10 minutes', async () => {
		const { code } = await prepareVerification(getDb(), 'sign-in', 'late@example.se', start)
		const outcome = await verifyCode(getDb(), 'sign-in', 'late@example.se', code, later(10 * MINUTE))
		expect(outcome).toEqual({ ok: false, reason: 'expired' })
	})

	test('the address is matched whatever its case and spaces', async () => {
		const { code } = await prepareVerification(getDb(), 'sign-in', ' Mixed@Example.SE', start)
		const outcome = await verifyCode(getDb(), 'sign-in', 'mixed@example.se ', code, later(MINUTE))
		expect(outcome.ok).toBe(true)
	})

	test('a code is for one purpose only', async () => {
		const { code } = await prepareVerification(getDb(), 'confirm-signature', 'purpose@example.se', start)
		expect(await verifyCode(getDb(), 'sign-in', 'purpose@example.se', code, later(MINUTE))).toEqual({
			ok: false,
			reason: 'invalid',
		})
		expect((await verifyCode(getDb(), 'confirm-signature', 'purpose@example.se', code, later(MINUTE))).ok).toBe(true)
	})

	test(`after ${MAX_CODE_ATTEMPTS} wrong attempts even the right code is refused`, async () => {
		const { code } = await prepareVerification(getDb(), 'sign-in', 'guess@example.se', start)
		const reasons = []
		for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) {
			const outcome = await verifyCode(getDb(), 'sign-in', 'guess@example.se', wrong(code), later(MINUTE))
			reasons.push(outcome.ok ? 'ok' : outcome.reason)
		}
		// The last wrong attempt already says the code is locked.
		expect(reasons).toEqual([...Array(MAX_CODE_ATTEMPTS - 1).fill('invalid'), 'too-many-attempts'])
		expect(await verifyCode(getDb(), 'sign-in', 'guess@example.se', code, later(MINUTE))).toEqual({
			ok: false,
			reason: 'too-many-attempts',
		})
	})

	test(`the right code on attempt ${MAX_CODE_ATTEMPTS} still works`, async () => {
		const { code } = await prepareVerification(getDb(), 'sign-in', 'almost@example.se', start)
		for (let i = 0; i < MAX_CODE_ATTEMPTS - 1; i++)
			await verifyCode(getDb(), 'sign-in', 'almost@example.se', wrong(code), later(MINUTE))
		expect((await verifyCode(getDb(), 'sign-in', 'almost@example.se', code, later(MINUTE))).ok).toBe(true)
	})

	test('a code works once', async () => {
		const { code } = await prepareVerification(getDb(), 'sign-in', 'once@example.se', start)
		expect((await verifyCode(getDb(), 'sign-in', 'once@example.se', code, later(MINUTE))).ok).toBe(true)
		expect(await verifyCode(getDb(), 'sign-in', 'once@example.se', code, later(MINUTE))).toEqual({
			ok: false,
			reason: 'invalid',
		})
	})

	test('a newer code replaces the older one, code and link alike', async () => {
		const older = await prepareVerification(getDb(), 'sign-in', 'twice@example.se', start)
		const newer = await prepareVerification(getDb(), 'sign-in', 'twice@example.se', later(MINUTE))
		if (older.code !== newer.code) {
			expect(await verifyCode(getDb(), 'sign-in', 'twice@example.se', older.code, later(2 * MINUTE))).toEqual({
				ok: false,
				reason: 'invalid',
			})
		}
		expect(await verifyLinkToken(getDb(), older.linkToken, later(2 * MINUTE))).toEqual({ ok: false, reason: 'invalid' })
		expect((await verifyCode(getDb(), 'sign-in', 'twice@example.se', newer.code, later(2 * MINUTE))).ok).toBe(true)
	})
})

describe('emailed links', () => {
	test('a link works once', async () => {
		const { linkToken } = await prepareVerification(getDb(), 'confirm-signature', 'link@example.se', start)
		expect(await verifyLinkToken(getDb(), linkToken, later(MINUTE))).toEqual({
			ok: true,
			purpose: 'confirm-signature',
			target: 'link@example.se',
		})
		expect(await verifyLinkToken(getDb(), linkToken, later(MINUTE))).toEqual({ ok: false, reason: 'invalid' })
	})

	test('a link has expired after 10 minutes', async () => {
		const { linkToken } = await prepareVerification(getDb(), 'sign-in', 'old-link@example.se', start)
		expect(await verifyLinkToken(getDb(), linkToken, later(10 * MINUTE))).toEqual({ ok: false, reason: 'expired' })
	})

	test('using the link uses up the code too', async () => {
		const { code, linkToken } = await prepareVerification(getDb(), 'sign-in', 'both@example.se', start)
		expect((await verifyLinkToken(getDb(), linkToken, later(MINUTE))).ok).toBe(true)
		expect(await verifyCode(getDb(), 'sign-in', 'both@example.se', code, later(MINUTE))).toEqual({
			ok: false,
			reason: 'invalid',
		})
	})

	test('peeking tells the purpose and uses nothing up', async () => {
		const { linkToken } = await prepareVerification(getDb(), 'confirm-signature', 'peek@example.se', start)
		expect(await peekLinkToken(getDb(), linkToken, later(MINUTE))).toEqual({ purpose: 'confirm-signature' })
		expect(await peekLinkToken(getDb(), linkToken, later(MINUTE))).toEqual({ purpose: 'confirm-signature' })
		expect((await verifyLinkToken(getDb(), linkToken, later(MINUTE))).ok).toBe(true)
		expect(await peekLinkToken(getDb(), linkToken, later(MINUTE))).toBeNull()
	})

	test('peeking at an expired or unknown link finds nothing', async () => {
		const { linkToken } = await prepareVerification(getDb(), 'sign-in', 'peek-late@example.se', start)
		expect(await peekLinkToken(getDb(), linkToken, later(10 * MINUTE))).toBeNull()
		expect(await peekLinkToken(getDb(), 'no-such-token', later(MINUTE))).toBeNull()
	})

	test('the link opens /verify with the token and where to go next', () => {
		expect(verificationUrl('https://pakt.example', 'abc', '/my-pledge')).toBe(
			'https://pakt.example/verify?token=abc&redirectTo=%2Fmy-pledge',
		)
	})
})
