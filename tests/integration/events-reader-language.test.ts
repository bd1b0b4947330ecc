import ICAL from 'ical.js'
import { describe, expect, test } from 'vitest'
import { feedToken, personalFeed } from '#app/events/calendar.server.ts'
import { sendEventReminders } from '#app/events/reminders.server.ts'
import { rsvp } from '#app/events/rsvp.server.ts'
import { digestFor, digestPeriod } from '#app/newsletters/digest.server.ts'
import { askQuestion, recordAnswer } from '#app/questions/questions.server.ts'
import * as eventCalendar from '#app/routes/events-event-calendar.ts'
import * as feed from '#app/routes/events-feed.ts'
import * as mine from '#app/routes/events-mine.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import * as ladderRoute from '#app/routes/ladder.tsx'
import * as organiseEvents from '#app/routes/organise-events.tsx'
import * as themePage from '#app/routes/themes-theme.tsx'
import { getDb } from '#db/index.ts'
import type { Event } from '#db/schema.ts'
import { makeEvent, makeUser, outboxTo } from '#tests/support/events.ts'
import { signedPerson } from '#tests/support/ladder.ts'
import { callLoader, cookieFor, renderRoute } from '#tests/support/routes.ts'
import { makeTheme } from '#tests/support/themes.ts'

/**
 * An event written in both languages reaches each person in theirs wherever it is shown, not only
 * on its own page: emails and their calendar entries in the recipient's language, feeds in the
 * reader's, pages in the page's; an event without English shows the Swedish everywhere.
 */
const db = getDb()
const DAY = 86_400_000

const bilingual = {
	title: 'Cykelverkstad i Väla',
	description: 'Vi lagar **cyklar** tillsammans.',
	titleEn: 'Bike repair in Väla',
	descriptionEn: 'We fix **bikes** together.',
}

async function events(days = 3): Promise<{ both: Event; swedishOnly: Event }> {
	const organiser = await makeUser(db, { role: 'organiser' })
	const startsAt = new Date(Date.now() + days * DAY)
	return {
		both: await makeEvent(db, organiser.id, startsAt, bilingual, { now: new Date() }),
		swedishOnly: await makeEvent(
			db,
			organiser.id,
			startsAt,
			{ title: 'Soppkväll i Drottninghög' },
			{ now: new Date() },
		),
	}
}

/** Both events, and a Swedish and an English reader going to each. */
async function bothGoing(days = 3) {
	const made = await events(days)
	const [sv, en] = [await makeUser(db), await makeUser(db, { language: 'en' })]
	for (const person of [sv, en]) {
		await rsvp(db, made.both.id, person.id)
		await rsvp(db, made.swedishOnly.id, person.id)
	}
	return { ...made, sv, en }
}

/** The SUMMARY and DESCRIPTION of each entry in an iCalendar text. */
function entries(ics: string) {
	return new ICAL.Component(ICAL.parse(ics))
		.getAllSubcomponents('vevent')
		.map((v) => new ICAL.Event(v))
		.map((e) => ({ summary: e.summary, description: e.description }))
}

/** The calendar entry attached to an outbox row. */
function attachedEntry(row: { attachments: string }) {
	const [attachment] = JSON.parse(row.attachments) as Array<{ content: string }>
	return entries(Buffer.from(attachment!.content, 'base64').toString('utf8'))[0]!
}

describe("an event in each person's language beyond its own page", () => {
	test('the confirmation email and its .ics: English for an English recipient, Swedish for a Swedish one and where there is no English', async () => {
		const { sv, en } = await bothGoing()
		const [svBoth, svOnly] = await outboxTo(db, sv.email)
		const [enBoth, enOnly] = await outboxTo(db, en.email)

		expect(enBoth!.subject).toBe("You're going: Bike repair in Väla")
		expect(enBoth!.text).toContain('Bike repair in Väla')
		expect(enBoth!.text).not.toContain('Cykelverkstad')
		expect(attachedEntry(enBoth!)).toMatchObject({ summary: 'Bike repair in Väla' })
		expect(attachedEntry(enBoth!).description).toContain('We fix bikes together.')

		expect(svBoth!.subject).toBe('Du är anmäld: Cykelverkstad i Väla')
		expect(attachedEntry(svBoth!)).toMatchObject({ summary: 'Cykelverkstad i Väla' })
		expect(attachedEntry(svBoth!).description).toContain('Vi lagar cyklar tillsammans.')

		// No English: the English recipient's email and calendar entry are in Swedish.
		expect(enOnly!.subject).toBe("You're going: Soppkväll i Drottninghög")
		expect(attachedEntry(enOnly!)).toMatchObject({ summary: 'Soppkväll i Drottninghög' })
		expect(svOnly!.subject).toBe('Du är anmäld: Soppkväll i Drottninghög')
	})

	test("reminders are in the recipient's language", async () => {
		const { both, sv, en } = await bothGoing(10)
		// A day's reminder is due half a day before the start.
		await sendEventReminders(db, new Date(new Date(both.starts_at).getTime() - DAY / 2))
		const reminders = async (email: string) =>
			(await outboxTo(db, email)).filter((m) => m.idempotency_key.startsWith('reminder:')).map((m) => m.subject)
		expect((await reminders(en.email)).sort()).toEqual([
			'Reminder: Bike repair in Väla',
			'Reminder: Soppkväll i Drottninghög',
		])
		expect((await reminders(sv.email)).sort()).toEqual([
			'Påminnelse: Cykelverkstad i Väla',
			'Påminnelse: Soppkväll i Drottninghög',
		])
	})

	test("feeds and downloads: the public feed in the asked or the request's language, a personal feed in its owner's", async () => {
		const { both, swedishOnly } = await events()
		const summaries = async (answer: Promise<{ response: Response | null }>) =>
			entries(await (await answer).response!.text()).map((e) => e.summary)

		const english = await summaries(callLoader(feed, '/events.ics?lang=en'))
		expect(english).toContain('Bike repair in Väla')
		expect(english).toContain('Soppkväll i Drottninghög')
		expect(english).not.toContain('Cykelverkstad i Väla')
		// The page's link fixes the language; a calendar app asking in English gets Swedish when told so.
		expect(await summaries(callLoader(feed, '/events.ics?lang=sv', { language: 'en' }))).toContain(
			'Cykelverkstad i Väla',
		)
		const byRequest = await callLoader(feed, '/events.ics', { language: 'en' })
		expect(byRequest.response!.headers.get('Vary')).toContain('Accept-Language')
		expect(entries(await byRequest.response!.text()).map((e) => e.summary)).toContain('Bike repair in Väla')

		const download = (language: string) =>
			summaries(
				callLoader(eventCalendar, `/events/${both.slug}/calendar.ics`, { params: { event: both.slug }, language }),
			)
		expect(await download('en')).toEqual(['Bike repair in Väla'])
		expect(await download('sv')).toEqual(['Cykelverkstad i Väla'])

		const owner = await makeUser(db, { language: 'en' })
		await rsvp(db, both.id, owner.id)
		await rsvp(db, swedishOnly.id, owner.id)
		const personal = await personalFeed(db, await feedToken(db, owner.id))
		expect(entries(personal!).map((e) => e.summary)).toEqual(['Bike repair in Väla', 'Soppkväll i Drottninghög'])
	})

	test("my events, the ladder's suggestions and the home page's next events follow the page's language", async () => {
		const { both, swedishOnly } = await events()
		const person = await signedPerson(db)
		const cookie = await cookieFor(person.userId)
		await rsvp(db, both.id, person.userId)

		const my = await callLoader(mine, '/events/mine', { cookie, language: 'en' })
		expect(my.data.upcoming.find((e: { id: number }) => e.id === both.id)).toMatchObject({
			title: 'Bike repair in Väla',
			titleLang: 'en',
		})
		const html = await renderRoute({
			Component: mine.default,
			url: '/events/mine',
			loaderData: my.data,
			language: 'en',
		})
		expect(html).toMatch(/<a [^>]*lang="en"[^>]*>Bike repair in Väla<\/a>/)
		const mySv = await callLoader(mine, '/events/mine', { cookie, language: 'sv' })
		expect(mySv.data.upcoming.find((e: { id: number }) => e.id === both.id).title).toBe('Cykelverkstad i Väla')

		// Every event in this file is one of the two, so each suggestion is one of these.
		const ladder = await callLoader(ladderRoute, '/ladder', { cookie, language: 'en' })
		expect(ladder.data.next.going).toEqual([
			expect.objectContaining({ slug: both.slug, title: 'Bike repair in Väla', titleLang: 'en' }),
		])
		const suggested = ladder.data.next.events.map((e: { title: string; titleLang: string }) => [e.title, e.titleLang])
		expect(suggested).toContainEqual(['Soppkväll i Drottninghög', 'sv'])
		expect(suggested.every(([title]: [string]) => title !== 'Cykelverkstad i Väla')).toBe(true)
		expect(swedishOnly.title_en).toBeNull()

		const home = await callLoader(homeRoute, '/', { cookie, language: 'en' })
		expect(home.data.member.events.map((e: { title: string }) => e.title)).toEqual(
			expect.arrayContaining(['Bike repair in Väla', 'Soppkväll i Drottninghög']),
		)
		const homeSv = await callLoader(homeRoute, '/', { cookie, language: 'sv' })
		expect(homeSv.data.member.events.map((e: { title: string }) => e.title)).toContain('Cykelverkstad i Väla')
	})

	test("the digest lists the events in the recipient's language", async () => {
		const { sv, en } = await bothGoing()
		const now = new Date()
		const period = digestPeriod('weekly', now)
		const titles = async (person: typeof sv) =>
			(await digestFor(db, person, 'weekly', period, now))!.myEvents.map((e) => e.title)
		expect(await titles(en)).toEqual(expect.arrayContaining(['Bike repair in Väla', 'Soppkväll i Drottninghög']))
		expect(await titles(sv)).toEqual(expect.arrayContaining(['Cykelverkstad i Väla', 'Soppkväll i Drottninghög']))
	})

	test("a theme's kick-off and the question-answered email follow the language too", async () => {
		const { both } = await events()
		const themeId = await makeTheme(db, { kickOffEventId: both.id })
		const slug = (await db.selectFrom('theme').select('slug').where('id', '=', themeId).executeTakeFirstOrThrow()).slug
		const page = (language: string) => callLoader(themePage, `/themes/${slug}`, { params: { slug }, language })
		expect((await page('en')).data.theme.kickOff).toMatchObject({ title: 'Bike repair in Väla', titleLang: 'en' })
		expect((await page('sv')).data.theme.kickOff).toMatchObject({ title: 'Cykelverkstad i Väla', titleLang: 'sv' })

		const organiser = await makeUser(db, { role: 'organiser' })
		const qa = await makeEvent(
			db,
			organiser.id,
			new Date(Date.now() + 14 * DAY),
			{ type: 'politician-qa', title: 'Politikerutfrågning om cykelvägar', titleEn: 'Politician Q&A on cycle paths' },
			{ now: new Date() },
		)
		const [sv, en] = [await makeUser(db), await makeUser(db, { language: 'en' })]
		const asked = await askQuestion(db, qa, en.id, 'Cycle path to Råå?')
		if (asked.kind !== 'asked') throw new Error('the question was not taken')
		const other = await askQuestion(db, qa, sv.id, 'Cykelväg till Råå?')
		if (other.kind !== 'asked') throw new Error('the question was not taken')
		await recordAnswer(db, qa, asked.questionId, { answer: 'Yes, in 2028.', followUpOn: null }, organiser.id)
		await recordAnswer(db, qa, other.questionId, { answer: 'Ja, 2028.', followUpOn: null }, organiser.id)
		expect((await outboxTo(db, en.email)).at(-1)!.subject).toContain('Politician Q&A on cycle paths')
		expect((await outboxTo(db, sv.email)).at(-1)!.subject).toContain('Politikerutfrågning om cykelvägar')
	})

	test("organisers' list stays Swedish and shows the English title beside it", async () => {
		const { both } = await events()
		// A coordinator: an organiser's list holds only the events they manage (issue 12).
		const organiser = await makeUser(db, { role: 'coordinator' })
		const answer = await callLoader(organiseEvents, '/organise/events', { cookie: await cookieFor(organiser.id) })
		const html = await renderRoute({
			Component: organiseEvents.default,
			url: '/organise/events',
			loaderData: answer.data,
		})
		expect(html).toMatch(new RegExp(`<a href="/organise/events/${both.id}"[^>]*>Cykelverkstad i Väla</a>`))
		expect(html).toMatch(/På engelska:(<!-- -->)? <span lang="en">Bike repair in Väla<\/span>/)
	})
})
