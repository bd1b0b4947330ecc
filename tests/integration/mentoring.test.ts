import { describe, expect, test } from 'vitest'
import { pairMentor } from '#app/mentoring/mentoring.server.ts'
import { localToday } from '#app/partners/partners.server.ts'
import { addToLocalDate } from '#app/common/time.ts'
import * as adminMentoring from '#app/routes/admin-mentoring.tsx'
import * as partnerMentoring from '#app/routes/partners-mentoring.tsx'
import * as printableAgreement from '#app/routes/partners-agreement.tsx'
import * as managePage from '#app/routes/partners-manage.tsx'
import { getDb } from '#db/index.ts'
import { makeUser } from '#tests/support/events.ts'
import {
	addMember,
	approvedPartner,
	coordinator,
	introductionMails,
	mentorshipsOfMentee,
	waitingPartner,
} from '#tests/support/mentoring-projects.ts'
import { callAction, callLoader, cookieFor, renderRoute } from '#tests/support/routes.ts'

/** Mentoring: pairing by coordinators and its rules, the introduction email, who sees the contacts, the meeting log. */
const db = getDb()

async function coordinatorCookie() {
	return cookieFor((await coordinator(db)).id)
}

function pair(cookie: string, menteeId: number, mentorId: number) {
	return callAction(adminMentoring, '/admin/mentoring?intent=pair', {
		cookie,
		form: { menteeId: String(menteeId), mentorId: String(mentorId) },
	})
}

/** A mentee and its mentor, paired by a coordinator through the page. */
async function paired() {
	const mentee = await approvedPartner(db, { name: 'Rosengårdens Café' })
	const mentor = await approvedPartner(db, { name: 'Bageriet Kärnan' })
	const answer = await pair(await coordinatorCookie(), mentee.id, mentor.id)
	expect(answer.location).toBe('/admin/mentoring?done=paired')
	const [mentorship] = await mentorshipsOfMentee(db, mentee.id)
	return { mentee, mentor, mentorshipId: mentorship!.id }
}

const mentoringPage = (slug: string, cookie?: string) =>
	callLoader(partnerMentoring, `/partners/${slug}/mentoring`, { cookie, params: { slug } })

function logMeeting(slug: string, cookie: string, form: Record<string, string>) {
	return callAction(partnerMentoring, `/partners/${slug}/mentoring`, { cookie, params: { slug }, form })
}

describe('pairing a mentee with a mentor', () => {
	test('both sides’ contacts are introduced to each other by email, once', async () => {
		const { mentee, mentor, mentorshipId } = await paired()
		const mails = await introductionMails(db, mentorshipId)
		expect(mails.map((mail) => mail.to_address).sort()).toEqual([mentee.person.email, mentor.person.email].sort())
		const toMentee = mails.find((mail) => mail.to_address === mentee.person.email)!
		expect(toMentee.subject).toBe('Möt er mentor: Bageriet Kärnan')
		// The mentee's contact gets the mentor's contact person, and the other way round.
		expect(toMentee.text).toContain(mentor.person.email)
		expect(toMentee.text).toContain(`/partners/${mentee.slug}/mentoring`)
		const toMentor = mails.find((mail) => mail.to_address === mentor.person.email)!
		expect(toMentor.subject).toBe('Ni blir mentor för Rosengårdens Café')
		expect(toMentor.text).toContain(mentee.person.email)

		// Pairing the same mentee again is refused with a message beside the field, and sends nothing.
		const again = await pair(await coordinatorCookie(), mentee.id, mentor.id)
		expect(again.status).toBe(400)
		expect(again.data.result.error.menteeId).toEqual([
			'Den här partnern har redan en mentor: Bageriet Kärnan. Avsluta det mentorskapet först.',
		])
		expect(await mentorshipsOfMentee(db, mentee.id)).toHaveLength(1)
		for (const address of [mentee.person.email, mentor.person.email])
			expect(await db.selectFrom('outbox').select('id').where('to_address', '=', address).execute()).toHaveLength(1)
	})

	test('a partner cannot mentor itself, and both must have an approved agreement', async () => {
		const cookie = await coordinatorCookie()
		const approved = await approvedPartner(db)
		const waiting = await waitingPartner(db)

		const itself = await pair(cookie, approved.id, approved.id)
		expect(itself.status).toBe(400)
		expect(itself.data.result.error.mentorId).toEqual([
			'En partner kan inte vara mentor åt sig själv. Välj en annan mentor.',
		])

		const waitingMentee = await pair(cookie, waiting.id, approved.id)
		expect(waitingMentee.status).toBe(400)
		expect(waitingMentee.data.result.error.menteeId).toEqual([
			'Bara partner med ett godkänt avtal som gäller i dag kan paras ihop.',
		])
		const waitingMentor = await pair(cookie, approved.id, waiting.id)
		expect(waitingMentor.data.result.error.mentorId).toEqual([
			'Bara partner med ett godkänt avtal som gäller i dag kan paras ihop.',
		])

		const nothingChosen = await callAction(adminMentoring, '/admin/mentoring?intent=pair', { cookie, form: {} })
		expect(nothingChosen.status).toBe(400)
		expect(nothingChosen.data.result.error.menteeId).toEqual(['Välj en partner i listan.'])

		const rows = await db
			.selectFrom('mentorship')
			.select('id')
			.where('mentee_partner_id', 'in', [approved.id, waiting.id])
			.execute()
		expect(rows).toEqual([])
		expect(
			await db.selectFrom('outbox').select('id').where('to_address', '=', approved.person.email).execute(),
		).toEqual([])
	})

	test('a mentor may have several mentees; two coordinators pairing one mentee at once make one mentorship', async () => {
		const mentor = await approvedPartner(db)
		const first = await approvedPartner(db)
		const second = await approvedPartner(db)
		const cookie = await coordinatorCookie()
		expect((await pair(cookie, first.id, mentor.id)).status).toBe(303)
		expect((await pair(cookie, second.id, mentor.id)).status).toBe(303)

		const other = await approvedPartner(db)
		const boss = await coordinator(db)
		const outcomes = await Promise.all([
			pairMentor(db, { menteeId: other.id, mentorId: mentor.id }, boss.id),
			pairMentor(db, { menteeId: other.id, mentorId: first.id }, boss.id),
		])
		expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['paired', 'refused'])
		expect(await mentorshipsOfMentee(db, other.id)).toHaveLength(1)
	})

	test('only coordinators pair: a partner’s contact gets 403, a visitor is sent to sign in', async () => {
		const mentee = await approvedPartner(db)
		const mentor = await approvedPartner(db)
		const asContact = await pair(await cookieFor(mentee.person.id), mentee.id, mentor.id)
		expect(asContact.status).toBe(403)
		expect(
			(await callLoader(adminMentoring, '/admin/mentoring', { cookie: await cookieFor(mentee.person.id) })).status,
		).toBe(403)
		const anonymous = await callLoader(adminMentoring, '/admin/mentoring')
		expect(anonymous.location).toMatch(/^\/login\?redirectTo=%2Fadmin%2Fmentoring/)
		expect(await mentorshipsOfMentee(db, mentee.id)).toEqual([])
	})
})

describe('the mentoring page', () => {
	test('mentee and mentor see each other’s contacts and agreement; nobody else gets in', async () => {
		const { mentee, mentor, mentorshipId } = await paired()
		// A reporter acts for the mentor too, and sees the same.
		const reporter = await addMember(db, mentor.id, 'reporter', 'Rut Rapportör')

		const asMentee = await mentoringPage(mentee.slug, await cookieFor(mentee.person.id))
		expect(asMentee.status).toBe(200)
		expect(asMentee.data.mentorships).toEqual([
			expect.objectContaining({
				id: mentorshipId,
				side: 'mentee',
				other: expect.objectContaining({
					slug: mentor.slug,
					hasAgreement: true,
					contacts: [{ name: mentor.person.name, email: mentor.person.email }],
				}),
			}),
		])
		const asReporter = await mentoringPage(mentor.slug, await cookieFor(reporter.id))
		expect(asReporter.data.mentorships[0]).toMatchObject({
			side: 'mentor',
			other: { slug: mentee.slug, contacts: [{ name: mentee.person.name, email: mentee.person.email }] },
		})

		// The page shows the mentor's contact and links its printable agreement, which the mentee may open.
		const html = await renderRoute({
			Component: partnerMentoring.default,
			url: `/partners/${mentee.slug}/mentoring`,
			loaderData: asMentee.data,
		})
		expect(html).toContain(`href="mailto:${mentor.person.email}"`)
		expect(html).toContain(`href="/partners/${mentor.slug}/agreement"`)
		const agreement = await callLoader(printableAgreement, `/partners/${mentor.slug}/agreement`, {
			cookie: await cookieFor(mentee.person.id),
			params: { slug: mentor.slug },
		})
		expect(agreement.status).toBe(200)

		// A third partner's member, a resident and a coordinator get 403; a visitor is sent to sign in.
		const third = await approvedPartner(db)
		const resident = await makeUser(db)
		for (const cookie of [await cookieFor(third.person.id), await cookieFor(resident.id), await coordinatorCookie()]) {
			expect((await mentoringPage(mentee.slug, cookie)).status).toBe(403)
			expect((await mentoringPage(mentor.slug, cookie)).status).toBe(403)
			expect(
				(await logMeeting(mentee.slug, cookie, { mentorshipId: String(mentorshipId), metOn: localToday() })).status,
			).toBe(403)
		}
		const visitor = await mentoringPage(mentee.slug)
		expect(visitor.location).toBe(`/login?redirectTo=${encodeURIComponent(`/partners/${mentee.slug}/mentoring`)}`)
		expect((await mentoringPage('no-such-partner', await cookieFor(mentee.person.id))).status).toBe(404)

		// A partner without a mentorship sees that it has none, not anyone else's.
		const alone = await mentoringPage(third.slug, await cookieFor(third.person.id))
		expect(alone.data.mentorships).toEqual([])
	})

	test('the manage page links the mentoring page', async () => {
		const partner = await approvedPartner(db)
		const manage = await callLoader(managePage, `/partners/${partner.slug}/manage`, {
			cookie: await cookieFor(partner.person.id),
			params: { slug: partner.slug },
		})
		const html = await renderRoute({
			Component: managePage.default,
			url: `/partners/${partner.slug}/manage`,
			loaderData: manage.data,
		})
		expect(html).toContain(`href="/partners/${partner.slug}/mentoring"`)
	})
})

describe('the meeting log', () => {
	test('either side logs a meeting; both see it, and the coordinators see the count and the last one', async () => {
		const { mentee, mentor, mentorshipId } = await paired()
		const today = localToday()
		const logged = await logMeeting(mentee.slug, await cookieFor(mentee.person.id), {
			mentorshipId: String(mentorshipId),
			metOn: today,
			note: 'Vi gick igenom avtalet.\nNästa gång: basåret.',
		})
		expect(logged.location).toBe(`/partners/${mentee.slug}/mentoring?done=logged`)
		const reporter = await addMember(db, mentor.id, 'reporter', 'Rut Rapportör')
		expect(
			(
				await logMeeting(mentor.slug, await cookieFor(reporter.id), {
					mentorshipId: String(mentorshipId),
					metOn: today,
				})
			).status,
		).toBe(303)

		const asMentor = await mentoringPage(mentor.slug, await cookieFor(mentor.person.id))
		expect(asMentor.data.mentorships[0].meetings).toEqual([
			expect.objectContaining({ metOn: today, note: null, loggedBy: 'Rut Rapportör' }),
			expect.objectContaining({
				metOn: today,
				note: 'Vi gick igenom avtalet.\nNästa gång: basåret.',
				loggedBy: mentee.person.name,
			}),
		])

		const admin = await callLoader(adminMentoring, '/admin/mentoring', { cookie: await coordinatorCookie() })
		expect(admin.data.mentorships.find((row: { id: number }) => row.id === mentorshipId)).toMatchObject({
			mentee: { name: 'Rosengårdens Café' },
			mentor: { name: 'Bageriet Kärnan' },
			meetings: 2,
			lastMeeting: today,
		})
	})

	test('a day in the future, no day, or a day before the pairing gets its message and stores nothing', async () => {
		const { mentee, mentorshipId } = await paired()
		const cookie = await cookieFor(mentee.person.id)
		const tomorrow = addToLocalDate(localToday(), { days: 1 })
		const future = await logMeeting(mentee.slug, cookie, { mentorshipId: String(mentorshipId), metOn: tomorrow })
		expect(future.status).toBe(400)
		expect(future.data.result.error.metOn).toEqual(['Mötet kan inte ligga i framtiden. Logga det när ni har träffats.'])

		const empty = await logMeeting(mentee.slug, cookie, { mentorshipId: String(mentorshipId), metOn: '', note: '' })
		expect(empty.status).toBe(400)
		expect(empty.data.result.error.metOn).toEqual(['Ange dagen då ni träffades.'])

		const nonsense = await logMeeting(mentee.slug, cookie, { mentorshipId: String(mentorshipId), metOn: '2026-02-30' })
		expect(nonsense.data.result.error.metOn).toEqual(['Ange dagen då ni träffades.'])

		const yesterday = addToLocalDate(localToday(), { days: -1 })
		const before = await logMeeting(mentee.slug, cookie, { mentorshipId: String(mentorshipId), metOn: yesterday })
		expect(before.status).toBe(400)
		expect(before.data.result.error.metOn).toEqual(['Mötet kan inte vara före dagen då ni blev ihopparade.'])

		expect(
			await db.selectFrom('mentoring_meeting').select('id').where('mentorship_id', '=', mentorshipId).execute(),
		).toEqual([])
	})

	test('a meeting cannot be logged on another pair’s mentorship, nor after the mentorship has ended', async () => {
		const { mentee, mentor, mentorshipId } = await paired()
		const third = await approvedPartner(db)
		// The third partner's member posts the mentorship's id from its own page: not theirs.
		const forged = await logMeeting(third.slug, await cookieFor(third.person.id), {
			mentorshipId: String(mentorshipId),
			metOn: localToday(),
		})
		expect(forged.status).toBe(409)
		expect(forged.data.result.error['']).toEqual(['Mentorskapet är redan avslutat.'])

		const ended = await callAction(adminMentoring, '/admin/mentoring?intent=end', {
			cookie: await coordinatorCookie(),
			form: { mentorshipId: String(mentorshipId) },
		})
		expect(ended.location).toBe('/admin/mentoring?done=ended')
		const late = await logMeeting(mentee.slug, await cookieFor(mentee.person.id), {
			mentorshipId: String(mentorshipId),
			metOn: localToday(),
		})
		expect(late.status).toBe(409)
		expect(
			await db.selectFrom('mentoring_meeting').select('id').where('mentorship_id', '=', mentorshipId).execute(),
		).toEqual([])

		// Ended, the mentorship stays in the history without the contacts; the mentee may be paired again.
		const page = await mentoringPage(mentee.slug, await cookieFor(mentee.person.id))
		expect(page.data.mentorships[0]).toMatchObject({ id: mentorshipId, other: { contacts: [] } })
		expect(page.data.mentorships[0].ended).not.toBeNull()
		const endedAgain = await callAction(adminMentoring, '/admin/mentoring?intent=end', {
			cookie: await coordinatorCookie(),
			form: { mentorshipId: String(mentorshipId) },
		})
		expect(endedAgain.location).toBe('/admin/mentoring?done=not-running')
		expect((await pair(await coordinatorCookie(), mentee.id, mentor.id)).status).toBe(303)
	})
})
