import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { addChallenge } from '#app/partners/challenges.server.ts'
import { makeUser } from '#tests/support/events.ts'
import { callAction, callLoader, cookieFor } from '#tests/support/routes.ts'
import * as joinRoute from '#app/routes/partners-join.tsx'
import * as signRoute from '#app/routes/partners-sign.tsx'
import * as manageRoute from '#app/routes/partners-manage.tsx'
import * as adminRoute from '#app/routes/admin-partners.tsx'
import * as directoryRoute from '#app/routes/partners.tsx'
import * as partnerRoute from '#app/routes/partners-partner.tsx'
import { getDb } from '#db/index.ts'

/** Partners on the site: joining, signing, review with its emails, permissions and the directory. */
const db = getDb()
let challenges: number[] = []

beforeEach(async () => {
	challenges = []
	for (const title of [
		'Ställ om transporterna',
		'Minska matsvinnet',
		'Energieffektivisera lokalerna',
		'Cirkulära inköp',
	])
		challenges.push(await addChallenge(db, { titleSv: title, titleEn: title, description: '' }))
})

afterEach(async () => {
	for (const table of [
		'agreement_challenge',
		'agreement',
		'partner_member',
		'partner',
		'climate_challenge',
		'outbox',
		'session',
		'user_role',
		'user',
	] as const)
		await db.deleteFrom(table).execute()
})

async function signedIn(role?: 'coordinator') {
	const user = await makeUser(db, { role })
	return { user, cookie: await cookieFor(user.id) }
}

const partnerForm = (fields: Record<string, string> = {}) => ({
	name: 'Bageriet Kärnan',
	type: 'business',
	sector: 'Livsmedel',
	size: '10-49',
	district: 'Centrum',
	website: 'bageriet.example',
	description: 'Ett surdegsbageri.',
	...fields,
})

const agreementForm = (fields: Record<string, string | string[] | undefined> = {}) => ({
	communication: 'En berättelse om året.',
	education: 'Ett elevprojekt om året.',
	baselineYear: '2022',
	target2030Percent: '70',
	climateNeutralYear: '2045',
	challenges: challenges.slice(0, 3).map(String),
	confirm: 'on',
	...fields,
})

async function join(cookie: string, name = 'Bageriet Kärnan') {
	const answer = await callAction(joinRoute, '/partners/join', { cookie, form: partnerForm({ name }) })
	expect(answer.status).toBe(302)
	const slug = answer.location!.match(/^\/partners\/([^/]+)\/sign/)![1]!
	return slug
}

describe('joining and the agreement flow', () => {
	test('a contact registers, signs; a coordinator returns it with a comment, then approves it; each sends one email', async () => {
		const contact = await signedIn()
		const slug = await join(contact.cookie)
		expect(slug).toBe('bageriet-karnan')
		const partner = await db.selectFrom('partner').selectAll().executeTakeFirstOrThrow()
		expect(partner.website).toBe('https://bageriet.example')
		// Not public before approval.
		expect((await callLoader(partnerRoute, `/partners/${slug}`, { params: { slug } })).status).toBe(404)

		const params = { slug }
		const signed = await callAction(signRoute, `/partners/${slug}/sign`, {
			cookie: contact.cookie,
			params,
			form: agreementForm(),
		})
		expect(signed).toMatchObject({ status: 302, location: `/partners/${slug}/manage?done=signed` })

		const coordinator = await signedIn('coordinator')
		const list = await callLoader(adminRoute, '/admin/partners', { cookie: coordinator.cookie })
		expect(list.data.submitted.map((row: { partnerName: string }) => row.partnerName)).toEqual(['Bageriet Kärnan'])
		const agreementId = String(list.data.submitted[0].id)

		// Sending back needs a comment.
		const noComment = await callAction(adminRoute, '/admin/partners', {
			cookie: coordinator.cookie,
			form: { intent: 'return', agreementId, comment: '' },
		})
		expect(noComment.status).toBe(400)
		const returned = await callAction(adminRoute, '/admin/partners', {
			cookie: coordinator.cookie,
			form: { intent: 'return', agreementId, comment: 'Skriv mer om utbildningen.' },
		})
		expect(returned.status).toBe(302)
		let mail = await db.selectFrom('outbox').select(['to_address', 'subject', 'text']).execute()
		expect(mail).toHaveLength(1)
		expect(mail[0]).toMatchObject({ to_address: contact.user.email })
		expect(mail[0]!.text).toContain('Skriv mer om utbildningen.')

		// The contact sees the comment, edits and signs again.
		const page = await callLoader(signRoute, `/partners/${slug}/sign`, { cookie: contact.cookie, params })
		expect(page.data.agreement).toMatchObject({ status: 'returned', reviewComment: 'Skriv mer om utbildningen.' })
		const again = await callAction(signRoute, `/partners/${slug}/sign`, {
			cookie: contact.cookie,
			params,
			form: agreementForm({ education: 'Två elevprojekt om året.' }),
		})
		expect(again.status).toBe(302)

		// A second press on an already reviewed agreement changes nothing and sends nothing.
		const approve = { intent: 'approve', agreementId }
		expect(
			(await callAction(adminRoute, '/admin/partners', { cookie: coordinator.cookie, form: approve })).status,
		).toBe(302)
		expect(
			(await callAction(adminRoute, '/admin/partners', { cookie: coordinator.cookie, form: approve })).status,
		).toBe(409)
		mail = await db.selectFrom('outbox').select(['to_address', 'subject', 'text']).orderBy('id').execute()
		expect(mail).toHaveLength(2)
		expect(mail[1]!.subject).toContain('godkänt')

		const agreement = await db.selectFrom('agreement').selectAll().executeTakeFirstOrThrow()
		expect(agreement.status).toBe('approved')
		expect(agreement.education_commitment).toBe('Två elevprojekt om året.')
		const years = Number(agreement.period_end.slice(0, 4)) - Number(agreement.period_start.slice(0, 4))
		expect(years).toBe(3)

		const directory = await callLoader(directoryRoute, '/partners')
		expect(directory.data.partners.map((p: { name: string }) => p.name)).toEqual(['Bageriet Kärnan'])
		const publicPage = await callLoader(partnerRoute, `/partners/${slug}`, { params })
		expect(publicPage.data.agreement.challenges).toHaveLength(3)
	})
})

describe('validation stores nothing', () => {
	test('a bad website and missing fields get messages and no partner', async () => {
		const { cookie } = await signedIn()
		const answer = await callAction(joinRoute, '/partners/join', {
			cookie,
			form: partnerForm({ website: 'inte en adress', name: '', type: '' }),
		})
		expect(answer.status).toBe(400)
		expect(answer.data.result.error).toMatchObject({
			website: ['Skriv en webbadress som börjar med https://.'],
			name: [expect.any(String)],
			type: ['Välj typ av organisation.'],
		})
		expect(await db.selectFrom('partner').select('id').execute()).toHaveLength(0)
	})

	test('fewer than three challenges, no confirmation or a bad year: messages, the agreement stays a draft', async () => {
		const { cookie } = await signedIn()
		const slug = await join(cookie)
		const params = { slug }
		const two = await callAction(signRoute, `/partners/${slug}/sign`, {
			cookie,
			params,
			form: agreementForm({ challenges: challenges.slice(0, 2).map(String), confirm: undefined, baselineYear: '3000' }),
		})
		expect(two.status).toBe(400)
		expect(two.data.result.error).toMatchObject({
			challenges: ['Välj minst 3 klimatutmaningar.'],
			confirm: ['Bekräfta att du får skriva under för organisationen.'],
			baselineYear: [expect.stringContaining('1990')],
		})
		const agreement = await db.selectFrom('agreement').selectAll().executeTakeFirstOrThrow()
		expect(agreement).toMatchObject({ status: 'draft', signed_at: null, communication_commitment: '' })
		expect(await db.selectFrom('agreement_challenge').select('agreement_id').execute()).toHaveLength(0)
	})
})

describe('who may do what', () => {
	test("another partner's contact gets 403 on manage and sign; a resident cannot approve", async () => {
		const first = await signedIn()
		const slug = await join(first.cookie, 'Bageriet Kärnan')
		const other = await signedIn()
		await join(other.cookie, 'Cykelköket')
		const params = { slug }
		expect((await callLoader(manageRoute, `/partners/${slug}/manage`, { cookie: other.cookie, params })).status).toBe(
			403,
		)
		expect(
			(
				await callAction(manageRoute, `/partners/${slug}/manage?intent=details`, {
					cookie: other.cookie,
					params,
					form: partnerForm({ name: 'Kapad' }),
				})
			).status,
		).toBe(403)
		expect(
			(await callAction(signRoute, `/partners/${slug}/sign`, { cookie: other.cookie, params, form: agreementForm() }))
				.status,
		).toBe(403)
		expect(
			(await db.selectFrom('partner').select('name').where('slug', '=', slug).executeTakeFirstOrThrow()).name,
		).toBe('Bageriet Kärnan')
		expect(
			(
				await callLoader(manageRoute, '/partners/finns-inte/manage', {
					cookie: other.cookie,
					params: { slug: 'finns-inte' },
				})
			).status,
		).toBe(404)

		await callAction(signRoute, `/partners/${slug}/sign`, { cookie: first.cookie, params, form: agreementForm() })
		const agreement = await db
			.selectFrom('agreement')
			.select('id')
			.where('status', '=', 'submitted')
			.executeTakeFirstOrThrow()
		const form = { intent: 'approve', agreementId: String(agreement.id) }
		expect((await callLoader(adminRoute, '/admin/partners', { cookie: first.cookie })).status).toBe(403)
		expect((await callAction(adminRoute, '/admin/partners', { cookie: first.cookie, form })).status).toBe(403)
		expect(
			(await db.selectFrom('agreement').select('status').where('id', '=', agreement.id).executeTakeFirstOrThrow())
				.status,
		).toBe('submitted')
	})

	test('a contact adds a reporter who has an account, not one who has none, and removes them', async () => {
		const { cookie } = await signedIn()
		const slug = await join(cookie)
		const reporter = await makeUser(db)
		const params = { slug }
		const unknown = await callAction(manageRoute, `/partners/${slug}/manage?intent=add-reporter`, {
			cookie,
			params,
			form: { email: 'ingen@example.org' },
		})
		expect(unknown.status).toBe(400)
		const added = await callAction(manageRoute, `/partners/${slug}/manage?intent=add-reporter`, {
			cookie,
			params,
			form: { email: reporter.email },
		})
		expect(added.location).toContain('done=added')
		const reporterCookie = await cookieFor(reporter.id)
		// A reporter is no contact: the manage page is not theirs.
		expect((await callLoader(manageRoute, `/partners/${slug}/manage`, { cookie: reporterCookie, params })).status).toBe(
			403,
		)
		await callAction(manageRoute, `/partners/${slug}/manage?intent=remove-reporter`, {
			cookie,
			params,
			form: { userId: String(reporter.id) },
		})
		expect(await db.selectFrom('partner_member').select('user_id').execute()).toHaveLength(1)
	})
})

describe('the directory', () => {
	test('filters by type, sector and challenge', async () => {
		const coordinator = await signedIn('coordinator')
		const approve = async (name: string, fields: Record<string, string>, picked: number[]) => {
			const { cookie } = await signedIn()
			const answer = await callAction(joinRoute, '/partners/join', { cookie, form: partnerForm({ name, ...fields }) })
			const slug = answer.location!.split('/')[2]!
			await callAction(signRoute, `/partners/${slug}/sign`, {
				cookie,
				params: { slug },
				form: agreementForm({ challenges: picked.map((i) => String(challenges[i])) }),
			})
			const agreement = await db
				.selectFrom('agreement')
				.innerJoin('partner', 'partner.id', 'agreement.partner_id')
				.select('agreement.id')
				.where('partner.slug', '=', slug)
				.executeTakeFirstOrThrow()
			await callAction(adminRoute, '/admin/partners', {
				cookie: coordinator.cookie,
				form: { intent: 'approve', agreementId: String(agreement.id) },
			})
		}
		await approve('Bageriet', { type: 'business', sector: 'Livsmedel' }, [0, 1, 2])
		await approve('Fotbollsklubben', { type: 'association', sector: 'Idrott' }, [1, 2, 3])
		await approve('Gymnasiet', { type: 'school', sector: 'Utbildning' }, [0, 2, 3])
		// Registered but never signed: not in the directory.
		await join((await signedIn()).cookie, 'Halvfärdiga AB')

		const names = async (query: string) =>
			(await callLoader(directoryRoute, `/partners${query}`)).data.partners.map((p: { name: string }) => p.name)
		expect(await names('')).toEqual(['Bageriet', 'Fotbollsklubben', 'Gymnasiet'])
		expect(await names('?type=association')).toEqual(['Fotbollsklubben'])
		expect(await names('?sector=Utbildning')).toEqual(['Gymnasiet'])
		expect(await names(`?challenge=${challenges[0]}`)).toEqual(['Bageriet', 'Gymnasiet'])
		expect(await names(`?type=business&challenge=${challenges[3]}`)).toEqual([])
	})
})
