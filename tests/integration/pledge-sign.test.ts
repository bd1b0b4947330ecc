import { beforeAll, describe, expect, test } from 'vitest'
import { readPactCounts } from '#app/pledge/counts.server.ts'
import { SIGN_LIMITS } from '#app/pledge/pledge.server.ts'
import { mailedVerification } from '#tests/support/auth.ts'
import { addTestCommitments } from '#tests/support/pledge.ts'
import { callAction, callLoader, cookieFor, freshIp, renderRoute, routeArgs } from '#tests/support/routes.ts'
import { retireCommitment } from '#app/pledge/catalogue.server.ts'
import * as myPledgeRoute from '#app/routes/my-pledge.tsx'
import * as signRoute from '#app/routes/sign.tsx'
import * as checkEmailRoute from '#app/routes/sign-check-email.tsx'
import * as verifyRoute from '#app/routes/verify.tsx'
import { getDb } from '#db/index.ts'
// Confirming a signature by a proof is wired up here, as entry.server.tsx does for the server.
import { getT } from '#app/i18n/i18n.server.ts'

// The messages by the fields, as a Swedish visitor reads them (the requests ask for Swedish).
const [t, tc] = [await getT('sv', 'pledge'), await getT('sv')]

/** The sign form through its route: what a person submits, what is stored, what comes back. */
const db = getDb()
let bike: number, veg: number, retired: number

beforeAll(async () => {
	;[bike, veg, retired] = (await addTestCommitments(db, ['transport', 'food', 'consumption'])) as [
		number,
		number,
		number,
	]
	await retireCommitment(db, retired)
})

let n = 0
function validFields(overrides: Record<string, string | string[] | undefined> = {}) {
	n += 1
	return {
		name: 'Alva Lind',
		email: `alva${n}@example.se`,
		livesInMunicipality: 'yes',
		district: 'Tågaborg',
		commitmentIds: [String(bike)],
		'ownWords[0]': '',
		'ownWords[1]': '',
		consent: 'on',
		...overrides,
	}
}

/** Each submission from its own network, so the per-IP limit stays out of the way unless tested. */
async function submit(fields: Record<string, string | string[] | undefined>, options: { ip?: string } = {}) {
	return callAction(signRoute, '/sign', { form: fields, ip: options.ip ?? freshIp() })
}

async function stored() {
	const [users, signatures, pledged, outbox] = await Promise.all(
		(['user', 'signature', 'pledge_commitment', 'outbox'] as const).map((table) =>
			db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
				.then((row) => Number(row.n)),
		),
	)
	return { users, signatures, pledged, outbox }
}

describe('signing through /sign', () => {
	test('a valid form stores a pending signature and answers "check your email"', async () => {
		const fields = validFields({
			commitmentIds: [String(bike), String(veg)],
			'ownWords[0]': 'Odla på balkongen',
			showFirstName: 'on',
		})
		const result = await submit(fields)
		expect(result.status).toBe(302)
		expect(result.location).toBe(`/sign/check-email?email=${encodeURIComponent(fields.email)}`)
		const signature = await db
			.selectFrom('signature')
			.innerJoin('user', 'user.id', 'signature.user_id')
			.select([
				'signature.status',
				'signature.show_first_name',
				'signature.newsletter_consent',
				'user.name',
				'signature.id',
			])
			.where('user.email', '=', fields.email)
			.executeTakeFirstOrThrow()
		expect(signature).toMatchObject({ status: 'pending', show_first_name: 1, newsletter_consent: 0, name: 'Alva Lind' })
		const commitments = await db
			.selectFrom('pledge_commitment')
			.select(['commitment_id', 'own_words'])
			.where('signature_id', '=', signature.id)
			.execute()
		expect(commitments).toHaveLength(3)
	})

	test('the same answer for a new, a pending and a confirmed address, and never a second user or signature', async () => {
		const fields = validFields()
		const first = await submit(fields)
		const again = await submit({ ...fields, name: 'Alva L.' })
		expect(again).toEqual(first)

		// Confirm with the emailed code, through the form the check-email page shows.
		const { code } = await mailedVerification(db, fields.email)
		const before = await readPactCounts(db)
		const confirmed = await callAction(verifyRoute, '/verify', {
			form: { email: fields.email, purpose: 'confirm-signature', code },
		})
		expect(confirmed.status).toBe(302)
		expect(confirmed.location).toBe('/my-pledge?confirmed=1')
		expect(await readPactCounts(db)).toEqual({ ...before, residents: before.residents + 1 })

		const afterConfirmed = await submit({ ...fields, name: 'Someone Else', livesInMunicipality: 'no' })
		expect(afterConfirmed).toEqual(first)
		expect(await readPactCounts(db)).toEqual({ ...before, residents: before.residents + 1 })
		const users = await db.selectFrom('user').select(['id', 'name']).where('email', '=', fields.email).execute()
		expect(users).toEqual([{ id: users[0]!.id, name: 'Alva L.' }])
		expect(await db.selectFrom('signature').select('id').where('user_id', '=', users[0]!.id).execute()).toHaveLength(1)
	})

	test('the check-email page shows the address and a code form for /verify', async () => {
		const loaderData = await checkEmailRoute.loader(routeArgs('/sign/check-email?email=alva%40example.se'))
		expect(loaderData.email).toBe('alva@example.se')
		const html = await renderRoute({
			Component: checkEmailRoute.default,
			url: '/sign/check-email?email=alva%40example.se',
			loaderData,
			rootData: { mailboxOpen: true },
		})
		expect(html).toContain('action="/verify"')
		expect(html).toContain('name="purpose" value="confirm-signature"')
		expect(html).toContain('name="email" value="alva@example.se"')
		expect(html).toContain('name="code"')
		expect(html).toContain('href="/dev/mail"')
		const noAddress = await checkEmailRoute.loader(routeArgs('/sign/check-email?email=%3Cscript%3E'))
		expect(noAddress.email).toBeNull()
	})

	test('confirmation emails are limited per address', async () => {
		const fields = validFields()
		for (let i = 0; i < SIGN_LIMITS.perAddress.limit; i++) expect((await submit(fields)).status).toBe(302)
		const limited = await submit(fields)
		expect(limited.status).toBe(429)
		expect((limited.data as { error: Record<string, string[]> }).error['']).toEqual([t('errors.tooManyRequests')])
	})

	test('and per network', async () => {
		const network = '192.0.2.77'
		for (let i = 0; i < SIGN_LIMITS.perIp.limit; i++)
			expect((await submit(validFields(), { ip: network })).status).toBe(302)
		const before = await stored()
		expect((await submit(validFields(), { ip: network })).status).toBe(429)
		expect(await stored()).toEqual(before)
	})
})

describe('bad input on every field of the sign form', () => {
	const long = (length: number) => 'å'.repeat(length)
	const cases: Array<[string, Record<string, string | string[] | undefined>, string, string]> = [
		['a missing name', { name: '' }, 'name', tc('form.required')],
		['a name of only spaces', { name: '   ' }, 'name', tc('form.required')],
		['a name too long', { name: long(101) }, 'name', tc('form.tooLong', { max: 100 })],
		['a name with a control character', { name: 'Alva\u0000Lind' }, 'name', t('errors.controlCharacters')],
		['a name with a line break', { name: 'Alva\nLind' }, 'name', t('errors.controlCharacters')],
		['a missing email', { email: '' }, 'email', tc('form.required')],
		['an invalid email', { email: 'alva@' }, 'email', tc('form.invalidEmail')],
		['an email of HTML', { email: '<script>alert(1)</script>' }, 'email', tc('form.invalidEmail')],
		['an email with emoji', { email: '🌍@example.se' }, 'email', tc('form.invalidEmail')],
		['an email in Hebrew', { email: 'שלום@example.se' }, 'email', tc('form.invalidEmail')],
		['an email too long', { email: `${'a'.repeat(250)}@example.se` }, 'email', tc('form.tooLong', { max: 254 })],
		[
			'no answer on residency',
			{ livesInMunicipality: undefined },
			'livesInMunicipality',
			t('errors.livesInMunicipalityRequired'),
		],
		[
			'a made-up residency',
			{ livesInMunicipality: '<b>maybe</b>' },
			'livesInMunicipality',
			t('errors.livesInMunicipalityRequired'),
		],
		['a district too long', { district: long(81) }, 'district', tc('form.tooLong', { max: 80 })],
		['a district with a control character', { district: 'Råå\u0007' }, 'district', t('errors.controlCharacters')],
		['own words too long', { 'ownWords[0]': `🌍${long(200)}` }, 'ownWords[0]', tc('form.tooLong', { max: 200 })],
		[
			'own words with a control character',
			{ 'ownWords[1]': 'Cykla\u001bmer' },
			'ownWords[1]',
			t('errors.controlCharacters'),
		],
		[
			'six lines of own words',
			Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`ownWords[${i}]`, `Rad ${i}`])),
			'ownWords',
			t('errors.tooManyOwnWords', { max: 5 }),
		],
		[
			'a commitment id that is not a number',
			{ commitmentIds: ['<script>'] },
			'commitmentIds[0]',
			t('errors.unknownCommitment'),
		],
		['a commitment that does not exist', { commitmentIds: ['999999'] }, 'commitmentIds', t('errors.unknownCommitment')],
		['a retired commitment', { commitmentIds: ['RETIRED'] }, 'commitmentIds', t('errors.unknownCommitment')],
		['no commitment at all', { commitmentIds: undefined }, 'commitmentIds', t('errors.commitmentRequired')],
		['missing consent', { consent: undefined }, 'consent', t('errors.consentRequired')],
		['consent not given as a checkbox', { consent: 'false' }, 'consent', t('errors.consentRequired')],
		['a newsletter consent that is not a checkbox', { newsletterConsent: '<b>yes</b>' }, 'newsletterConsent', ''],
	]

	for (const [what, overrides, field, message] of cases) {
		test(`${what} → 400, a message by the field, nothing stored`, async () => {
			const fields = validFields(
				Object.fromEntries(
					Object.entries(overrides).map(([k, v]) => [
						k,
						Array.isArray(v) ? v.map((x) => (x === 'RETIRED' ? String(retired) : x)) : v,
					]),
				),
			)
			const before = await stored()
			const result = await submit(fields)
			expect(result.status).toBe(400)
			const errors = (result.data as { error: Record<string, string[]> }).error
			expect(Object.keys(errors)).toContain(field)
			if (message) expect(errors[field]).toContain(message)
			expect(await stored()).toEqual(before)
		})
	}

	test('the message is shown by its field, and the form keeps what was typed', async () => {
		const fields = validFields({
			name: long(101),
			email: 'alva@',
			consent: undefined,
			'ownWords[0]': '<b>Cykla</b> 🚲',
		})
		const result = await submit(fields)
		const loaderData = await signRoute.loader(routeArgs('/sign'))
		const html = await renderRoute({ Component: signRoute.default, url: '/sign', loaderData, actionData: result.data })
		expect(html).toMatch(
			/<input[^>]*aria-invalid="true"[^>]*name="name"|<input[^>]*name="name"[^>]*aria-invalid="true"/,
		)
		expect(html).toContain('Högst 100 tecken.')
		expect(html).toContain('Skriv en giltig e-postadress')
		expect(html).toContain('Vi behöver ditt samtycke för att kunna spara din underskrift.')
		// What was typed comes back, escaped.
		expect(html).toContain('value="&lt;b&gt;Cykla&lt;/b&gt; 🚲"')
		expect(html).not.toContain('<b>Cykla</b>')
	})
})

describe('exotic but valid input', () => {
	test('emoji, right-to-left text and HTML are stored exactly as typed and shown escaped', async () => {
		const name = 'سارة الأحمد 🌍'
		const district = 'תל אביב'
		const ownWords = ['<b>Cykla</b> till jobbet 🚲', '<script>alert("x")</script>', 'Äta mer 🥦 & mindre 🥩']
		const fields = validFields({
			name,
			district,
			commitmentIds: undefined,
			'ownWords[0]': ownWords[0],
			'ownWords[1]': ownWords[1],
			'ownWords[2]': ownWords[2],
		})
		expect((await submit(fields)).status).toBe(302)

		const user = await db
			.selectFrom('user')
			.select(['id', 'name'])
			.where('email', '=', fields.email)
			.executeTakeFirstOrThrow()
		expect(user.name).toBe(name)
		const signature = await db
			.selectFrom('signature')
			.select(['id', 'district'])
			.where('user_id', '=', user.id)
			.executeTakeFirstOrThrow()
		expect(signature.district).toBe(district)
		const rows = await db
			.selectFrom('pledge_commitment')
			.select('own_words')
			.where('signature_id', '=', signature.id)
			.orderBy('id')
			.execute()
		expect(rows.map((r) => r.own_words)).toEqual(ownWords)

		// The person's page gives it back unchanged, and React escapes it on render.
		const cookie = await cookieFor(user.id)
		const loaderData = await myPledgeRoute.loader(routeArgs('/my-pledge', { cookie }))
		expect(loaderData.user.name).toBe(name)
		expect(loaderData.signature?.district).toBe(district)
		expect(loaderData.commitments.map((c) => c.title)).toEqual(ownWords)
		const html = await renderRoute({ Component: myPledgeRoute.default, url: '/my-pledge', loaderData })
		expect(html).toContain('&lt;b&gt;Cykla&lt;/b&gt; till jobbet 🚲')
		expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
		expect(html).not.toContain('<script>alert')
		expect(html).not.toContain('<b>Cykla</b>')
		expect(html).toContain(`<bdi>${name}</bdi>`)
		expect(html).toContain(`<bdi>${district}</bdi>`)
	})
})

describe('who sees what on /sign', () => {
	test('retired commitments are not offered; a signed-in person finds the form filled in', async () => {
		const anonymous = await signRoute.loader(routeArgs('/sign'))
		expect(anonymous.commitments.map((c) => c.id)).toContain(bike)
		expect(anonymous.commitments.map((c) => c.id)).not.toContain(retired)
		expect(anonymous.defaults).toBeNull()

		const fields = validFields({ name: 'Ebba Ek', commitmentIds: [String(veg)] })
		await submit(fields)
		const user = await db.selectFrom('user').select('id').where('email', '=', fields.email).executeTakeFirstOrThrow()
		const cookie = await cookieFor(user.id)
		const signedIn = await callLoader(signRoute, '/sign', { cookie })
		expect(signedIn.data).toMatchObject({
			defaults: { name: 'Ebba Ek', email: fields.email, status: 'pending', commitmentIds: [String(veg)] },
		})
	})
})
