import { describe, expect, test } from 'vitest'
import { grantRole } from '#app/auth/roles.server.ts'
import { confirmSignature, getMyPledge, signPledge } from '#app/pledge/pledge.server.ts'
import { signInput } from '#tests/support/pledge.ts'
import { callAction, callLoader, cookieFor, renderRoute, routeArgs } from '#tests/support/routes.ts'
import * as listRoute from '#app/routes/admin-commitments.tsx'
import * as editRoute from '#app/routes/admin-commitment-edit.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import * as signRoute from '#app/routes/sign.tsx'
import { getDb } from '#db/index.ts'
import { getT } from '#app/i18n/i18n.server.ts'

// The messages by the fields, as a Swedish visitor reads them (the requests ask for Swedish).
const [t, tc] = [await getT('sv', 'pledge'), await getT('sv')]

/** The coordinators' catalogue: who may see it, adding, editing, retiring and reinstating. */
const db = getDb()

async function personWithRole(email: string, role?: 'coordinator' | 'organiser') {
	const user = await db
		.insertInto('user')
		.values({ email, name: email.split('@')[0]!, language: 'sv' })
		.returning('id')
		.executeTakeFirstOrThrow()
	if (role) await grantRole(db, email, role)
	return cookieFor(user.id)
}

const validCommitment = {
	category: 'food',
	titleSv: 'Äta upp matresterna',
	titleEn: 'Eat up the leftovers',
	kgCo2ePerYear: '40',
	source: 'Naturvårdsverket',
}

describe('who may manage the catalogue', () => {
	test('a visitor is sent to sign in; a resident or an organiser gets 403; a coordinator gets in', async () => {
		const anonymous = await callLoader(listRoute, '/admin/commitments')
		expect(anonymous).toMatchObject({ status: 302, location: '/login?redirectTo=%2Fadmin%2Fcommitments' })

		for (const cookie of [
			await personWithRole('boende@example.se'),
			await personWithRole('arr@example.se', 'organiser'),
		]) {
			expect((await callLoader(listRoute, '/admin/commitments', { cookie })).status).toBe(403)
			expect((await callAction(listRoute, '/admin/commitments', { cookie, form: validCommitment })).status).toBe(403)
			expect(
				(await callLoader(editRoute, '/admin/commitments/1', { cookie, params: { commitmentId: '1' } })).status,
			).toBe(403)
			expect(
				(
					await callAction(editRoute, '/admin/commitments/1', {
						cookie,
						params: { commitmentId: '1' },
						form: { intent: 'retire' },
					})
				).status,
			).toBe(403)
		}
		expect(await db.selectFrom('commitment').select('id').execute()).toEqual([])

		const coordinator = await personWithRole('koord@example.se', 'coordinator')
		expect((await callLoader(listRoute, '/admin/commitments', { cookie: coordinator })).status).toBe(200)
	})
})

describe('managing the catalogue', () => {
	test('adds, edits, retires and reinstates; a retired commitment stays on the pledges that chose it', async () => {
		const cookie = await personWithRole('karin@example.se', 'coordinator')

		// Bad input: nothing stored, messages by the fields.
		const bad = await callAction(listRoute, '/admin/commitments', {
			cookie,
			form: { category: 'weather', titleSv: '', titleEn: 'x'.repeat(161), kgCo2ePerYear: '-5', source: '' },
		})
		expect(bad.status).toBe(400)
		expect((bad.data as { error: Record<string, string[]> }).error).toMatchObject({
			category: [t('errors.categoryRequired')],
			titleSv: [tc('form.required')],
			titleEn: [tc('form.tooLong', { max: 160 })],
			kgCo2ePerYear: [t('errors.wholeNumber')],
		})
		const decimal = await callAction(listRoute, '/admin/commitments', {
			cookie,
			form: { ...validCommitment, kgCo2ePerYear: '12.5' },
		})
		expect(decimal.status).toBe(400)
		expect(
			await db.selectFrom('commitment').select('id').where('title_en', '=', validCommitment.titleEn).execute(),
		).toEqual([])

		const added = await callAction(listRoute, '/admin/commitments', { cookie, form: validCommitment })
		expect(added).toMatchObject({ status: 302, location: '/admin/commitments?added=1' })
		const { id } = await db
			.selectFrom('commitment')
			.select('id')
			.where('title_en', '=', validCommitment.titleEn)
			.executeTakeFirstOrThrow()
		const params = { commitmentId: String(id) }

		const edited = await callAction(editRoute, `/admin/commitments/${id}`, {
			cookie,
			params,
			form: { ...validCommitment, titleSv: 'Äta upp resterna', kgCo2ePerYear: '' },
		})
		expect(edited.status).toBe(302)
		expect(
			await db
				.selectFrom('commitment')
				.select(['title_sv', 'kg_co2e_per_year', 'source'])
				.where('id', '=', id)
				.executeTakeFirstOrThrow(),
		).toEqual({
			title_sv: 'Äta upp resterna',
			kg_co2e_per_year: null,
			source: 'Naturvårdsverket',
		})

		// Someone chooses it, then it is retired.
		const input = signInput({ commitmentIds: [id] })
		await signPledge(db, input, { language: 'sv' })
		const { userId } = (await confirmSignature(db, input.email))!
		expect(
			(await callAction(editRoute, `/admin/commitments/${id}`, { cookie, params, form: { intent: 'retire' } })).status,
		).toBe(302)

		const signPage = await signRoute.loader(routeArgs('/sign'))
		expect(signPage.commitments.map((c) => c.id)).not.toContain(id)
		const home = await homeRoute.loader(routeArgs('/'))
		expect(home.mostChosen.map((c) => c.id)).not.toContain(id)
		const pledge = (await getMyPledge(db, userId))!
		expect(pledge.commitments).toMatchObject([{ commitmentId: id, titleSv: 'Äta upp resterna', retired: true }])
		const kept = await db
			.selectFrom('commitment')
			.select(['chosen_count', 'retired_at'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow()
		expect(kept.chosen_count).toBe(1)
		expect(kept.retired_at).not.toBeNull()
		// A retired commitment cannot be signed with any more.
		const refused = await callAction(signRoute, '/sign', {
			form: {
				name: 'Ny',
				email: 'ny@example.se',
				livesInMunicipality: 'yes',
				commitmentIds: [String(id)],
				consent: 'on',
			},
		})
		expect(refused.status).toBe(400)

		// The list shows it as retired, with its count.
		const list = await listRoute.loader(routeArgs('/admin/commitments', { cookie }))
		const html = await renderRoute({ Component: listRoute.default, url: '/admin/commitments', loaderData: list })
		expect(html).toContain('Äta upp resterna')
		expect(html).toContain('Borttaget ur listan')

		expect(
			(await callAction(editRoute, `/admin/commitments/${id}`, { cookie, params, form: { intent: 'reinstate' } }))
				.status,
		).toBe(302)
		expect((await signRoute.loader(routeArgs('/sign'))).commitments.map((c) => c.id)).toContain(id)
	})

	test('an unknown commitment is a 404', async () => {
		const cookie = await personWithRole('karin2@example.se', 'coordinator')
		for (const commitmentId of ['999999', 'abc', '-1']) {
			expect(
				(await callLoader(editRoute, `/admin/commitments/${commitmentId}`, { cookie, params: { commitmentId } }))
					.status,
			).toBe(404)
		}
	})
})
