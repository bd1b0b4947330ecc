import { beforeAll, describe, expect, test } from 'vitest'
import { readPactCounts } from '#app/pledge/counts.server.ts'
import { withdrawSignature } from '#app/pledge/pledge.server.ts'
import * as signRoute from '#app/routes/sign.tsx'
import * as verifyRoute from '#app/routes/verify.tsx'
import { getDb } from '#db/index.ts'
import { mailedVerification } from '#tests/support/auth.ts'
import { addTestCommitments, chosenCount } from '#tests/support/pledge.ts'
import { callAction, freshIp } from '#tests/support/routes.ts'

/**
 * Issue 12: anyone may type any address into the sign form. Signing again with the address of a
 * pending or withdrawn signature must change nothing stored until the address's owner confirms
 * from the email; confirming applies the new details, and the counts follow what was confirmed.
 */

const db = getDb()
let bike: number, veg: number

beforeAll(async () => {
	;[bike, veg] = (await addTestCommitments(db, ['transport', 'food'])) as [number, number]
})

let n = 0
function fields(email: string, overrides: Record<string, string | string[]> = {}) {
	return {
		name: 'Ägaren Själv',
		email,
		livesInMunicipality: 'yes',
		district: 'Tågaborg',
		commitmentIds: [String(bike)],
		consent: 'on',
		...overrides,
	}
}
/** What someone else types with the owner's address. */
const stranger = () => ({
	name: 'Någon Annan',
	district: 'Råå',
	livesInMunicipality: 'no',
	commitmentIds: [String(veg)],
})

function sign(form: Record<string, string | string[]>) {
	return callAction(signRoute, '/sign', { form, ip: freshIp() })
}

async function confirmFromEmail(email: string) {
	const { code } = await mailedVerification(db, email)
	return callAction(verifyRoute, '/verify', {
		form: { email, purpose: 'confirm-signature', code, redirectTo: '/' },
		ip: freshIp(),
	})
}

/** Everything of the person that signing could change. */
async function stored(email: string) {
	const row = await db
		.selectFrom('user')
		.innerJoin('signature', 'signature.user_id', 'user.id')
		.select([
			'user.name',
			'user.language',
			'signature.id',
			'signature.status',
			'signature.district',
			'signature.lives_in_municipality',
			'signature.consent_at',
			'signature.withdrawn_at',
		])
		.where('user.email', '=', email)
		.executeTakeFirstOrThrow()
	const commitments = await db
		.selectFrom('pledge_commitment')
		.select('commitment_id')
		.where('signature_id', '=', row.id)
		.execute()
	return { ...row, commitments: commitments.map((c) => c.commitment_id) }
}

function address() {
	n += 1
	return `resign${n}-${Math.random().toString(36).slice(2, 8)}@example.se`
}

describe('signing again with an address someone else proved', () => {
	test('a pending signature keeps its name and district until the address confirms the change', async () => {
		const email = address()
		expect((await sign(fields(email))).status).toBe(302)
		const before = await stored(email)

		expect((await sign(fields(email, stranger()))).status).toBe(302)
		expect(await stored(email)).toEqual(before)

		const [counts, bikeCount, vegCount] = [
			await readPactCounts(db),
			await chosenCount(db, bike),
			await chosenCount(db, veg),
		]
		expect((await confirmFromEmail(email)).status).toBe(302)
		expect(await stored(email)).toMatchObject({
			id: before.id,
			status: 'confirmed',
			name: 'Någon Annan',
			district: 'Råå',
			lives_in_municipality: 0,
			commitments: [veg],
		})
		// Counted as what was confirmed: one more from elsewhere, and the commitment confirmed.
		expect(await readPactCounts(db)).toEqual({ ...counts, others: counts.others + 1 })
		expect([await chosenCount(db, bike), await chosenCount(db, veg)]).toEqual([bikeCount, vegCount + 1])
		expect(await db.selectFrom('signature_change').selectAll().execute()).not.toContainEqual(
			expect.objectContaining({
				user_id: (await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id,
			}),
		)
	})

	test('a withdrawn signature stays withdrawn, unchanged, until the address confirms; then it counts again', async () => {
		const email = address()
		await sign(fields(email))
		await confirmFromEmail(email)
		const { id: userId } = await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()
		await withdrawSignature(db, userId)
		const withdrawn = await stored(email)
		const counts = await readPactCounts(db)

		await sign(fields(email, stranger()))
		await sign(fields(email, { ...stranger(), name: 'En Tredje' }))
		expect(await stored(email)).toEqual(withdrawn)
		expect(await readPactCounts(db)).toEqual(counts)

		// The newest email's code confirms the newest details.
		expect((await confirmFromEmail(email)).status).toBe(302)
		expect(await stored(email)).toMatchObject({
			status: 'confirmed',
			name: 'En Tredje',
			district: 'Råå',
			withdrawn_at: null,
		})
		expect(await readPactCounts(db)).toEqual({ ...counts, others: counts.others + 1 })
	})

	test('without the confirmation nothing changes, however often someone signs', async () => {
		const email = address()
		await sign(fields(email))
		const before = await stored(email)
		for (const district of ['Råå', 'Centrum', 'Påarp']) await sign(fields(email, { ...stranger(), district }))
		expect(await stored(email)).toEqual(before)
	})
})
