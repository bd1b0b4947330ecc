import { describe, expect, test } from 'vitest'
import { PUBLIC_FORM_LIMITS, rateLimitBucket, type PublicForm } from '#app/auth/rate-limit.server.ts'
import { HONEYPOT_FIELD } from '#app/common/honeypot.ts'
import { addChallenge } from '#app/partners/challenges.server.ts'
import * as nominateRoute from '#app/routes/awards-nominate.tsx'
import * as eventRoute from '#app/routes/events-event.tsx'
import * as loginRoute from '#app/routes/login.tsx'
import * as joinRoute from '#app/routes/partners-join.tsx'
import * as manageRoute from '#app/routes/partners-manage.tsx'
import * as agreementRoute from '#app/routes/partners-sign.tsx'
import * as editRoute from '#app/routes/proposals-edit.tsx'
import * as proposalRoute from '#app/routes/proposals-new.tsx'
import * as signRoute from '#app/routes/sign.tsx'
import * as storyRoute from '#app/routes/stories-new.tsx'
import * as verifyRoute from '#app/routes/verify.tsx'
import { getDb } from '#db/index.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { signedPerson } from '#tests/support/ladder.ts'
import { bikeVegHeat } from '#tests/support/pledge.ts'
import {
	callAction,
	callLoader,
	cookieFor,
	freshIp,
	renderRoute,
	type Answer,
	type FormFields,
} from '#tests/support/routes.ts'
import { approvedPartner, storyForm } from '#tests/support/stories.ts'

/**
 * The honeypot and the rate limits on every public form (docs/decisions/0020): a filled honeypot
 * gets 400 and a full limit 429, each with a message above the form and nothing stored; the same
 * form left alone still goes through.
 */
const db = getDb()
const HONEYPOT_MESSAGE = 'Formuläret togs inte emot: ett fält som ska lämnas tomt var ifyllt. Töm det och skicka igen.'
const LIMIT_MESSAGE = 'Du har skickat det här formuläret många gånger på kort tid. Vänta en stund och försök igen.'

const count = async (
	table:
		| 'signature'
		| 'event_rsvp'
		| 'question'
		| 'proposal'
		| 'story'
		| 'award_nomination'
		| 'partner'
		| 'outbox'
		| 'session'
		| 'image',
) =>
	Number(
		(
			await db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n,
	)

/** The form-level errors of an answer, whichever shape the route gives them in. */
function formErrors(answer: Answer): string[] | undefined {
	const data = answer.data ?? {}
	const reply = data.result ?? data.reply ?? data
	return reply.error?.[''] ?? data.refusal
}

/** Fills a person's bucket for a form as if they had used it up this hour. */
async function useUp(form: PublicForm, userId: number) {
	const { limit } = PUBLIC_FORM_LIMITS[form].perPerson
	const at = new Date().toISOString()
	const bucket = rateLimitBucket(form, 'person', userId)
	await db
		.insertInto('rate_limit_hit')
		.values(Array.from({ length: limit }, () => ({ bucket, at })))
		.execute()
}

interface Case {
	name: string
	form: PublicForm
	/** The table a submission writes to. */
	table: Parameters<typeof count>[0]
	/** A person allowed to use the form, a good submission and where it is posted. */
	setUp: () => Promise<{ userId: number; post: (fields: FormFields) => Promise<Answer>; fields: FormFields }>
	/** The status of a good submission. */
	ok: number
}

let challenges: number[] | undefined
async function challengeIds() {
	challenges ??= await Promise.all(
		['Cykla mer', 'Mindre matsvinn', 'Grön el'].map((title) =>
			addChallenge(db, { titleSv: `${title} ${Math.random()}`, titleEn: title, description: '' }),
		),
	)
	return challenges
}

const cases: Case[] = [
	{
		name: 'an RSVP',
		form: 'rsvp',
		table: 'event_rsvp',
		ok: 303,
		setUp: async () => {
			const organiser = await makeUser(db, { role: 'organiser' })
			const event = await makeEvent(db, organiser.id, new Date(Date.now() + 14 * 86_400_000))
			const person = await makeUser(db)
			const cookie = await cookieFor(person.id)
			return {
				userId: person.id,
				fields: { intent: 'rsvp' },
				post: (form) =>
					callAction(eventRoute, `/events/${event.slug}`, { cookie, params: { event: event.slug }, form }),
			}
		},
	},
	{
		name: 'a question to the politicians',
		form: 'question',
		table: 'question',
		ok: 303,
		setUp: async () => {
			const organiser = await makeUser(db, { role: 'organiser' })
			const event = await makeEvent(db, organiser.id, new Date(Date.now() + 14 * 86_400_000), {
				type: 'politician-qa',
			})
			const person = await makeUser(db)
			const cookie = await cookieFor(person.id)
			return {
				userId: person.id,
				fields: { intent: 'question-ask', text: 'När kommer cykelbanan?' },
				post: (form) =>
					callAction(eventRoute, `/events/${event.slug}`, { cookie, params: { event: event.slug }, form }),
			}
		},
	},
	{
		name: 'a proposal',
		form: 'proposal',
		table: 'proposal',
		ok: 303,
		setUp: async () => {
			const { userId } = await signedPerson(db)
			const cookie = await cookieFor(userId)
			return {
				userId,
				fields: { title: 'Solceller på taken', summary: 'Solceller på kommunens tak.', body: 'Taken är **många**.' },
				post: (form) => callAction(proposalRoute, '/proposals/new', { cookie, form }),
			}
		},
	},
	{
		name: 'a story',
		form: 'story',
		table: 'story',
		ok: 303,
		setUp: async () => {
			const partner = await approvedPartner(db)
			const cookie = await cookieFor(partner.person.id)
			return {
				userId: partner.person.id,
				fields: storyForm(partner.id),
				post: (form) => callAction(storyRoute, '/stories/new', { cookie, form }),
			}
		},
	},
	{
		name: 'a nomination',
		form: 'nomination',
		table: 'award_nomination',
		ok: 303,
		setUp: async () => {
			const person = await makeUser(db)
			const cookie = await cookieFor(person.id)
			return {
				userId: person.id,
				fields: { nomineeKind: 'resident', nomineeName: 'Maja Lindqvist', action: 'Startade en lånecykelring.' },
				post: (form) => callAction(nominateRoute, '/awards/nominate', { cookie, form }),
			}
		},
	},
	{
		name: 'joining as a partner',
		form: 'partner-join',
		table: 'partner',
		ok: 302,
		setUp: async () => {
			const person = await makeUser(db)
			const cookie = await cookieFor(person.id)
			return {
				userId: person.id,
				fields: {
					name: `Bageriet ${Math.random()}`,
					type: 'business',
					sector: 'Livsmedel',
					size: '10-49',
					district: 'Centrum',
					website: 'bageriet.example',
					description: 'Ett surdegsbageri.',
				},
				post: (form) => callAction(joinRoute, '/partners/join', { cookie, form }),
			}
		},
	},
]

describe('the honeypot and rate limits on public forms', () => {
	for (const { name, form, table, setUp, ok } of cases) {
		test(`${name}: a filled honeypot gets 400, a full limit 429, nothing stored either way; a person gets through`, async () => {
			const { userId, post, fields } = await setUp()
			const before = await count(table)

			const trap = await post({ ...fields, [HONEYPOT_FIELD]: 'https://spam.example' })
			expect(trap.status).toBe(400)
			expect(formErrors(trap)).toEqual([HONEYPOT_MESSAGE])
			expect(await count(table)).toBe(before)

			// The honeypot refusal took no hit: a person still has the whole limit.
			const hits = await db
				.selectFrom('rate_limit_hit')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('bucket', '=', rateLimitBucket(form, 'person', userId))
				.executeTakeFirstOrThrow()
			expect(Number(hits.n)).toBe(0)

			// The honeypot left empty, as the browser sends it, goes through.
			const good = await post({ ...fields, [HONEYPOT_FIELD]: '' })
			expect(good.status).toBe(ok)
			expect(await count(table)).toBe(before + 1)

			await useUp(form, userId)
			const tooMany = await post(fields)
			expect(tooMany.status).toBe(429)
			expect(formErrors(tooMany)).toEqual([LIMIT_MESSAGE])
			expect(await count(table)).toBe(before + 1)
		})
	}

	test('signing an agreement: a filled honeypot and a full limit sign nothing', async () => {
		const person = await makeUser(db)
		const cookie = await cookieFor(person.id)
		const joined = await callAction(joinRoute, '/partners/join', {
			cookie,
			form: {
				name: `Skolan ${Math.random()}`,
				type: 'school',
				sector: 'Utbildning',
				size: '10-49',
				description: 'En skola.',
			},
		})
		const slug = joined.location!.split('/')[2]!
		const fields = {
			communication: 'En berättelse om året.',
			education: 'Ett elevprojekt om året.',
			baselineYear: '2022',
			target2030Percent: '70',
			climateNeutralYear: '2045',
			challenges: (await challengeIds()).map(String),
			confirm: 'on',
		}
		const post = (form: FormFields) =>
			callAction(agreementRoute, `/partners/${slug}/sign`, { cookie, params: { slug }, form })
		const signedAgreements = async () =>
			(await db.selectFrom('agreement').select('signed_at').where('signed_by', '=', person.id).execute()).length

		const trap = await post({ ...fields, [HONEYPOT_FIELD]: 'x' })
		expect([trap.status, formErrors(trap)]).toEqual([400, [HONEYPOT_MESSAGE]])
		await useUp('agreement', person.id)
		const tooMany = await post(fields)
		expect([tooMany.status, formErrors(tooMany)]).toEqual([429, [LIMIT_MESSAGE]])
		expect(await signedAgreements()).toBe(0)
	})

	test('signing the pact, asking for a code and typing it: a filled honeypot stores and sends nothing', async () => {
		const { bike } = await bikeVegHeat(db)
		const email = `honeypot-${Math.random().toString(36).slice(2)}@example.se`
		const [signatures, outbox, sessions] = [await count('signature'), await count('outbox'), await count('session')]

		const sign = await callAction(signRoute, '/sign', {
			ip: freshIp(),
			form: {
				name: 'Alva Lind',
				email,
				livesInMunicipality: 'yes',
				commitmentIds: [String(bike)],
				consent: 'on',
				[HONEYPOT_FIELD]: 'spam',
			},
		})
		expect([sign.status, formErrors(sign)]).toEqual([400, [HONEYPOT_MESSAGE]])
		// The input comes back to the form, the message above it, and the trap stays hidden and out of reach.
		expect(sign.data.initialValue).toMatchObject({ name: 'Alva Lind', email })
		const page = await callLoader(signRoute, '/sign')
		const html = await renderRoute({
			Component: signRoute.default,
			url: '/sign',
			loaderData: page.data,
			actionData: sign.data,
		})
		expect(html).toContain(`role="alert"`)
		expect(html).toContain(HONEYPOT_MESSAGE)
		expect(html).toContain('value="Alva Lind"')
		const trap = html.match(
			/<div class="visually-hidden" aria-hidden="true"><label>[^<]+(<input [^>]+>)<\/label><\/div>/,
		)?.[1]
		expect(trap).toContain(`name="${HONEYPOT_FIELD}"`)
		expect(trap).toContain('tabindex="-1"')
		expect(trap).toMatch(/autocomplete="off"/i)
		const login = await callAction(loginRoute, '/login', { ip: freshIp(), form: { email, [HONEYPOT_FIELD]: 'spam' } })
		expect([login.status, formErrors(login)]).toEqual([400, [HONEYPOT_MESSAGE]])

		const verify = await callAction(verifyRoute, '/verify', {
			ip: freshIp(),
			form: { email, purpose: 'sign-in', code: '123456', [HONEYPOT_FIELD]: 'spam' },
		})
		expect([verify.status, formErrors(verify)]).toEqual([400, [HONEYPOT_MESSAGE]])

		expect([await count('signature'), await count('outbox'), await count('session')]).toEqual([
			signatures,
			outbox,
			sessions,
		])
		// Left empty, the same sign-in request goes through.
		expect(
			(await callAction(loginRoute, '/login', { ip: freshIp(), form: { email, [HONEYPOT_FIELD]: '' } })).status,
		).toBe(302)
	})
	test("the edit forms that show the honeypot refuse it too: a proposal draft and a partner's details stay as they were", async () => {
		const { userId } = await signedPerson(db)
		const cookie = await cookieFor(userId)
		const draft = { title: 'Solceller på taken', summary: 'Solceller på kommunens tak.', body: 'Taken är många.' }
		const created = await callAction(proposalRoute, '/proposals/new', { cookie, form: draft })
		const id = created.location!.split('/')[2]!.split('?')[0]!
		const edit = (form: FormFields) =>
			callAction(editRoute, `/proposals/${id}/edit`, { cookie, params: { proposalId: id }, form })
		const trap = await edit({ ...draft, title: 'Köp billiga klockor', [HONEYPOT_FIELD]: 'spam' })
		expect([trap.status, formErrors(trap)]).toEqual([400, [HONEYPOT_MESSAGE]])
		const title = async () =>
			(await db.selectFrom('proposal').select('title').where('id', '=', Number(id)).executeTakeFirstOrThrow()).title
		expect(await title()).toBe(draft.title)
		expect((await edit({ ...draft, title: 'Solceller på alla tak' })).status).toBe(303)
		expect(await title()).toBe('Solceller på alla tak')

		const person = await makeUser(db)
		const contact = await cookieFor(person.id)
		const details = {
			name: `Bageriet ${Math.random()}`,
			type: 'business',
			sector: 'Livsmedel',
			size: '10-49',
			description: 'Ett surdegsbageri.',
		}
		const joined = await callAction(joinRoute, '/partners/join', { cookie: contact, form: details })
		const slug = joined.location!.split('/')[2]!
		const manage = await callAction(manageRoute, `/partners/${slug}/manage?intent=details`, {
			cookie: contact,
			params: { slug },
			form: { ...details, sector: 'Spam', [HONEYPOT_FIELD]: 'spam' },
		})
		expect([manage.status, formErrors(manage)]).toEqual([400, [HONEYPOT_MESSAGE]])
		const partner = await db.selectFrom('partner').select('sector').where('slug', '=', slug).executeTakeFirstOrThrow()
		expect(partner.sector).toBe('Livsmedel')
	})
})
