import { describe, expect, test } from 'vitest'
import * as eventPage from '#app/routes/events-event.tsx'
import { getDb } from '#db/index.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { callAction, callLoader, cookieFor } from '#tests/support/routes.ts'

/** Questions to politicians on a Q&A event's page: asking, voting once, ranking, answers emailed once. */
const db = getDb()
const DAY = 86_400_000

async function qaEvent(type: 'politician-qa' | 'climate-fika' = 'politician-qa') {
	const organiser = await makeUser(db, { role: 'organiser' })
	const event = await makeEvent(db, organiser.id, new Date(Date.now() + 14 * DAY), {
		type,
		title: 'Politikerutfrågning om klimatmålet',
	})
	return { event, organiser }
}

async function post(slug: string, userId: number, form: Record<string, string>) {
	return callAction(eventPage, `/events/${slug}`, { cookie: await cookieFor(userId), params: { event: slug }, form })
}

async function questions(slug: string, userId?: number) {
	const cookie = userId ? await cookieFor(userId) : undefined
	return (await callLoader(eventPage, `/events/${slug}`, { cookie, params: { event: slug } })).data.questions
}

const questionMails = (questionId: number) =>
	db
		.selectFrom('outbox')
		.select(['to_address', 'subject', 'text'])
		.where('idempotency_key', 'like', `question:${questionId}:%`)
		.execute()

describe('questions to politicians', () => {
	test('people ask and vote once per question; the list is ranked by votes', async () => {
		const { event } = await qaEvent()
		const [anna, bo, cia] = [await makeUser(db), await makeUser(db), await makeUser(db)]
		expect((await post(event.slug, anna.id, { intent: 'question-ask', text: 'Cykelbanor till Råå?' })).location).toBe(
			`/events/${event.slug}?done=question-asked#questions`,
		)
		await post(event.slug, bo.id, { intent: 'question-ask', text: 'Vegetariskt i skolan?' })
		const [first, second] = (await questions(event.slug)).questions as Array<{ id: number; text: string }>
		expect([first!.text, second!.text]).toEqual(['Cykelbanor till Råå?', 'Vegetariskt i skolan?'])

		// Cia votes for the second question twice (a double click): one vote.
		for (let i = 0; i < 2; i += 1)
			await post(event.slug, cia.id, { intent: 'question-vote', questionId: String(second!.id) })
		await post(event.slug, anna.id, { intent: 'question-vote', questionId: String(second!.id) })
		const ranked = await questions(event.slug, cia.id)
		expect(
			ranked.questions.map((q: { text: string; voteCount: number; votedByMe: boolean }) => [
				q.text,
				q.voteCount,
				q.votedByMe,
			]),
		).toEqual([
			['Vegetariskt i skolan?', 3, true],
			['Cykelbanor till Råå?', 1, false],
		])
		const votes = await db.selectFrom('question_vote').selectAll().where('question_id', '=', second!.id).execute()
		expect(votes.map((v) => v.user_id).sort()).toEqual([anna.id, bo.id, cia.id].sort())

		await post(event.slug, cia.id, { intent: 'question-unvote', questionId: String(second!.id) })
		await post(event.slug, cia.id, { intent: 'question-unvote', questionId: String(second!.id) })
		expect((await questions(event.slug)).questions[0]).toMatchObject({ text: 'Vegetariskt i skolan?', voteCount: 2 })
	})

	test('an empty question gets a message and writes nothing; other events take no questions', async () => {
		const { event } = await qaEvent()
		const person = await makeUser(db)
		const answer = await post(event.slug, person.id, { intent: 'question-ask', text: '   ' })
		expect(answer.status).toBe(400)
		expect(answer.data.form).toBe('ask')
		expect(answer.data.reply.error.text).toEqual(['Fyll i det här fältet.'])
		expect(await db.selectFrom('question').select('id').where('event_id', '=', event.id).execute()).toEqual([])

		const fika = (await qaEvent('climate-fika')).event
		expect(await questions(fika.slug)).toBeNull()
		expect((await post(fika.slug, person.id, { intent: 'question-ask', text: 'Hej?' })).status).toBe(404)
	})

	test('organisers mark what was asked and record the answer; the asker and voters are emailed once', async () => {
		const { event, organiser } = await qaEvent()
		const [asker, voter, bystander] = [await makeUser(db), await makeUser(db, { language: 'en' }), await makeUser(db)]
		await post(event.slug, asker.id, { intent: 'question-ask', text: 'När blir cykelbanan klar?' })
		const { id } = (await questions(event.slug)).questions[0] as { id: number }
		await post(event.slug, voter.id, { intent: 'question-vote', questionId: String(id) })

		// A resident may not answer or mark.
		expect((await post(event.slug, bystander.id, { intent: 'question-asked', questionId: String(id) })).status).toBe(
			403,
		)
		expect(
			(await post(event.slug, bystander.id, { intent: 'question-answer', questionId: String(id), answer: 'Nej' }))
				.status,
		).toBe(403)

		await post(event.slug, organiser.id, { intent: 'question-asked', questionId: String(id) })
		expect((await questions(event.slug)).questions[0]).toMatchObject({ asked: true })
		const answer = {
			intent: 'question-answer',
			questionId: String(id),
			answer: 'Hösten 2027.',
			followUpOn: '2027-10-01',
		}
		await post(event.slug, organiser.id, answer)
		// A correction later: saved, but nobody is emailed again.
		await post(event.slug, organiser.id, { ...answer, answer: 'Hösten 2027, första etappen.' })

		const mails = await questionMails(id)
		expect(mails.map((m) => m.to_address).sort()).toEqual([asker.email, voter.email].sort())
		expect(mails.find((m) => m.to_address === voter.email)!.subject).toBe(
			'The politicians answered a question from Politikerutfrågning om klimatmålet',
		)
		expect(mails.find((m) => m.to_address === asker.email)!.text).toContain('Vi följer upp svaret 1 oktober 2027.')
		expect((await questions(event.slug)).questions[0]).toMatchObject({
			answer: 'Hösten 2027, första etappen.',
			followUpText: '1 oktober 2027',
		})
	})
})
