import { describe, expect, test } from 'vitest'
import { verifyCode } from '#app/auth/verification.server.ts'
import { getDb } from '#db/index.ts'
import { readPactCounts } from './counts.server.ts'
import {
	addCommitments,
	confirmSignature,
	dropCommitment,
	getMyPledge,
	setProgress,
	signPledge,
	updateDetails,
	withdrawSignature,
} from './pledge.server.ts'
import { bikeVegHeat, chosenCount, CONSENT_VERSION, signInput } from '#tests/support/pledge.ts'

const db = getDb()
const { bike, veg, heat } = await bikeVegHeat(db)

async function outboxTo(email: string) {
	return db.selectFrom('outbox').selectAll().where('to_address', '=', email).orderBy('id').execute()
}

async function signatureOf(email: string) {
	return db
		.selectFrom('signature')
		.innerJoin('user', 'user.id', 'signature.user_id')
		.selectAll('signature')
		.select(['user.name', 'user.email'])
		.where('user.email', '=', email)
		.execute()
}

/** The 6-digit code in the newest email to an address. */
async function latestCode(email: string): Promise<string> {
	const messages = await outboxTo(email)
	const code = messages.at(-1)?.text.match(/\b(\d{6})\b/)?.[1]
	if (!code) throw new Error(`no code mailed to ${email}`)
	return code
}

describe('signPledge', () => {
	test('a new address gets a pending signature, its commitments and a confirmation email; nothing counts yet', async () => {
		const before = await readPactCounts(db)
		const input = signInput({
			email: 'Alva.Lind@Example.se ',
			commitmentIds: [bike, veg],
			ownWords: ['Handla begagnat först'],
		})
		const now = new Date('2026-12-01T10:00:00Z')
		expect(await signPledge(db, input, { language: 'sv', now })).toBe('new')

		const [signature, ...more] = await signatureOf('alva.lind@example.se')
		expect(more).toEqual([])
		expect(signature).toMatchObject({
			status: 'pending',
			lives_in_municipality: 1,
			district: 'Tågaborg',
			consent_version: CONSENT_VERSION,
			consent_at: now.toISOString(),
			confirmed_at: null,
		})
		const rows = await db
			.selectFrom('pledge_commitment')
			.selectAll()
			.where('signature_id', '=', signature!.id)
			.orderBy('id')
			.execute()
		expect(rows.map((r) => [r.commitment_id, r.own_words, r.progress])).toEqual([
			[bike, null, 'chosen'],
			[veg, null, 'chosen'],
			[null, 'Handla begagnat först', 'chosen'],
		])

		const [mail, ...others] = await outboxTo('alva.lind@example.se')
		expect(others).toEqual([])
		expect(mail!.subject).toMatch(/Bekräfta/)
		expect(mail!.text).toContain('/verify?token=')
		expect(mail!.text).toContain('Handla begagnat först')
		expect(
			(await verifyCode(db, 'confirm-signature', 'alva.lind@example.se', await latestCode('alva.lind@example.se'), now))
				.ok,
		).toBe(true)

		expect(await readPactCounts(db)).toEqual(before)
		expect(await chosenCount(db, bike)).toBe(0)
	})

	test('signing again while pending changes the one signature only once the new email is confirmed', async () => {
		const first = signInput({ commitmentIds: [bike] })
		await signPledge(db, first, { language: 'sv' })
		const again = {
			...first,
			email: first.email.toUpperCase(),
			name: 'Nytt Namn',
			livesInMunicipality: false,
			district: null,
			commitmentIds: [heat],
		}
		expect(await signPledge(db, again, { language: 'en' })).toBe('updated')
		const commitmentsOf = async (signatureId: number) =>
			(
				await db
					.selectFrom('pledge_commitment')
					.select('commitment_id')
					.where('signature_id', '=', signatureId)
					.execute()
			).map((r) => r.commitment_id)

		// Until the address's owner confirms, what was stored stays (issue 12).
		const signatures = await signatureOf(first.email)
		expect(signatures).toHaveLength(1)
		expect(signatures[0]).toMatchObject({ status: 'pending', name: first.name, lives_in_municipality: 1 })
		expect(await commitmentsOf(signatures[0]!.id)).toEqual([bike])
		const users = await db.selectFrom('user').select('id').where('email', '=', first.email).execute()
		expect(users).toHaveLength(1)
		const mails = await outboxTo(first.email)
		expect(mails).toHaveLength(2)
		expect(mails[1]!.subject).toMatch(/Confirm/)

		await confirmSignature(db, first.email)
		const [confirmed] = await signatureOf(first.email)
		expect(confirmed).toMatchObject({
			id: signatures[0]!.id,
			status: 'confirmed',
			name: 'Nytt Namn',
			lives_in_municipality: 0,
			district: null,
		})
		expect(await commitmentsOf(confirmed!.id)).toEqual([heat])
	})

	test('signing again once confirmed changes nothing and mails a way to sign in instead', async () => {
		const input = signInput({ commitmentIds: [veg] })
		await signPledge(db, input, { language: 'sv' })
		await confirmSignature(db, input.email)
		const counts = await readPactCounts(db)
		const [before] = await signatureOf(input.email)

		const outcome = await signPledge(
			db,
			{ ...input, name: 'Någon Annan', commitmentIds: [bike], livesInMunicipality: false },
			{ language: 'sv' },
		)
		expect(outcome).toBe('already-signed')
		const after = await signatureOf(input.email)
		expect(after).toEqual([before])
		expect(await readPactCounts(db)).toEqual(counts)
		const last = (await outboxTo(input.email)).at(-1)!
		expect(last.subject).toMatch(/redan/)
		// The code in that message signs the person in.
		expect((await verifyCode(db, 'sign-in', input.email, await latestCode(input.email))).ok).toBe(true)
	})
})

describe('confirmSignature', () => {
	test('a pending signature starts counting, its commitments are counted, and a welcome is queued', async () => {
		const input = signInput({ commitmentIds: [bike, heat], ownWords: ['Egen rad'] })
		await signPledge(db, input, { language: 'sv' })
		const before = await readPactCounts(db)
		const [bikeBefore, heatBefore, vegBefore] = [
			await chosenCount(db, bike),
			await chosenCount(db, heat),
			await chosenCount(db, veg),
		]

		const result = await confirmSignature(db, input.email)
		expect(result).not.toBeNull()
		const [signature] = await signatureOf(input.email)
		expect(signature!.user_id).toBe(result!.userId)
		expect(signature!.status).toBe('confirmed')
		expect(await readPactCounts(db)).toEqual({ ...before, residents: before.residents + 1 })
		expect([await chosenCount(db, bike), await chosenCount(db, heat), await chosenCount(db, veg)]).toEqual([
			bikeBefore + 1,
			heatBefore + 1,
			vegBefore,
		])

		const welcome = (await outboxTo(input.email)).filter((m) => m.idempotency_key === `welcome:${signature!.id}`)
		expect(welcome).toHaveLength(1)
		expect(welcome[0]!.text).toContain('/my-pledge')

		// Confirming again (a second click, a second tab) changes nothing.
		expect(await confirmSignature(db, input.email)).toEqual(result)
		expect(await readPactCounts(db)).toEqual({ ...before, residents: before.residents + 1 })
		expect(await chosenCount(db, bike)).toBe(bikeBefore + 1)
		expect((await outboxTo(input.email)).filter((m) => m.idempotency_key.startsWith('welcome:'))).toHaveLength(1)
	})

	test('people from elsewhere are counted apart', async () => {
		const input = signInput({ livesInMunicipality: false, ownWords: ['Cykla mer'] })
		await signPledge(db, input, { language: 'en' })
		const before = await readPactCounts(db)
		await confirmSignature(db, input.email)
		expect(await readPactCounts(db)).toEqual({ residents: before.residents, others: before.others + 1 })
		const welcome = (await outboxTo(input.email)).at(-1)!
		expect(welcome.subject).toMatch(/Welcome/)
	})

	test('nothing to confirm: unknown address, or a withdrawn signature', async () => {
		expect(await confirmSignature(db, 'nobody@example.se')).toBeNull()
		const input = signInput({ ownWords: ['X'] })
		await signPledge(db, input, { language: 'sv' })
		const { userId } = (await confirmSignature(db, input.email))!
		await withdrawSignature(db, userId)
		expect(await confirmSignature(db, input.email)).toBeNull()
	})
})

describe('keeping a pledge', () => {
	async function confirmedPerson(overrides: Parameters<typeof signInput>[0] = {}) {
		const input = signInput({ commitmentIds: [bike], ...overrides })
		await signPledge(db, input, { language: 'sv' })
		const { userId } = (await confirmSignature(db, input.email))!
		return { input, userId }
	}

	test('withdrawing stops the count at once; signing again and confirming brings the same signature back', async () => {
		const { input, userId } = await confirmedPerson({ commitmentIds: [bike, veg], newsletterConsent: true })
		const before = await readPactCounts(db)
		const [bikeBefore, vegBefore] = [await chosenCount(db, bike), await chosenCount(db, veg)]

		expect(await withdrawSignature(db, userId)).toBe(true)
		expect(await readPactCounts(db)).toEqual({ ...before, residents: before.residents - 1 })
		expect([await chosenCount(db, bike), await chosenCount(db, veg)]).toEqual([bikeBefore - 1, vegBefore - 1])
		const [withdrawn] = await signatureOf(input.email)
		expect(withdrawn).toMatchObject({ status: 'withdrawn', newsletter_consent: 0 })
		// Withdrawing twice does nothing more.
		expect(await withdrawSignature(db, userId)).toBe(false)
		expect(await readPactCounts(db)).toEqual({ ...before, residents: before.residents - 1 })

		expect(await signPledge(db, { ...input, commitmentIds: [heat], district: 'Råå' }, { language: 'sv' })).toBe(
			'resigned',
		)
		// Withdrawn it stays, with what it said, until the address's owner confirms (issue 12).
		expect(await signatureOf(input.email)).toEqual([withdrawn])
		await confirmSignature(db, input.email)
		const again = await signatureOf(input.email)
		expect(again).toHaveLength(1)
		expect(again[0]).toMatchObject({ id: withdrawn!.id, status: 'confirmed', district: 'Råå', withdrawn_at: null })
		expect(await readPactCounts(db)).toEqual(before)
		expect(await chosenCount(db, veg)).toBe(vegBefore - 1)
	})

	test('moving into or out of the municipality moves a confirmed signature between the counts', async () => {
		const { userId } = await confirmedPerson()
		const before = await readPactCounts(db)
		const details = {
			name: 'Flyttad Person',
			livesInMunicipality: false,
			district: null,
			showFirstName: true,
			newsletterConsent: true,
		}
		expect(await updateDetails(db, userId, details)).toBe(true)
		expect(await readPactCounts(db)).toEqual({ residents: before.residents - 1, others: before.others + 1 })
		// The same details again move nothing.
		await updateDetails(db, userId, details)
		expect(await readPactCounts(db)).toEqual({ residents: before.residents - 1, others: before.others + 1 })
		const pledge = (await getMyPledge(db, userId))!
		expect(pledge.user.name).toBe('Flyttad Person')
		expect(pledge.signature).toMatchObject({ livesInMunicipality: false, showFirstName: true, newsletterConsent: true })
	})

	test('adding and dropping commitments moves their counts, only for a confirmed pledge', async () => {
		const { userId } = await confirmedPerson()
		const [vegBefore, heatBefore, bikeBefore] = [
			await chosenCount(db, veg),
			await chosenCount(db, heat),
			await chosenCount(db, bike),
		]
		// bike is already on the pledge: choosing it again adds nothing.
		expect(
			await addCommitments(db, userId, { commitmentIds: [veg, heat, bike], ownWords: ['Sänka inomhustemperaturen'] }),
		).toEqual({ ok: true, added: 3 })
		expect([await chosenCount(db, veg), await chosenCount(db, heat), await chosenCount(db, bike)]).toEqual([
			vegBefore + 1,
			heatBefore + 1,
			bikeBefore,
		])

		const pledge = (await getMyPledge(db, userId))!
		expect(pledge.commitments.map((c) => c.commitmentId ?? c.ownWords)).toEqual([
			bike,
			veg,
			heat,
			'Sänka inomhustemperaturen',
		])
		const vegRow = pledge.commitments.find((c) => c.commitmentId === veg)!
		expect(await dropCommitment(db, userId, vegRow.id)).toBe('dropped')
		expect(await chosenCount(db, veg)).toBe(vegBefore)
		expect(await dropCommitment(db, userId, vegRow.id)).toBe('not-found')

		// A pending pledge moves no counts.
		const pending = signInput({ commitmentIds: [bike] })
		await signPledge(db, pending, { language: 'sv' })
		const pendingUser = await db
			.selectFrom('user')
			.select('id')
			.where('email', '=', pending.email)
			.executeTakeFirstOrThrow()
		await addCommitments(db, pendingUser.id, { commitmentIds: [veg], ownWords: [] })
		expect(await chosenCount(db, veg)).toBe(vegBefore)
	})

	test("the last commitment cannot be dropped, and nobody drops or marks another person's", async () => {
		const { userId } = await confirmedPerson()
		const other = await confirmedPerson()
		const [only] = (await getMyPledge(db, userId))!.commitments
		expect(await dropCommitment(db, userId, only!.id)).toBe('last-commitment')
		expect(await dropCommitment(db, other.userId, only!.id)).toBe('not-found')
		expect(await setProgress(db, other.userId, only!.id, 'everyday')).toBe(false)
		expect(await setProgress(db, userId, only!.id, 'started')).toBe(true)
		expect((await getMyPledge(db, userId))!.commitments[0]!.progress).toBe('started')
	})

	test("a pledge holds at most ten commitments in one's own words", async () => {
		const { userId } = await confirmedPerson()
		const five = ['a', 'b', 'c', 'd', 'e']
		expect(await addCommitments(db, userId, { commitmentIds: [], ownWords: five })).toEqual({ ok: true, added: 5 })
		expect(await addCommitments(db, userId, { commitmentIds: [], ownWords: five })).toEqual({ ok: true, added: 5 })
		expect(await addCommitments(db, userId, { commitmentIds: [], ownWords: ['f'] })).toEqual({
			ok: false,
			reason: 'too-many-own-words',
		})
	})
})
