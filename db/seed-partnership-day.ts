import { addToLocalDate, localToUtc } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import { createEvents } from '#app/events/life-cycle.server.ts'
import { createPartnershipDay, dayOfEvent } from '#app/partnership-day/partnership-day.server.ts'
import { recordPledge } from '#app/partnership-day/pledges.server.ts'
import { saveRegistration } from '#app/partnership-day/registrations.server.ts'
import { generateRounds } from '#app/partnership-day/rounds.server.ts'
import { approvedPartners, partnerMembers } from '#app/partners/partners.server.ts'
import type { DB } from './index.ts'
import type { ActionPledgeAnswer } from './schema.ts'

/**
 * Demo content for the partnership day, after the partners exist: one day a little more than three
 * months ago (eleven partners with their tags, five rounds, action pledges whose follow-up has gone
 * out, some answered) and one five weeks ahead with five partners signed up and no rounds yet. The
 * events are made by the events area's createEvents, everything else by this area's own functions,
 * as a coordinator and the partners would; no email is queued. Does nothing when a day exists.
 */

/** What each demo partner offers and seeks, in the words partners use. */
const tagsByPartner: Record<string, { offers: string[]; seeks: string[] }> = {
	'Bageriet Kärnan': { offers: ['lådcykel', 'överblivet bröd', 'praktikplatser'], seeks: ['solceller', 'kompost'] },
	Öresundsbostäder: {
		offers: ['lokaler', 'takytor', 'energikartläggning'],
		seeks: ['cykelpool', 'klimatutbildning', 'återbruk'],
	},
	'Helsingborgs Bollklubb Ungdom': {
		offers: ['ideella krafter', 'samåkning', 'evenemang'],
		seeks: ['cykelpool', 'lokaler', 'begagnad utrustning'],
	},
	'Nicolaiskolans gymnasium': {
		offers: ['elevprojekt', 'klimatutbildning'],
		seeks: ['praktikplatser', 'energikartläggning', 'studiebesök'],
	},
	'Nordvästra Skånes Vatten': {
		offers: ['biogas', 'studiebesök', 'energikartläggning'],
		seeks: ['elevprojekt', 'kompost', 'matsvinn'],
	},
	'Cykelköket Söder': {
		offers: ['cykelreparation', 'cykelpool', 'klimatutbildning'],
		seeks: ['lokaler', 'lådcykel', 'ideella krafter'],
	},
	'Rosengårdens Café': {
		offers: ['matsvinn', 'växtbaserad mat', 'lokaler'],
		seeks: ['överblivet bröd', 'kompost', 'solceller'],
	},
	'Hamnens Logistik AB': {
		offers: ['lådcykel', 'samlastning', 'laddstolpar'],
		seeks: ['solceller', 'praktikplatser', 'biogas'],
	},
	'Studiefrämjandet Helsingborg': {
		offers: ['klimatutbildning', 'studiecirklar', 'lokaler'],
		seeks: ['ideella krafter', 'studiebesök', 'återbruk'],
	},
	Filbornaskolan: {
		offers: ['skolträdgård', 'kompost', 'elevprojekt'],
		seeks: ['matsvinn', 'cykelreparation', 'studiebesök'],
	},
	'Helsingborgs stadsbibliotek': {
		offers: ['lokaler', 'verktygspool', 'evenemang'],
		seeks: ['klimatutbildning', 'cykelreparation', 'återbruk'],
	},
	'Ramlösa Snickeri': {
		offers: ['återbruk', 'begagnad utrustning'],
		seeks: ['lokaler', 'praktikplatser', 'samlastning'],
	},
}

/** The past day's pledges, and how the follow-up was answered (null: not yet). */
const demoPledges: Array<{ partner: string; text: string; answer: ActionPledgeAnswer | null; comment?: string }> = [
	{
		partner: 'Bageriet Kärnan',
		text: 'Vi lämnar överblivet bröd till Rosengårdens Café varje fredag.',
		answer: 'done',
	},
	{
		partner: 'Bageriet Kärnan',
		text: 'Vi tar emot en praktikant från Nicolaiskolan under våren.',
		answer: 'in-progress',
		comment: 'Praktikanten börjar efter påsklovet.',
	},
	{
		partner: 'Öresundsbostäder',
		text: 'Vi går igenom vilka tak i Drottninghög som passar för solceller.',
		answer: 'in-progress',
		comment: 'Tre av tolv tak är genomgångna.',
	},
	{
		partner: 'Helsingborgs Bollklubb Ungdom',
		text: 'Vi startar en cykelpool till träningarna tillsammans med Cykelköket Söder.',
		answer: 'dropped',
		comment: 'Vi hittade ingen plats att ställa cyklarna. Vi försöker igen till hösten.',
	},
	{
		partner: 'Nicolaiskolans gymnasium',
		text: 'Årskurs 2 gör ett elevprojekt om biogas hos Nordvästra Skånes Vatten.',
		answer: 'done',
		comment: 'Eleverna redovisade för vattenbolagets ledning.',
	},
	{
		partner: 'Nordvästra Skånes Vatten',
		text: 'Vi bjuder in partnerna på studiebesök vid biogasanläggningen.',
		answer: null,
	},
	{ partner: 'Cykelköket Söder', text: 'Vi håller en kväll i cykelreparation på stadsbiblioteket.', answer: 'done' },
	{
		partner: 'Rosengårdens Café',
		text: 'Vi komposterar kaffesumpen i Filbornaskolans skolträdgård.',
		answer: 'in-progress',
	},
	{ partner: 'Hamnens Logistik AB', text: 'Vi provar samlastning med Bageriet Kärnan i centrum.', answer: null },
	{
		partner: 'Studiefrämjandet Helsingborg',
		text: 'Vi startar en studiecirkel om klimatsmart vardag för föreningarnas ideella.',
		answer: null,
	},
	{ partner: 'Filbornaskolan', text: 'Vi väger matsvinnet i matsalen en vecka varje termin.', answer: 'done' },
	{
		partner: 'Helsingborgs stadsbibliotek',
		text: 'Vi lånar ut verktyg till Cykelkökets reparationskvällar.',
		answer: null,
	},
]

const pastPartners = Object.keys(tagsByPartner).filter((name) => name !== 'Ramlösa Snickeri')
const upcomingPartners = [
	'Bageriet Kärnan',
	'Cykelköket Söder',
	'Nicolaiskolans gymnasium',
	'Hamnens Logistik AB',
	'Helsingborgs stadsbibliotek',
]

const DAY = 86_400_000

export async function seedPartnershipDay(db: DB, now = new Date()): Promise<void> {
	if (await db.selectFrom('partnership_day').select('id').limit(1).executeTakeFirst()) return
	const coordinator = await db
		.selectFrom('user')
		.select('id')
		.where('email', '=', 'koordinator@klimatpakt.example')
		.executeTakeFirst()
	const partners = new Map((await approvedPartners(db, {}, now)).map((partner) => [partner.name, partner]))
	if (!coordinator || pastPartners.some((name) => !partners.has(name))) return
	// Whole days from today, so two seeds on the same day write the same rows.
	const today = now.toISOString().slice(0, 10)

	const past = await makeDay(db, coordinator.id, {
		date: addToLocalDate(today, { days: -100 }),
		title: 'Första partnerskapsdagen för klimatpartner',
		description:
			'Klimatpartnerna möts för att hitta nya samarbeten: ett kort föredrag om att gå från passiva till aktiva partnerskap, speeddejting två och två och till sist handlingslöften. Vad går ni hem och gör?',
	})
	await signUp(db, past, pastPartners, partners, now)
	await generateRounds(
		db,
		past,
		{ rounds: 5, minutes: 10, startTime: '09:30', confirm: false },
		coordinator.id,
		new Date(new Date(past.event.starts_at).getTime() - DAY),
	)
	const pledgedAt = new Date(past.event.ends_at)
	for (const pledge of demoPledges) {
		const partner = partners.get(pledge.partner)!
		const outcome = await recordPledge(
			db,
			past,
			{ partnerId: partner.id, text: pledge.text },
			coordinator.id,
			pledgedAt,
		)
		if (outcome.kind !== 'recorded') continue
		const row = await db
			.selectFrom('action_pledge')
			.select('follow_up_due_at')
			.where('id', '=', outcome.id)
			.executeTakeFirstOrThrow()
		// The follow-up went out when it was due (not again from this seed); some partners answered within days.
		if (row.follow_up_due_at > now.toISOString()) continue
		const contact = (await partnerMembers(db, partner.id))[0]
		const answeredAt = new Date(Math.min(now.getTime(), new Date(row.follow_up_due_at).getTime() + 3 * DAY))
		await db
			.updateTable('action_pledge')
			.set({
				follow_up_sent_at: row.follow_up_due_at,
				...(pledge.answer && contact
					? {
							answer: pledge.answer,
							answer_comment: pledge.comment ?? null,
							answered_by: contact.userId,
							answered_at: answeredAt.toISOString(),
						}
					: {}),
			})
			.where('id', '=', outcome.id)
			.execute()
	}

	const upcoming = await makeDay(db, coordinator.id, {
		date: addToLocalDate(today, { days: 37 }),
		title: 'Partnerskapsdag: nya samarbeten över gränserna',
		description:
			'Andra partnerskapsdagen. Vi börjar med partnernas egna exempel på samarbeten sedan förra gången och fortsätter med speeddejting och handlingslöften. Anmäl er partner på partnerskapsdagens sida med vad ni erbjuder och söker.',
	})
	await signUp(db, upcoming, upcomingPartners, partners, now)
}

/** An event made a partnership day, as an organiser and then a coordinator would, forty days ahead of it. */
async function makeDay(db: DB, coordinatorId: number, { date, title, description }: Record<string, string>) {
	const at = (time: string) => localToUtc({ date: date!, time }, config.timeZone)
	const created = new Date(at('09:00').getTime() - 40 * DAY)
	const [event] = await createEvents(
		db,
		coordinatorId,
		{
			type: 'partnership-day',
			audience: 'partners',
			title: title!,
			description: description!,
			startsAt: at('09:00').toISOString(),
			endsAt: at('12:00').toISOString(),
			place: 'Dunkers kulturhus, Kungsgatan 11, Helsingborg',
			onlineUrl: null,
			capacity: 60,
			rsvpClosesAt: null,
			reminderHours: 24,
			shifts: [],
		},
		{ publish: true, repeat: null },
		created,
	)
	await createPartnershipDay(db, event!.id, coordinatorId, created)
	return (await dayOfEvent(db, event!.id))!
}

/** Each partner signed up by its contact, a day or two apart, the last a week before the day (or today, at the latest). */
async function signUp(
	db: DB,
	{ day, event }: NonNullable<Awaited<ReturnType<typeof dayOfEvent>>>,
	names: readonly string[],
	partners: ReadonlyMap<string, { id: number }>,
	now: Date,
) {
	const last = Math.min(now.getTime() - DAY, new Date(event.starts_at).getTime() - 7 * DAY)
	for (const [i, name] of names.entries()) {
		const partner = partners.get(name)
		const contact = partner ? (await partnerMembers(db, partner.id))[0] : undefined
		if (!partner || !contact) continue
		const at = new Date(last - (names.length - 1 - i) * 2 * DAY)
		await saveRegistration(db, day.id, contact.userId, { partnerId: partner.id, ...tagsByPartner[name]! }, at)
	}
}
