import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { sendActionPledgeFollowUps } from '#app/partnership-day/follow-up.server.ts'
import { followUpDueAt } from '#app/partnership-day/pledges.server.ts'
import * as adminPledges from '#app/routes/admin-partnership-day-pledges.tsx'
import * as pledgesPage from '#app/routes/partnership-day-pledges.tsx'
import * as dayPage from '#app/routes/partnership-day.tsx'
import { getDb } from '#db/index.ts'
import { makeUser } from '#tests/support/events.ts'
import {
	approvedPartner,
	followUpMails,
	partnershipDay,
	settleEarlierFollowUps,
	signedUp,
	type TestDay,
} from '#tests/support/partnership-day.ts'
import { callAction, callLoader, cookieFor } from '#tests/support/routes.ts'
import { onPostgres } from '#tests/setup/databases.ts'

const db = getDb()

const params = (day: TestDay) => ({ params: { eventId: String(day.event.id) } })

async function record(day: TestDay, partnerId: number, text: string) {
	return callAction(adminPledges, `${day.adminPath}/pledges?intent=record`, {
		cookie: await cookieFor(day.coordinator.id, db),
		...params(day),
		form: { partnerId: String(partnerId), text },
	})
}

async function pledgeIds(day: TestDay, partnerId: number) {
	const rows = await db
		.selectFrom('action_pledge')
		.select('id')
		.where('day_id', '=', day.day.id)
		.where('partner_id', '=', partnerId)
		.orderBy('id')
		.execute()
	return rows.map((row) => row.id)
}

/** A day a week ago with a bakery (two people, one reading English) and a school, each with pledges. */
async function dayWithPledges() {
	await settleEarlierFollowUps(db)
	const day = await partnershipDay(db, { daysAhead: -7 })
	const bakery = await approvedPartner(db, { name: 'Bageriet Kärnan' })
	const reporter = await makeUser(db, { language: 'en', name: 'Robin Reporter' })
	await db
		.insertInto('partner_member')
		.values({ partner_id: bakery.id, user_id: reporter.id, role: 'reporter' })
		.execute()
	const school = await approvedPartner(db, { name: 'Filbornaskolan' })
	await signedUp(db, day, bakery, ['lådcykel'], ['kompost'])
	await signedUp(db, day, school, ['kompost'], ['lådcykel'])
	expect((await record(day, bakery.id, 'Vi lämnar överblivet bröd till caféet varje fredag.')).status).toBe(303)
	expect((await record(day, bakery.id, 'Vi tar emot en praktikant i vår.')).status).toBe(303)
	expect((await record(day, school.id, 'Vi väger matsvinnet en vecka varje termin.')).status).toBe(303)
	return { day, bakery, reporter, school, due: new Date(followUpDueAt(day.event)) }
}

describe('recording pledges on the day', () => {
	test('a coordinator records them for registered partners only; a mistaken one can be removed until answered', async () => {
		const day = await partnershipDay(db, { daysAhead: -0.01 })
		const partner = await approvedPartner(db)
		const stranger = await approvedPartner(db)
		await signedUp(db, day, partner, ['solceller'], [])

		const empty = await record(day, partner.id, '  ')
		expect(empty.status).toBe(400)
		expect(empty.data.error.text).toEqual(['Fyll i det här fältet.'])
		const notComing = await record(day, stranger.id, 'Vi byter till LED.')
		expect(notComing.data.error.partnerId).toEqual(['Partnern är inte anmäld till dagen.'])
		expect(await pledgeIds(day, stranger.id)).toEqual([])

		expect((await record(day, partner.id, 'Vi byter till LED i hela butiken.')).location).toBe(
			`${day.adminPath}/pledges?done=recorded`,
		)
		const [id] = await pledgeIds(day, partner.id)
		const row = await db.selectFrom('action_pledge').selectAll().where('id', '=', id!).executeTakeFirstOrThrow()
		expect(row).toMatchObject({ recorded_by: day.coordinator.id, follow_up_sent_at: null, answer: null })
		// Three months after the day, at nine in the morning, Stockholm time.
		const due = new Date(row.follow_up_due_at)
		const dayStart = new Date(day.event.starts_at)
		expect((due.getTime() - dayStart.getTime()) / 86_400_000).toBeGreaterThan(88)
		expect((due.getTime() - dayStart.getTime()) / 86_400_000).toBeLessThan(93)
		expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'short' }).format(due)).toBe(
			'09:00',
		)

		const removed = await callAction(adminPledges, `${day.adminPath}/pledges?intent=delete`, {
			cookie: await cookieFor(day.coordinator.id, db),
			...params(day),
			form: { pledgeId: String(id) },
		})
		expect(removed.location).toBe(`${day.adminPath}/pledges?done=deleted`)
		expect(await pledgeIds(day, partner.id)).toEqual([])
	})

	test('a partner’s person may not record or remove pledges', async () => {
		const { day, bakery } = await dayWithPledges()
		const cookie = await cookieFor(bakery.person.id, db)
		const answer = await callAction(adminPledges, `${day.adminPath}/pledges?intent=record`, {
			cookie,
			...params(day),
			form: { partnerId: String(bakery.id), text: 'Vi lovar allt.' },
		})
		expect(answer.status).toBe(403)
		expect(await pledgeIds(day, bakery.id)).toHaveLength(2)
	})
})

/**
 * A trigger that makes the second follow-up of a run fail to be written, as a crash halfway
 * through would leave it: a temporary trigger on SQLite, a plpgsql one on PostgreSQL.
 */
async function crashOnSecondFollowUp(dayId: number): Promise<{ remove: () => Promise<void> }> {
	const second = sql.raw(`NEW.idempotency_key LIKE 'action-pledge-follow-up:%'
		AND (SELECT count(*) FROM outbox WHERE idempotency_key = NEW.idempotency_key) = 0
		AND (SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'action-pledge-follow-up:${Number(dayId)}:%') >= 1`)
	if (!onPostgres) {
		await sql`CREATE TEMP TRIGGER crash_follow_up BEFORE INSERT ON outbox WHEN ${second}
			BEGIN SELECT RAISE(ABORT, 'crash'); END`.execute(db)
		return { remove: async () => void (await sql`DROP TRIGGER crash_follow_up`.execute(db)) }
	}
	await sql`CREATE FUNCTION crash_follow_up() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF ${second} THEN RAISE EXCEPTION 'crash'; END IF; RETURN NEW; END $$`.execute(db)
	await sql`CREATE TRIGGER crash_follow_up BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION crash_follow_up()`.execute(
		db,
	)
	return {
		remove: async () => {
			await sql`DROP TRIGGER crash_follow_up ON outbox`.execute(db)
			await sql`DROP FUNCTION crash_follow_up()`.execute(db)
		},
	}
}

describe('the follow-up', () => {
	test('goes once, when due, to everyone who acts for the partner, in their language, listing its pledges', async () => {
		const { day, bakery, reporter, school, due } = await dayWithPledges()
		expect(await sendActionPledgeFollowUps(db, new Date(due.getTime() - 60_000))).toBe(0)
		expect(await followUpMails(db, day.day.id)).toEqual([])

		expect(await sendActionPledgeFollowUps(db, due)).toBe(2)
		expect(await sendActionPledgeFollowUps(db, due)).toBe(0)
		expect(await sendActionPledgeFollowUps(db, new Date(due.getTime() + 30 * 86_400_000))).toBe(0)

		const mails = await followUpMails(db, day.day.id)
		expect(mails.map((mail) => mail.to_address).sort()).toEqual(
			[bakery.person.email, reporter.email, school.person.email].sort(),
		)
		const swedish = mails.find((mail) => mail.to_address === bakery.person.email)!
		expect(swedish.subject).toBe('Hur har det gått med era handlingslöften, Bageriet Kärnan?')
		expect(swedish.text).toContain('Vi lämnar överblivet bröd till caféet varje fredag.')
		expect(swedish.text).toContain('Vi tar emot en praktikant i vår.')
		expect(swedish.text).not.toContain('matsvinnet')
		expect(swedish.text).toContain(`/partnership-day/${day.event.id}/pledges`)
		const english = mails.find((mail) => mail.to_address === reporter.email)!
		expect(english.subject).toBe('How are your action pledges going, Bageriet Kärnan?')

		const marks = await db
			.selectFrom('action_pledge')
			.select('follow_up_sent_at')
			.where('day_id', '=', day.day.id)
			.execute()
		expect(marks.map((mark) => mark.follow_up_sent_at)).toEqual([
			due.toISOString(),
			due.toISOString(),
			due.toISOString(),
		])
	})

	test('two runs at once send it once', async () => {
		const { day, due } = await dayWithPledges()
		const sent = await Promise.all([sendActionPledgeFollowUps(db, due), sendActionPledgeFollowUps(db, due)])
		expect(sent.reduce((sum, n) => sum + n, 0)).toBe(2)
		expect(await followUpMails(db, day.day.id)).toHaveLength(3)
	})

	test('a run that dies while queueing leaves nothing behind, and the next run sends it once', async () => {
		const { day, due } = await dayWithPledges()
		// The second message of a run fails to be written, as a crash halfway through would leave it.
		const crashes = await crashOnSecondFollowUp(day.day.id)
		await expect(sendActionPledgeFollowUps(db, due)).rejects.toThrow('crash')
		await crashes.remove()
		expect(await followUpMails(db, day.day.id)).toEqual([])
		const marks = await db
			.selectFrom('action_pledge')
			.select('follow_up_sent_at')
			.where('day_id', '=', day.day.id)
			.execute()
		expect(marks.every((mark) => mark.follow_up_sent_at === null)).toBe(true)

		expect(await sendActionPledgeFollowUps(db, due)).toBe(2)
		expect(await sendActionPledgeFollowUps(db, due)).toBe(0)
		expect(await followUpMails(db, day.day.id)).toHaveLength(3)
	})
})

describe('answering the follow-up', () => {
	test('a partner answers its own pledges, sees only its own, and cannot answer another partner’s', async () => {
		const { day, bakery, school } = await dayWithPledges()
		const cookie = await cookieFor(bakery.person.id, db)
		const page = await callLoader(pledgesPage, `${day.path}/pledges`, { cookie, ...params(day) })
		expect(page.data.partners).toHaveLength(1)
		expect(page.data.partners[0].pledges.map((p: { text: string }) => p.text)).toEqual([
			'Vi lämnar överblivet bröd till caféet varje fredag.',
			'Vi tar emot en praktikant i vår.',
		])
		const [first] = await pledgeIds(day, bakery.id)

		const missing = await callAction(pledgesPage, `${day.path}/pledges`, {
			cookie,
			...params(day),
			form: { pledgeId: String(first) },
		})
		expect(missing.status).toBe(400)
		expect(missing.data.result.error.answer).toEqual(['Välj hur det har gått.'])

		const saved = await callAction(pledgesPage, `${day.path}/pledges`, {
			cookie,
			...params(day),
			form: { pledgeId: String(first), answer: 'in-progress', comment: 'Caféet hämtar på fredagar.' },
		})
		expect(saved.location).toBe(`${day.path}/pledges?done=answered#pledge-${first}`)
		// Later it is done: the new answer replaces the old.
		await callAction(pledgesPage, `${day.path}/pledges`, {
			cookie,
			...params(day),
			form: { pledgeId: String(first), answer: 'done' },
		})
		const row = await db.selectFrom('action_pledge').selectAll().where('id', '=', first!).executeTakeFirstOrThrow()
		expect(row).toMatchObject({ answer: 'done', answer_comment: null, answered_by: bakery.person.id })

		const [theirs] = await pledgeIds(day, school.id)
		const forged = await callAction(pledgesPage, `${day.path}/pledges`, {
			cookie,
			...params(day),
			form: { pledgeId: String(theirs), answer: 'dropped' },
		})
		expect(forged.status).toBe(403)
		expect(
			(await db.selectFrom('action_pledge').select('answer').where('id', '=', theirs!).executeTakeFirstOrThrow())
				.answer,
		).toBeNull()

		// The day's page links here once there are pledges.
		expect((await callLoader(dayPage, day.path, { cookie, ...params(day) })).data.hasPledges).toBe(true)
		const resident = await cookieFor((await makeUser(db)).id, db)
		expect((await callLoader(pledgesPage, `${day.path}/pledges`, { cookie: resident, ...params(day) })).status).toBe(
			403,
		)
	})

	test('coordinators see how many of each answer, per partner, and what is still unanswered', async () => {
		const { day, bakery, school } = await dayWithPledges()
		const [bread, intern] = await pledgeIds(day, bakery.id)
		await callAction(pledgesPage, `${day.path}/pledges`, {
			cookie: await cookieFor(bakery.person.id, db),
			...params(day),
			form: { pledgeId: String(bread), answer: 'done' },
		})
		await callAction(pledgesPage, `${day.path}/pledges`, {
			cookie: await cookieFor(school.person.id, db),
			...params(day),
			form: { pledgeId: String((await pledgeIds(day, school.id))[0]), answer: 'dropped', comment: 'Ingen våg.' },
		})
		const page = await callLoader(adminPledges, `${day.adminPath}/pledges`, {
			cookie: await cookieFor(day.coordinator.id, db),
			...params(day),
		})
		const { summary } = page.data
		expect(summary.total).toEqual({ done: 1, 'in-progress': 0, dropped: 1, none: 1 })
		expect(summary.perPartner).toEqual([
			{
				partnerId: bakery.id,
				name: 'Bageriet Kärnan',
				pledges: 2,
				counts: { done: 1, 'in-progress': 0, dropped: 0, none: 1 },
			},
			{
				partnerId: school.id,
				name: 'Filbornaskolan',
				pledges: 1,
				counts: { done: 0, 'in-progress': 0, dropped: 1, none: 0 },
			},
		])
		expect(summary.unanswered.map((pledge: { id: number }) => pledge.id)).toEqual([intern])
		// An answered pledge is part of the record: it cannot be removed.
		await callAction(adminPledges, `${day.adminPath}/pledges?intent=delete`, {
			cookie: await cookieFor(day.coordinator.id, db),
			...params(day),
			form: { pledgeId: String(bread) },
		})
		expect(await pledgeIds(day, bakery.id)).toEqual([bread, intern])
	})
})
