import { describe, expect, test } from 'vitest'
import { confirmSignature, signPledge } from '#app/pledge/pledge.server.ts'
import * as loginRoute from '#app/routes/login.tsx'
import * as verifyRoute from '#app/routes/verify.tsx'
import { MAX_CODE_ATTEMPTS } from '#app/auth/verification.server.ts'
import { getDb } from '#db/index.ts'
import { signInput } from '#tests/support/pledge.ts'
import { callAction, freshIp } from '#tests/support/routes.ts'

/**
 * Issue 12: nobody may learn from the answers whether an address has an account or a signature.
 * Each test runs the same requests for an address someone owns and one nobody does, and compares
 * every answer, with the address itself taken out.
 */

let n = 0
function address(kind: string) {
	n += 1
	return `${kind}${n}-${Math.random().toString(36).slice(2, 8)}@example.se`
}

async function account() {
	const email = address('known')
	await getDb().insertInto('user').values({ email, name: 'Känd Person', language: 'sv' }).execute()
	return email
}

/** What a person sees after each of `tries` wrong codes: the status and the message by the code field. */
async function wrongCodes(email: string, purpose: 'sign-in' | 'confirm-signature', tries: number) {
	const seen: string[] = []
	for (let i = 0; i < tries; i++) {
		const answer = await callAction(verifyRoute, '/verify', {
			form: { email, purpose, code: String(100000 + i), redirectTo: '/' },
			ip: freshIp(),
		})
		seen.push(`${answer.status} ${JSON.stringify(answer.data.result.error)}`)
	}
	return seen
}

async function askForCode(email: string) {
	const answer = await callAction(loginRoute, '/login', { form: { email, redirectTo: '/' }, ip: freshIp() })
	return { status: answer.status, location: answer.location?.replace(encodeURIComponent(email), 'ADDRESS') }
}

describe('the same answers for known and unknown addresses', () => {
	test('after asking for a code: the same page, then the same answers to every wrong code, blocked alike', async () => {
		const [known, unknown] = [await account(), address('nobody')]
		expect(await askForCode(known)).toEqual(await askForCode(unknown))
		const answers = await wrongCodes(known, 'sign-in', MAX_CODE_ATTEMPTS + 2)
		expect(await wrongCodes(unknown, 'sign-in', MAX_CODE_ATTEMPTS + 2)).toEqual(answers)
		// The answers do change on the way: blocked after the fifth, for both.
		expect(new Set(answers).size).toBe(2)
		expect(answers[MAX_CODE_ATTEMPTS - 1]).toBe(answers[MAX_CODE_ATTEMPTS + 1])
		expect(answers[0]).not.toBe(answers[MAX_CODE_ATTEMPTS - 1])
	})

	test('without asking for a code first: the same answers', async () => {
		const [known, unknown] = [await account(), address('nobody')]
		const answers = await wrongCodes(known, 'sign-in', MAX_CODE_ATTEMPTS + 1)
		expect(await wrongCodes(unknown, 'sign-in', MAX_CODE_ATTEMPTS + 1)).toEqual(answers)
		expect(answers.at(-1)).not.toBe(answers[0])
	})

	test('a confirmation code for a confirmed signature answers like one for an address nobody signed with', async () => {
		const signed = signInput()
		await signPledge(getDb(), signed, { language: 'sv' })
		await confirmSignature(getDb(), signed.email)
		// Signing again with the confirmed address (anyone can) sends its owner a sign-in code instead.
		await signPledge(getDb(), { ...signed, name: 'Någon Annan' }, { language: 'sv' })
		const stranger = signInput()
		await signPledge(getDb(), stranger, { language: 'sv' })
		for (const purpose of ['confirm-signature', 'sign-in'] as const) {
			const answers = await wrongCodes(signed.email, purpose, MAX_CODE_ATTEMPTS + 1)
			expect(await wrongCodes(stranger.email, purpose, MAX_CODE_ATTEMPTS + 1), purpose).toEqual(answers)
		}
	})
})
