import { describe, expect, test } from 'vitest'
import { readPactCounts } from '#app/pledge/counts.server.ts'
import { confirmSignature, getMyPledge, signPledge } from '#app/pledge/pledge.server.ts'
import { bikeVegHeat, chosenCount, keptCounts, recount, signInput } from '#tests/support/pledge.ts'
import { callAction, callLoader, cookieFor, renderRoute, routeArgs } from '#tests/support/routes.ts'
import * as myPledgeRoute from '#app/routes/my-pledge.tsx'
import { getDb } from '#db/index.ts'
import { getT } from '#app/i18n/i18n.server.ts'

// The messages by the fields, as a Swedish visitor reads them (the requests ask for Swedish).
const tc = await getT('sv')

/** My pledge through its route: each form's intent, and who may change what. */
const db = getDb()
const { bike, veg, heat } = await bikeVegHeat(db)

async function confirmedPerson(overrides: Parameters<typeof signInput>[0] = {}) {
	const input = signInput({ commitmentIds: [bike], ...overrides })
	await signPledge(db, input, { language: 'sv' })
	const { userId } = (await confirmSignature(db, input.email))!
	return { input, userId, cookie: await cookieFor(userId) }
}

async function post(cookie: string, fields: Record<string, string | string[] | undefined>) {
	return callAction(myPledgeRoute, '/my-pledge', { form: fields, cookie })
}

describe('/my-pledge', () => {
	test('asks a visitor who is not signed in to sign in first, and comes back here', async () => {
		const result = await callLoader(myPledgeRoute, '/my-pledge')
		expect(result.status).toBe(302)
		expect(result.location).toBe('/login?redirectTo=%2Fmy-pledge')
		const posted = await callAction(myPledgeRoute, '/my-pledge', { form: { intent: 'withdraw' } })
		expect(posted.status).toBe(302)
	})

	test('shows my details, my commitments and the welcome after confirming', async () => {
		const { cookie, input } = await confirmedPerson({ commitmentIds: [bike, veg], ownWords: ['Egen rad'] })
		const loaderData = await myPledgeRoute.loader(routeArgs('/my-pledge?confirmed=1', { cookie }))
		expect(loaderData.confirmed).toBe(true)
		expect(loaderData.signature?.status).toBe('confirmed')
		expect(loaderData.commitments.map((c) => c.title)).toEqual([
			'Teståtagande 1 (transport)',
			'Teståtagande 2 (food)',
			'Egen rad',
		])
		expect(loaderData.addable.map((c) => c.id)).toEqual([heat])
		const html = await renderRoute({ Component: myPledgeRoute.default, url: '/my-pledge?confirmed=1', loaderData })
		expect(html).toContain(`Välkommen, ${input.name.split(' ')[0]}!`)
		expect(html).toContain('aria-pressed="true"')
	})

	test('a person signed in without a signature is invited to sign', async () => {
		const user = await db
			.insertInto('user')
			.values({ email: 'utan.avtal@example.se', name: 'Utan Avtal', language: 'sv' })
			.returning('id')
			.executeTakeFirstOrThrow()
		const loaderData = await myPledgeRoute.loader(routeArgs('/my-pledge', { cookie: await cookieFor(user.id) }))
		expect(loaderData.signature).toBeNull()
		const html = await renderRoute({ Component: myPledgeRoute.default, url: '/my-pledge', loaderData })
		expect(html).toContain('Du har inte skrivit under än')
		expect(html).toContain('href="/sign"')
	})

	test('marks a commitment as started, then part of everyday life', async () => {
		const { userId, cookie } = await confirmedPerson()
		const [row] = (await getMyPledge(db, userId))!.commitments
		for (const progress of ['started', 'everyday'] as const) {
			const result = await post(cookie, { intent: 'progress', pledgeCommitmentId: String(row!.id), progress })
			expect(result.status).toBe(302)
			expect((await getMyPledge(db, userId))!.commitments[0]!.progress).toBe(progress)
		}
		const bad = await post(cookie, {
			intent: 'progress',
			pledgeCommitmentId: String(row!.id),
			progress: 'done<script>',
		})
		expect(bad.status).toBe(400)
		expect((await getMyPledge(db, userId))!.commitments[0]!.progress).toBe('everyday')
	})

	test("nobody changes or drops another person's commitment", async () => {
		const owner = await confirmedPerson({ commitmentIds: [bike, veg] })
		const other = await confirmedPerson()
		const [row] = (await getMyPledge(db, owner.userId))!.commitments
		expect(
			(await post(other.cookie, { intent: 'progress', pledgeCommitmentId: String(row!.id), progress: 'started' }))
				.status,
		).toBe(404)
		expect((await post(other.cookie, { intent: 'drop', pledgeCommitmentId: String(row!.id) })).status).toBe(404)
		expect((await getMyPledge(db, owner.userId))!.commitments).toHaveLength(2)
	})

	test('adds commitments from the list and in my own words; bad input stores nothing', async () => {
		const { userId, cookie } = await confirmedPerson()
		const vegBefore = await chosenCount(db, veg)
		const added = await post(cookie, {
			intent: 'add',
			commitmentIds: [String(veg)],
			'ownWords[0]': 'Laga cykeln själv 🔧',
			'ownWords[1]': '',
		})
		expect(added).toMatchObject({ status: 302, location: '/my-pledge?done=added#my-commitments' })
		expect(await chosenCount(db, veg)).toBe(vegBefore + 1)
		expect((await getMyPledge(db, userId))!.commitments.map((c) => c.ownWords ?? c.commitmentId)).toEqual([
			bike,
			veg,
			'Laga cykeln själv 🔧',
		])

		for (const fields of [{}, { 'ownWords[0]': 'x'.repeat(201) }, { commitmentIds: ['999999'] }]) {
			const result = await post(cookie, { intent: 'add', ...fields })
			expect(result.status).toBe(400)
			expect((result.data as { intent: string }).intent).toBe('add')
		}
		expect((await getMyPledge(db, userId))!.commitments).toHaveLength(3)
	})

	test('drops a commitment, but never the last one', async () => {
		const { userId, cookie } = await confirmedPerson({ commitmentIds: [bike, veg] })
		const vegBefore = await chosenCount(db, veg)
		const rows = (await getMyPledge(db, userId))!.commitments
		expect((await post(cookie, { intent: 'drop', pledgeCommitmentId: String(rows[1]!.id) })).status).toBe(302)
		expect(await chosenCount(db, veg)).toBe(vegBefore - 1)
		const last = await post(cookie, { intent: 'drop', pledgeCommitmentId: String(rows[0]!.id) })
		expect(last.status).toBe(400)
		expect(last.data).toEqual({ intent: 'drop', error: 'pledge:errors.lastCommitment' })
	})

	test('edits my details; moving away moves my signature from residents to others', async () => {
		const { userId, cookie } = await confirmedPerson()
		const before = await readPactCounts(db)
		const details = {
			intent: 'details',
			name: 'Maja Berg',
			livesInMunicipality: 'no',
			district: 'Höganäs',
			newsletterConsent: 'on',
		}
		expect((await post(cookie, details)).status).toBe(302)
		expect(await readPactCounts(db)).toEqual({ residents: before.residents - 1, others: before.others + 1 })
		const pledge = (await getMyPledge(db, userId))!
		expect(pledge.user.name).toBe('Maja Berg')
		expect(pledge.signature).toMatchObject({
			livesInMunicipality: false,
			district: 'Höganäs',
			newsletterConsent: true,
			showFirstName: false,
		})

		const bad = await post(cookie, { ...details, name: '', district: 'x'.repeat(81) })
		expect(bad.status).toBe(400)
		expect((bad.data as { result: { error: Record<string, string[]> } }).result.error).toMatchObject({
			name: [tc('form.required')],
			district: [tc('form.tooLong', { max: 80 })],
		})
		expect((await getMyPledge(db, userId))!.user.name).toBe('Maja Berg')
	})

	test('withdrawing asks first, then the count goes down', async () => {
		const { userId, cookie } = await confirmedPerson({ commitmentIds: [bike, heat] })
		const ask = await myPledgeRoute.loader(routeArgs('/my-pledge?withdraw=1', { cookie }))
		expect(ask.askWithdraw).toBe(true)
		const html = await renderRoute({ Component: myPledgeRoute.default, url: '/my-pledge?withdraw=1', loaderData: ask })
		expect(html).toContain('Vill du verkligen dra tillbaka din underskrift?')
		expect(html).toContain('name="intent" value="withdraw"')

		const before = await readPactCounts(db)
		const [bikeBefore, heatBefore] = [await chosenCount(db, bike), await chosenCount(db, heat)]
		expect(await post(cookie, { intent: 'withdraw' })).toMatchObject({
			status: 302,
			location: '/my-pledge?done=withdrawn',
		})
		expect(await readPactCounts(db)).toEqual({ ...before, residents: before.residents - 1 })
		expect([await chosenCount(db, bike), await chosenCount(db, heat)]).toEqual([bikeBefore - 1, heatBefore - 1])
		expect((await getMyPledge(db, userId))!.signature?.status).toBe('withdrawn')

		const after = await myPledgeRoute.loader(routeArgs('/my-pledge?done=withdrawn', { cookie }))
		const page = await renderRoute({
			Component: myPledgeRoute.default,
			url: '/my-pledge?done=withdrawn',
			loaderData: after,
		})
		expect(page).toContain('Din underskrift är tillbakadragen')
		expect(page).toContain('href="/sign"')
	})

	test('an unknown intent is refused without a change', async () => {
		const { cookie } = await confirmedPerson()
		const before = await keptCounts(db)
		expect((await post(cookie, { intent: 'delete-everything' })).status).toBe(400)
		expect(await keptCounts(db)).toEqual(before)
		expect(await keptCounts(db)).toEqual(await recount(db))
	})
})
