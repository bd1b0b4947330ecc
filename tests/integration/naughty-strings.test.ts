import { beforeAll, expect, test } from 'vitest'
import * as signRoute from '#app/routes/sign.tsx'
import * as loginRoute from '#app/routes/login.tsx'
import * as proposalNew from '#app/routes/proposals-new.tsx'
import * as eventNew from '#app/routes/organise-event-new.tsx'
import * as storyNew from '#app/routes/stories-new.tsx'
import * as nominate from '#app/routes/awards-nominate.tsx'
import * as partnersJoin from '#app/routes/partners-join.tsx'
import * as eventPage from '#app/routes/events-event.tsx'
import * as newsletterPage from '#app/routes/admin-newsletters-newsletter.tsx'
import { createNewsletter } from '#app/newsletters/campaigns.server.ts'
import * as projectPage from '#app/routes/projects-project.tsx'
import { projectRow } from '#tests/support/mentoring-projects.ts'
import { getDb } from '#db/index.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { signedPerson } from '#tests/support/ladder.ts'
import { addTestCommitments } from '#tests/support/pledge.ts'
import {
	callAction,
	cookieFor,
	freshIp,
	type Answer,
	type FormFields,
	type RouteModule,
} from '#tests/support/routes.ts'
import { approvedPartner, storyForm } from '#tests/support/stories.ts'
import { naughtySample, naughtyStrings } from '#tests/support/trust.ts'
import * as partnerSign from '#app/routes/partners-sign.tsx'
import * as partnerManage from '#app/routes/partners-manage.tsx'
import * as partnerReports from '#app/routes/partners-reports.tsx'
import * as partnerMentoring from '#app/routes/partners-mentoring.tsx'
import * as dayPage from '#app/routes/partnership-day.tsx'
import * as proposalEdit from '#app/routes/proposals-edit.tsx'
import { addChallenge } from '#app/partners/challenges.server.ts'
import { localToday } from '#app/partners/partners.server.ts'
import { pairMentor } from '#app/mentoring/mentoring.server.ts'
import { parseTags } from '#app/partnership-day/schemas.ts'
import { createDraft } from '#app/proposals/drafts.server.ts'
import { addMember, mentorshipsOfMentee } from '#tests/support/mentoring-projects.ts'
import { reportRow } from '#tests/support/partners-reports.ts'
import { partnershipDay } from '#tests/support/partnership-day.ts'
import { draftInput } from '#tests/support/proposals.ts'

/**
 * The Big List of Naughty Strings through the text fields of the public and role forms: no
 * string gives a server error, and each is either stored as sent (after the field's own
 * normalisation: trimmed; a textarea's line breaks as LF where the field says so; a tag list split
 * into tags) or refused with a message at its field.
 */
const db = getDb()

/** Ten days ahead in the pact's time zone, as the event form's date input takes it. */
const inTenDays = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
	new Date(Date.now() + 10 * 86_400_000),
)

interface FieldCase {
	/** The form and field, as the report names them. */
	name: string
	route: RouteModule
	url: string
	field: string
	params?: Record<string, string>
	strings: string[]
	cookie?: () => Promise<string>
	/** The whole form with this field set to the value. */
	form: (value: string) => FormFields
	/** What was stored from an accepted form; undefined when the form stores nothing to compare (signing in). */
	stored: (value: string) => Promise<string | null | undefined>
	/** What the field keeps of what was sent: trimmed, an empty optional field as null. */
	kept?: (value: string) => string | null
}

/** A form answer's field errors, whether the action answered Conform's reply or wrapped it as `result` or `reply`. */
function fieldErrors(answer: Answer): Record<string, string[] | null> | undefined {
	const reply = answer.data?.error ? answer.data : (answer.data?.result ?? answer.data?.reply)
	return reply?.error
}

/** A string as FormData carries it: lone surrogates become U+FFFD, as in a browser. */
const wellFormed = (value: string) =>
	value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
const trimmed = (value: string) => wellFormed(value).trim()
const trimmedOrNull = (value: string) => trimmed(value) || null
/** A textarea's lines as stored: CR LF (what browsers send) and a lone CR become LF. */
const lines = (value: string) => trimmed(value).replace(/\r\n?/g, '\n')

let commitment = 0
let counter = 0
const cases: FieldCase[] = []

beforeAll(async () => {
	;[commitment] = (await addTestCommitments(db, ['transport'])) as [number]
	const signatory = await signedPerson(db)
	const organiser = await makeUser(db, { role: 'organiser' })
	const partner = await approvedPartner(db)
	const unique = () => `naughty-${(counter += 1)}@example.org`
	const signForm = (overrides: FormFields): FormFields => ({
		name: 'Alva Lind',
		email: unique(),
		livesInMunicipality: 'yes',
		district: 'Tågaborg',
		commitmentIds: [String(commitment)],
		consent: 'on',
		...overrides,
	})
	const newestSignature = () =>
		db
			.selectFrom('signature')
			.innerJoin('user', 'user.id', 'signature.user_id')
			.select(['user.name', 'signature.district'])
			.orderBy('signature.id', 'desc')
			.executeTakeFirstOrThrow()
	const newest = <T extends 'proposal' | 'event' | 'story'>(table: T) =>
		db
			.selectFrom(table as 'proposal')
			.selectAll()
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow()
	const draft = (overrides: FormFields): FormFields => ({
		title: 'Cykelparkering vid stationen',
		summary: 'Låsbara platser.',
		body: 'Många vill cykla till tåget.',
		...overrides,
	})
	const eventForm = (overrides: FormFields): FormFields => ({
		intent: 'save',
		type: 'climate-fika',
		title: 'Klimatfika',
		description: 'Vi ses på biblioteket.',
		date: inTenDays,
		startTime: '18:00',
		endTime: '19:30',
		place: 'Tågaborgs bibliotek',
		capacity: '',
		reminderHours: '24',
		repeat: 'none',
		...overrides,
	})
	const newestEvent = () =>
		db.selectFrom('event').select(['title', 'description', 'place']).orderBy('id', 'desc').executeTakeFirstOrThrow()
	const newestStory = () =>
		db.selectFrom('story').select(['title', 'body']).orderBy('id', 'desc').executeTakeFirstOrThrow()
	const asSignatory = () => cookieFor(signatory.userId)
	const asOrganiser = () => cookieFor(organiser.id)
	const asPartner = () => cookieFor(partner.person.id)
	// Each nomination and each joining partner by a person of their own: one nomination per nominee
	// and month, and one new partner per person, would otherwise refuse the second string.
	const asNewPerson = async () => cookieFor((await makeUser(db)).id)
	const newestNomination = () =>
		db.selectFrom('award_nomination').select(['nominee_name', 'action']).orderBy('id', 'desc').executeTakeFirstOrThrow()
	const newestPartner = () =>
		db.selectFrom('partner').select(['name', 'description']).orderBy('id', 'desc').executeTakeFirstOrThrow()
	const qa = await makeEvent(db, organiser.id, new Date(Date.now() + 14 * 86_400_000), {
		type: 'politician-qa',
		title: 'Politikerutfrågning',
	})
	const newestQuestion = () => db.selectFrom('question').select('text').orderBy('id', 'desc').executeTakeFirstOrThrow()
	const boss = await makeUser(db, { role: 'coordinator' })
	const newsletter = String(await createNewsletter(db, boss.id, 'Höstbrevet'))
	const savedNewsletter = async () => {
		const version = await db
			.selectFrom('newsletter_version')
			.innerJoin('newsletter', 'newsletter.id', 'newsletter_version.newsletter_id')
			.select(['newsletter.title', 'newsletter_version.subject', 'newsletter_version.body'])
			.where('newsletter_id', '=', Number(newsletter))
			.where('language', '=', 'sv')
			.executeTakeFirstOrThrow()
		return { title: version.title, subjectSv: version.subject, bodySv: version.body }
	}
	const project = await projectRow(db, [partner.id])
	cases.push(
		{
			name: 'projects/:slug (update): body',
			route: projectPage,
			url: `/projects/${project.slug}?intent=post`,
			params: { slug: project.slug },
			field: 'body',
			strings: naughtySample,
			cookie: asPartner,
			form: (body) => ({ partnerId: String(partner.id), body }),
			stored: async () =>
				(await db.selectFrom('project_update').select('body').orderBy('id', 'desc').executeTakeFirstOrThrow()).body,
		},
		...(['title', 'subjectSv', 'bodySv'] as const).map((field): FieldCase => ({
			name: `admin/newsletters/:newsletterId: ${field}`,
			route: newsletterPage,
			url: `/admin/newsletters/${newsletter}`,
			params: { newsletterId: newsletter },
			field,
			strings: field === 'bodySv' ? naughtyStrings : naughtySample,
			cookie: () => cookieFor(boss.id),
			form: (value) => ({
				intent: 'save',
				title: 'Höstbrevet',
				subjectSv: 'Nytt från klimatavtalet',
				preheaderSv: '',
				bodySv: 'Hej!',
				subjectEn: '',
				preheaderEn: '',
				bodyEn: '',
				residency: 'all',
				[field]: value,
			}),
			stored: async () => (await savedNewsletter())[field],
		})),
		{
			name: 'events/:event (questions): text',
			route: eventPage,
			url: `/events/${qa.slug}`,
			params: { event: qa.slug },
			field: 'text',
			strings: naughtySample,
			cookie: asNewPerson,
			form: (text) => ({ intent: 'question-ask', text }),
			stored: async () => (await newestQuestion()).text,
		},
		...(
			[
				['nomineeName', 'nominee_name'],
				['action', 'action'],
			] as const
		).map(([field, column]): FieldCase => ({
			name: `awards/nominate: ${field}`,
			route: nominate,
			url: '/awards/nominate',
			field,
			strings: naughtySample,
			cookie: asNewPerson,
			form: (value) => ({
				nomineeKind: 'resident',
				nomineeName: 'Maja Lindqvist',
				action: 'Startade en lånecykelring.',
				[field]: value,
			}),
			stored: async () => (await newestNomination())[column],
		})),
		...(['name', 'description'] as const).map((field): FieldCase => ({
			name: `partners/join: ${field}`,
			route: partnersJoin,
			url: '/partners/join',
			field,
			strings: naughtySample,
			cookie: asNewPerson,
			form: (value) => ({
				name: 'Bageriet Kärnan',
				type: 'business',
				sector: 'Livsmedel',
				size: '10-49',
				district: 'Centrum',
				website: '',
				description: 'Ett surdegsbageri.',
				[field]: value,
			}),
			stored: async () => (await newestPartner())[field],
		})),
		{
			name: 'sign: name',
			route: signRoute,
			url: '/sign',
			field: 'name',
			strings: naughtyStrings,
			form: (name) => signForm({ name }),
			stored: async () => (await newestSignature()).name,
		},
		{
			name: 'sign: district',
			route: signRoute,
			url: '/sign',
			field: 'district',
			strings: naughtySample,
			form: (district) => signForm({ district }),
			stored: async () => (await newestSignature()).district,
			kept: trimmedOrNull,
		},
		{
			name: 'login: email',
			route: loginRoute,
			url: '/login',
			field: 'email',
			strings: naughtyStrings,
			form: (email) => ({ email }),
			stored: async () => undefined,
		},
		{
			name: 'proposals/new: title',
			route: proposalNew,
			url: '/proposals/new',
			field: 'title',
			strings: naughtyStrings,
			cookie: asSignatory,
			form: (title) => draft({ title }),
			stored: async () => (await newest('proposal')).title,
		},
		...(['summary', 'body'] as const).map((field): FieldCase => ({
			name: `proposals/new: ${field}`,
			route: proposalNew,
			url: '/proposals/new',
			field,
			strings: naughtySample,
			cookie: asSignatory,
			form: (value) => draft({ [field]: value }),
			stored: async () => (await newest('proposal'))[field],
		})),
		{
			name: 'organise/events/new: title',
			route: eventNew,
			url: '/organise/events/new',
			field: 'title',
			strings: naughtyStrings,
			cookie: asOrganiser,
			form: (title) => eventForm({ title }),
			stored: async () => (await newestEvent()).title,
		},
		...(['description', 'place'] as const).map((field): FieldCase => ({
			name: `organise/events/new: ${field}`,
			route: eventNew,
			url: '/organise/events/new',
			field,
			strings: naughtySample,
			cookie: asOrganiser,
			form: (value) => eventForm({ [field]: value }),
			stored: async () => (await newestEvent())[field],
			kept: field === 'place' ? trimmedOrNull : trimmed,
		})),
		...(['title', 'body'] as const).map((field): FieldCase => ({
			name: `stories/new: ${field}`,
			route: storyNew,
			url: '/stories/new',
			field,
			strings: naughtySample,
			cookie: asPartner,
			form: (value) => storyForm(partner.id, { [field]: value }),
			stored: async () => (await newestStory())[field],
		})),
	)

	// The partner's own forms. A new contact for each agreement signed: a person may sign 30 times an hour.
	const signing = await approvedPartner(db)
	await db
		.insertInto('agreement')
		.values({
			partner_id: signing.id,
			status: 'draft',
			period_start: '2000-01-01',
			period_end: '2999-12-31',
			created_at: new Date().toISOString(),
		})
		.execute()
	const challenges: string[] = []
	for (const title of ['Ställ om transporterna', 'Minska matsvinnet', 'Cirkulära inköp'])
		challenges.push(String(await addChallenge(db, { titleSv: title, titleEn: title, description: '' })))
	const newestAgreement = () =>
		db
			.selectFrom('agreement')
			.select(['communication_commitment', 'education_commitment'])
			.where('partner_id', '=', signing.id)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow()
	const thisYear = new Date().getFullYear()
	await reportRow(db, partner.id, thisYear - 3, 600, 400, { baseline: true })
	await reportRow(db, partner.id, thisYear - 2, 500, 300)
	const day = await partnershipDay(db)
	// A partner's tags are a set (the table keeps no order), so both sides are compared sorted.
	const dayTags = async (kind: 'offer' | 'seek') =>
		JSON.stringify(
			(
				await db
					.selectFrom('partnership_day_tag')
					.select('tag')
					.where('partner_id', '=', partner.id)
					.where('kind', '=', kind)
					.execute()
			)
				.map((row) => row.tag)
				.sort(),
		)
	const mentor = await approvedPartner(db, { name: 'Bageriet Kärnan' })
	const paired = await pairMentor(db, { menteeId: partner.id, mentorId: mentor.id }, boss.id)
	if (paired.kind !== 'paired') throw new Error(`could not pair: ${JSON.stringify(paired)}`)
	const [mentorship] = await mentorshipsOfMentee(db, partner.id)
	const draftProposal = await createDraft(db, signatory.userId, draftInput())
	if (!draftProposal.ok) throw new Error('could not draft the proposal')
	const proposalId = String(draftProposal.proposalId)
	cases.push(
		...(
			[
				['communication', 'communication_commitment'],
				['education', 'education_commitment'],
			] as const
		).map(([field, column]): FieldCase => ({
			name: `partners/:slug/sign: ${field}`,
			route: partnerSign,
			url: `/partners/${signing.slug}/sign`,
			params: { slug: signing.slug },
			field,
			strings: naughtySample,
			// Signed, an agreement waits for review: each string is signed on a draft again.
			cookie: async () => {
				await db.updateTable('agreement').set({ status: 'draft' }).where('partner_id', '=', signing.id).execute()
				return cookieFor((await addMember(db, signing.id, 'contact')).id)
			},
			form: (value) => ({
				communication: 'En berättelse om året.',
				education: 'Ett elevprojekt om året.',
				baselineYear: '2022',
				target2030Percent: '70',
				climateNeutralYear: '2045',
				challenges,
				confirm: 'on',
				[field]: value,
			}),
			stored: async () => (await newestAgreement())[column],
		})),
		...(['sector', 'district'] as const).map((field): FieldCase => ({
			name: `partners/:slug/manage (details): ${field}`,
			route: partnerManage,
			url: `/partners/${partner.slug}/manage?intent=details`,
			params: { slug: partner.slug },
			field,
			strings: naughtySample,
			cookie: asPartner,
			form: (value) => ({
				name: partner.name,
				type: 'business',
				sector: 'Livsmedel',
				size: '10-49',
				district: 'Centrum',
				website: '',
				description: 'Ett bageri i centrum.',
				[field]: value,
			}),
			stored: async () =>
				(await db.selectFrom('partner').select(field).where('id', '=', partner.id).executeTakeFirstOrThrow())[field],
			kept: field === 'district' ? trimmedOrNull : trimmed,
		})),
		{
			name: 'partners/:slug/reports: actions',
			route: partnerReports,
			url: `/partners/${partner.slug}/reports?edit=${thisYear - 2}`,
			params: { slug: partner.slug },
			field: 'actions',
			strings: naughtySample,
			cookie: asPartner,
			form: (actions) => ({ year: String(thisYear - 2), scope1: '120,5', scope2: '80', scope3: '', actions }),
			stored: async () =>
				(
					await db
						.selectFrom('climate_report')
						.select('actions')
						.where('partner_id', '=', partner.id)
						.where('year', '=', thisYear - 2)
						.executeTakeFirstOrThrow()
				).actions,
		},
		...(['offers', 'seeks'] as const).map((field): FieldCase => ({
			name: `partnership-day/:eventId (sign-up): ${field}`,
			route: dayPage,
			url: `${day.path}?intent=register`,
			params: { eventId: String(day.event.id) },
			field,
			strings: naughtySample,
			cookie: asPartner,
			form: (value) => ({ partnerId: String(partner.id), offers: 'solceller', seeks: '', [field]: value }),
			stored: () => dayTags(field === 'offers' ? 'offer' : 'seek'),
			// Tags are split at commas, semicolons and new lines, trimmed, lower-cased, each once.
			kept: (value) => JSON.stringify(parseTags(wellFormed(value)).sort()),
		})),
		{
			name: 'partners/:slug/mentoring (meeting): note',
			route: partnerMentoring,
			url: `/partners/${partner.slug}/mentoring`,
			params: { slug: partner.slug },
			field: 'note',
			strings: naughtySample,
			cookie: asPartner,
			form: (note) => ({ mentorshipId: String(mentorship!.id), metOn: localToday(), note }),
			stored: async () =>
				(await db.selectFrom('mentoring_meeting').select('note').orderBy('id', 'desc').executeTakeFirstOrThrow()).note,
			kept: (value) => lines(value) || null,
		},
		...(['title', 'body'] as const).map((field): FieldCase => ({
			name: `proposals/:proposalId/edit: ${field}`,
			route: proposalEdit,
			url: `/proposals/${proposalId}/edit`,
			params: { proposalId },
			field,
			strings: naughtySample,
			cookie: asSignatory,
			form: (value) => draft({ [field]: value }),
			stored: async () =>
				(await db.selectFrom('proposal').select(field).where('id', '=', Number(proposalId)).executeTakeFirstOrThrow())[
					field
				],
		})),
		{
			name: 'sign: own words',
			route: signRoute,
			url: '/sign',
			field: 'ownWords[0]',
			strings: naughtyStrings,
			form: (words) => signForm({ 'ownWords[0]': words }),
			// The newest signature's line in its own words; an empty line is left out.
			stored: async () =>
				(
					await db
						.selectFrom('pledge_commitment')
						.select('own_words')
						.where(
							'signature_id',
							'=',
							db.selectFrom('signature').select((eb) => eb.fn.max('id').as('id')),
						)
						.where('own_words', 'is not', null)
						.executeTakeFirst()
				)?.own_words ?? null,
			kept: trimmedOrNull,
		},
	)
})

// 9,310 posts, each a few transactions: about 12 s on SQLite, 50 s on PostgreSQL without fsync and
// about 130 s with it; the limit is for a hang, not a speed check.
test('no naughty string gives a server error; each is stored as sent or refused with a message', async () => {
	const problems: string[] = []
	let submissions = 0
	let accepted = 0
	for (const field of cases) {
		for (const value of field.strings) {
			submissions += 1
			const label = `${field.name} ← ${JSON.stringify(value).slice(0, 60)}`
			let answer: Answer
			// Hundreds of posts by one person would meet the public forms' hourly limits (docs/decisions/0020,
			// tested in public-forms-abuse.test.ts); here each string is a person's first try.
			await db.deleteFrom('rate_limit_hit').where('bucket', 'like', '%:person:%').execute()
			try {
				answer = await callAction(field.route, field.url, {
					form: field.form(value),
					params: field.params,
					cookie: await field.cookie?.(),
					ip: freshIp(),
				})
			} catch (error) {
				problems.push(`${label}: threw ${String(error).slice(0, 120)}`)
				continue
			}
			if (answer.status >= 500) problems.push(`${label}: ${answer.status}`)
			else if (answer.status >= 400) {
				const message = fieldErrors(answer)?.[field.field]?.[0]
				if (!message) problems.push(`${label}: refused (${answer.status}) without a message at the field`)
			} else {
				accepted += 1
				const stored = await field.stored(value)
				const expected = (field.kept ?? trimmed)(value)
				if (stored !== undefined && stored !== expected)
					problems.push(`${label}: stored ${JSON.stringify(stored).slice(0, 60)}`)
			}
		}
	}
	console.info(
		`naughty strings: ${submissions} submissions over ${cases.length} fields (${naughtyStrings.length} strings for the key fields, ${naughtySample.length} for the rest), ${accepted} stored as sent, ${submissions - accepted} refused with a message`,
	)
	expect(problems).toEqual([])
}, 300_000)

test('a meeting note sent with the CR LF line breaks of a browser is stored with LF', async () => {
	const note = cases.find((field) => field.name.startsWith('partners/:slug/mentoring'))!
	const answer = await callAction(note.route, note.url, {
		form: note.form('Vi gick igenom resepolicyn.\r\n\r\nNästa gång: inköp.\rSlut'),
		params: note.params,
		cookie: await note.cookie?.(),
	})
	expect(answer.status).toBe(303)
	expect(await note.stored('')).toBe('Vi gick igenom resepolicyn.\n\nNästa gång: inköp.\nSlut')
})
