import { config } from '#app/config.server.ts'
import { isSupportedLanguage } from '#app/i18n/i18n.ts'
import { composeEmail, queueEmail, renderEmail, type RenderedEmail } from '#app/mail/send-email.server.ts'
import { agreementInForce } from '#app/partners/agreements.server.ts'
import {
	approvedPartners,
	getPartner,
	localToday,
	partnerMembers,
	requirePartnerMember,
	type PartnerPerson,
} from '#app/partners/partners.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import { lockKeys } from '#db/locks.ts'
import type { Language, Mentorship, Partner } from '#db/schema.ts'
import MentoringIntroductionEmail from '#emails/mentoring-introduction.tsx'
import type { MeetingInput, PairInput } from './schemas.ts'

/**
 * Mentoring between partners: a coordinator pairs a new partner (the mentee) with an experienced
 * one (the mentor), and both partners' contacts are introduced to each other by email. The people
 * who act for either partner see the other's contacts and log their meetings; nobody else does.
 * Partners are asked about through the partners area's public functions.
 */

export type PairRefusal = 'same-partner' | 'not-approved' | 'mentee-taken'
export type PairOutcome =
	| { kind: 'paired'; mentorshipId: number }
	| { kind: 'refused'; field: 'menteeId' | 'mentorId'; reason: PairRefusal; mentorName?: string }

/** The mentee's running mentorship, if it has one. */
async function runningFor(db: DbHandle, menteeId: number) {
	return db
		.selectFrom('mentorship')
		.selectAll()
		.where('mentee_partner_id', '=', menteeId)
		.where('ended_at', 'is', null)
		.executeTakeFirst()
}

interface Contact {
	userId: number
	name: string
	email: string
	language: Language
}

/** A partner's contacts (not its reporters), each with the language their emails are in. */
async function contactsOf(db: DbHandle, partnerId: number): Promise<Contact[]> {
	const contacts = (await partnerMembers(db, partnerId)).filter((person) => person.role === 'contact')
	if (contacts.length === 0) return []
	const languages = await db
		.selectFrom('user')
		.select(['id', 'language'])
		.where(
			'id',
			'in',
			contacts.map((c) => c.userId),
		)
		.execute()
	const languageOf = new Map(languages.map((row) => [row.id, row.language]))
	return contacts.map((c) => {
		const language = languageOf.get(c.userId)
		return { ...c, language: language && isSupportedLanguage(language) ? language : config.pact.defaultLanguage }
	})
}

/**
 * The introductions to one side's contacts, about the other side and its contacts: rendered once
 * per language, before the transaction that queues them, so the write stays short.
 */
async function introductions(
	side: 'mentor' | 'mentee',
	own: Partner,
	other: Partner,
	recipients: Contact[],
	otherContacts: Contact[],
) {
	const rendered = new Map<Language, RenderedEmail>()
	for (const language of new Set(recipients.map((r) => r.language)))
		rendered.set(
			language,
			await renderEmail(
				composeEmail(
					MentoringIntroductionEmail,
					{
						language,
						side,
						partnerName: own.name,
						otherName: other.name,
						otherContacts: otherContacts.map(({ name, email }) => ({ name, email })),
						url: `${config.appUrl}/partners/${encodeURIComponent(own.slug)}/mentoring`,
					},
					{ to: '' },
				),
			),
		)
	return recipients.map((recipient) => ({ side, recipient, email: rendered.get(recipient.language)! }))
}

/**
 * A coordinator pairs a mentee with a mentor. Both must have an approved agreement in force, a
 * partner cannot mentor itself, and a mentee has one running mentorship at a time (a mentor may
 * have several). The mentorship and every contact's introduction are written in one transaction,
 * each message keyed by the mentorship and the person, so it is sent once.
 */
export async function pairMentor(
	db: DB,
	input: PairInput,
	coordinatorId: number,
	now = new Date(),
): Promise<PairOutcome> {
	if (input.mentorId === input.menteeId) return { kind: 'refused', field: 'mentorId', reason: 'same-partner' }
	const approved = await approvedPartners(db, {}, now)
	const mentee = approved.find((partner) => partner.id === input.menteeId)
	const mentor = approved.find((partner) => partner.id === input.mentorId)
	if (!mentee) return { kind: 'refused', field: 'menteeId', reason: 'not-approved' }
	if (!mentor) return { kind: 'refused', field: 'mentorId', reason: 'not-approved' }
	const taken = await refusalIfTaken(db, mentee.id)
	if (taken) return taken

	const [menteeContacts, mentorContacts] = await Promise.all([contactsOf(db, mentee.id), contactsOf(db, mentor.id)])
	const emails = [
		...(await introductions('mentee', mentee, mentor, menteeContacts, mentorContacts)),
		...(await introductions('mentor', mentor, mentee, mentorContacts, menteeContacts)),
	]
	return db.transaction().execute(async (trx) => {
		// Checked again inside the write: two coordinators pairing the same mentee at once get one mentorship.
		await lockKeys(trx, `mentee:${mentee.id}`)
		const takenNow = await refusalIfTaken(trx, mentee.id)
		if (takenNow) return takenNow
		const row = await trx
			.insertInto('mentorship')
			.values({
				mentor_partner_id: mentor.id,
				mentee_partner_id: mentee.id,
				started_at: now.toISOString(),
				started_by: coordinatorId,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		for (const { side, recipient, email } of emails)
			await queueEmail(
				trx,
				{
					...email,
					to: recipient.email,
					idempotencyKey: `mentorship:${row.id}:introduction:${side}:${recipient.userId}`,
				},
				now,
			)
		return { kind: 'paired', mentorshipId: row.id }
	})
}

async function refusalIfTaken(db: DbHandle, menteeId: number): Promise<PairOutcome | null> {
	const running = await runningFor(db, menteeId)
	if (!running) return null
	const mentor = await getPartner(db, running.mentor_partner_id)
	return { kind: 'refused', field: 'menteeId', reason: 'mentee-taken', mentorName: mentor?.name ?? '' }
}

/** A coordinator ends a running mentorship; its meetings stay as history. */
export async function endMentorship(
	db: DbHandle,
	mentorshipId: number,
	coordinatorId: number,
	now = new Date(),
): Promise<'ended' | 'not-running'> {
	const result = await db
		.updateTable('mentorship')
		.set({ ended_at: now.toISOString(), ended_by: coordinatorId })
		.where('id', '=', mentorshipId)
		.where('ended_at', 'is', null)
		.executeTakeFirst()
	return result.numUpdatedRows > 0n ? 'ended' : 'not-running'
}

type PartnerName = Pick<Partner, 'id' | 'slug' | 'name'>

/** Partners by id, for names and addresses: one question to the partners area per partner. */
async function partnersById(db: DbHandle, ids: number[]): Promise<Map<number, PartnerName>> {
	const found = await Promise.all([...new Set(ids)].map((id) => getPartner(db, id)))
	return new Map(
		found.filter((partner) => partner !== undefined).map((p) => [p.id, { id: p.id, slug: p.slug, name: p.name }]),
	)
}

async function meetingFigures(db: DbHandle, mentorshipIds: number[]) {
	if (mentorshipIds.length === 0) return new Map<number, { count: number; last: string | null }>()
	const rows = await db
		.selectFrom('mentoring_meeting')
		.select((eb) => ['mentorship_id', eb.fn.countAll<number>().as('count'), eb.fn.max('met_on').as('last')])
		.where('mentorship_id', 'in', mentorshipIds)
		.groupBy('mentorship_id')
		.execute()
	return new Map(rows.map((row) => [row.mentorship_id, { count: Number(row.count), last: row.last }]))
}

export interface MentorshipRow {
	id: number
	mentee: PartnerName
	mentor: PartnerName
	startedAt: string
	endedAt: string | null
	meetings: number
	/** The last meeting's day, YYYY-MM-DD. */
	lastMeeting: string | null
}

/** The coordinators' list: running mentorships (newest first), then ended ones, with their meetings. */
export async function mentorshipsForCoordinators(db: DbHandle): Promise<MentorshipRow[]> {
	const rows = await db
		.selectFrom('mentorship')
		.selectAll()
		.orderBy((eb) => eb.case().when('ended_at', 'is', null).then(0).else(1).end())
		.orderBy('started_at', 'desc')
		.orderBy('id', 'desc')
		.limit(500)
		.execute()
	const [names, figures] = await Promise.all([
		partnersById(
			db,
			rows.flatMap((row) => [row.mentor_partner_id, row.mentee_partner_id]),
		),
		meetingFigures(
			db,
			rows.map((row) => row.id),
		),
	])
	return rows.map((row) => ({
		id: row.id,
		mentee: names.get(row.mentee_partner_id)!,
		mentor: names.get(row.mentor_partner_id)!,
		startedAt: row.started_at,
		endedAt: row.ended_at,
		meetings: figures.get(row.id)?.count ?? 0,
		lastMeeting: figures.get(row.id)?.last ?? null,
	}))
}

export interface Meeting {
	id: number
	metOn: string
	note: string | null
	loggedBy: string | null
}

export interface PartnerMentorship {
	id: number
	/** What the page's partner is in this mentorship. */
	side: 'mentor' | 'mentee'
	other: PartnerName & {
		/** Whether its agreement is in force, so its printable page can be opened. */
		hasAgreement: boolean
		/** The people to get in touch with: only while the mentorship runs. */
		contacts: Array<Pick<PartnerPerson, 'name' | 'email'>>
	}
	startedAt: string
	endedAt: string | null
	meetings: Meeting[]
}

/**
 * A partner's mentorships as its own people see them: the running ones with the other partner's
 * contacts and the meeting log, then ended ones with their log only. For the mentoring page, whose
 * route lets only the people who act for this partner in.
 */
export async function mentorshipsOf(db: DbHandle, partnerId: number, now = new Date()): Promise<PartnerMentorship[]> {
	const rows = await db
		.selectFrom('mentorship')
		.selectAll()
		.where((eb) => eb.or([eb('mentor_partner_id', '=', partnerId), eb('mentee_partner_id', '=', partnerId)]))
		.orderBy((eb) => eb.case().when('ended_at', 'is', null).then(0).else(1).end())
		.orderBy('started_at', 'desc')
		.execute()
	if (rows.length === 0) return []
	const otherOf = (row: Mentorship) =>
		row.mentor_partner_id === partnerId ? row.mentee_partner_id : row.mentor_partner_id
	const [names, meetings] = await Promise.all([
		partnersById(db, rows.map(otherOf)),
		db
			.selectFrom('mentoring_meeting')
			.leftJoin('user', 'user.id', 'mentoring_meeting.logged_by')
			.select([
				'mentoring_meeting.id',
				'mentoring_meeting.mentorship_id',
				'mentoring_meeting.met_on',
				'mentoring_meeting.note',
				'user.name as loggedBy',
			])
			.where(
				'mentoring_meeting.mentorship_id',
				'in',
				rows.map((row) => row.id),
			)
			.orderBy('mentoring_meeting.met_on', 'desc')
			.orderBy('mentoring_meeting.id', 'desc')
			.execute(),
	])
	return Promise.all(
		rows.map(async (row) => {
			const other = names.get(otherOf(row))!
			const running = row.ended_at === null
			return {
				id: row.id,
				side: row.mentor_partner_id === partnerId ? ('mentor' as const) : ('mentee' as const),
				other: {
					...other,
					hasAgreement: (await agreementInForce(db, other.id, now)) !== undefined,
					contacts: running ? (await contactsOf(db, other.id)).map(({ name, email }) => ({ name, email })) : [],
				},
				startedAt: row.started_at,
				endedAt: row.ended_at,
				meetings: meetings
					.filter((meeting) => meeting.mentorship_id === row.id)
					.map((meeting) => ({
						id: meeting.id,
						metOn: meeting.met_on,
						note: meeting.note,
						loggedBy: meeting.loggedBy,
					})),
			}
		}),
	)
}

/**
 * Guard for a partner's mentoring page, found by its address: a visitor is sent to sign in, anyone
 * who does not act for the partner (as contact or reporter) gets 403, an unknown address 404.
 */
export async function requireMentoringPage(db: DB, request: Request, slug: string | undefined) {
	const found = slug ? await getPartner(db, slug) : undefined
	if (!found || found.slug !== slug) throw new Response('Not found', { status: 404 })
	return requirePartnerMember(db, request, found.id)
}

export type LogOutcome = 'logged' | 'not-running' | 'future' | 'before-start'

/**
 * Someone who acts for one side of a running mentorship logs a meeting: on a day that has come
 * (in the pact's time zone) and not before the pair was made.
 */
export async function logMeeting(
	db: DbHandle,
	partnerId: number,
	userId: number,
	input: MeetingInput,
	now = new Date(),
): Promise<LogOutcome> {
	const mentorship = await db
		.selectFrom('mentorship')
		.selectAll()
		.where('id', '=', input.mentorshipId)
		.where('ended_at', 'is', null)
		.where((eb) => eb.or([eb('mentor_partner_id', '=', partnerId), eb('mentee_partner_id', '=', partnerId)]))
		.executeTakeFirst()
	if (!mentorship) return 'not-running'
	if (input.metOn > localToday(now)) return 'future'
	if (input.metOn < localToday(new Date(mentorship.started_at))) return 'before-start'
	await db
		.insertInto('mentoring_meeting')
		.values({
			mentorship_id: mentorship.id,
			met_on: input.metOn,
			note: input.note,
			logged_by: userId,
			logged_at: now.toISOString(),
		})
		.execute()
	return 'logged'
}
