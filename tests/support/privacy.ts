import type { DB } from '#db/index.ts'
import { createSession } from '#app/auth/session.server.ts'
import { rsvp, takeHelperShift } from '#app/events/rsvp.server.ts'
import { createDraft, publishProposal } from '#app/proposals/drafts.server.ts'
import { supportProposal } from '#app/proposals/support.server.ts'
import { askQuestion, setVote } from '#app/questions/questions.server.ts'
import { nominate } from '#app/stories/awards.server.ts'
import { submitStory } from '#app/stories/stories.server.ts'
import { followTheme } from '#app/themes/follow.server.ts'
import { makeEvent, makeUser } from '#tests/support/events.ts'
import { eventAt, signedPerson } from '#tests/support/ladder.ts'
import { approvedPartner } from '#tests/support/partners-reports.ts'
import { bikeVegHeat } from '#tests/support/pledge.ts'
import { draftInput, openProposal } from '#tests/support/proposals.ts'
import { makeTheme } from '#tests/support/themes.ts'

/**
 * Test data for the privacy area: a person who did a bit of everything, through the app's own
 * functions, next to other people doing the same, so a test can tell the person's rows from theirs.
 */

const day = 86_400_000

/** A signatory with a place at a full event (someone waiting behind them), a helper shift, a proposal, support, a question and a vote, a theme, a story and a nomination. */
export async function busyPerson(db: DB, now = new Date()) {
	const { bike, veg } = await bikeVegHeat(db)
	const person = await signedPerson(db, now, { commitmentIds: [bike, veg], newsletterConsent: true })
	const other = await signedPerson(db, now, { commitmentIds: [bike] })
	const waiting = await makeUser(db, { name: 'Vera Väntande' })

	// A full event: the person has the one place, someone waits.
	const full = await eventAt(db, new Date(now.getTime() + 10 * day), { needed: 2 })
	await db.updateTable('event').set({ capacity: 1 }).where('id', '=', full.id).execute()
	await rsvp(db, full.id, person.userId, now)
	await rsvp(db, full.id, waiting.id, now)
	await takeHelperShift(db, full.shiftId, person.userId, now)

	// Proposals: their own, and support for someone else's alongside another supporter.
	const own = await createDraft(db, person.userId, draftInput({ title: 'Fler laddstolpar' }))
	if (!own.ok) throw new Error('could not draft')
	await publishProposal(db, own.proposalId, person.userId)
	const { proposalId: supported } = await openProposal(db)
	await supportProposal(db, supported, person.userId, now)
	await supportProposal(db, supported, other.userId, now)

	// A question at a Q&A with a politician, and votes on it from both.
	const qa = await makeEvent(db, (await makeUser(db, { role: 'organiser' })).id, new Date(now.getTime() + 20 * day), {
		type: 'politician-qa',
		title: 'Fråga politikerna',
	})
	const asked = await askQuestion(db, qa, person.userId, 'När kommer cykelbanan till Ramlösa?', now)
	if (asked.kind !== 'asked') throw new Error(`could not ask: ${asked.kind}`)
	await setVote(db, qa, asked.questionId, person.userId, true, now)
	await setVote(db, qa, asked.questionId, other.userId, true, now)

	const themeId = await makeTheme(db)
	await followTheme(db, themeId, person.userId, now)
	await followTheme(db, themeId, other.userId, now)

	// A partner they report for (someone else is its contact), a story and a nomination.
	const partner = await approvedPartner(db, { name: 'Bageriet på hörnet' })
	await db
		.insertInto('partner_member')
		.values({ partner_id: partner.id, user_id: person.userId, role: 'reporter' })
		.execute()
	const story = await submitStory(
		db,
		person.userId,
		{ partnerId: partner.id, title: 'Vi bakar med solel', body: 'Sedan i våras.' },
		null,
		now,
	)
	if (!story.ok) throw new Error('could not submit the story')
	await nominate(
		db,
		person.userId,
		{ nomineeKind: 'resident', nomineeName: 'Greta Granne', action: 'Startade en bytesdag.' },
		now,
	)

	await createSession(db, person.userId, now)
	return {
		...person,
		other,
		waiting,
		full,
		ownProposal: own.proposalId,
		supported,
		qa,
		questionId: asked.questionId,
		themeId,
		partner,
		storyId: story.storyId,
	}
}
