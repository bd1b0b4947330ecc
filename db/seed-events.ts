import { config } from '#app/config.server.ts'
import { slugify } from '#app/events/life-cycle.server.ts'
import type { EventType } from '#app/events/schemas.ts'
import { addToLocalDate, localToUtc, utcToLocal } from '#app/common/time.ts'
import type { DB } from './index.ts'
import type { EventAudience, EventStatus } from './schema.ts'

/**
 * Demo content for the events area: a year of a pact's events, half behind and half ahead, with
 * people going, waiting, helping and checked in. Written straight into the tables (no emails are
 * queued). Does nothing when events already exist.
 */

interface Template {
	type: EventType
	title: string
	description: string
	place: string | null
	onlineUrl?: string
	time: [string, string]
	capacity: number | null
	shifts?: Array<[string, number]>
	/** Events for partner organisations only (issue 11); everyone's otherwise. */
	audience?: EventAudience
}

const templates: Template[] = [
	{
		type: 'clothing-swap',
		title: 'Klädbyte på Dunkers kulturhus',
		description:
			'Ta med upp till tio hela och rena plagg och byt till dig nya favoriter. Det som blir över skänks till Myrorna.\n\n- Lämna in plagg 10–11\n- Bytet öppnar 11',
		place: 'Dunkers kulturhus, Kungsgatan 11, Helsingborg',
		time: ['10:00', '14:00'],
		capacity: 60,
		shifts: [
			['Ta emot och sortera plagg', 3],
			['Plocka undan efteråt', 2],
		],
	},
	{
		type: 'climate-fika',
		title: 'Klimatfika på stadsbiblioteket',
		description:
			'En timme med kaffe, bulle och samtal om små och stora klimatsteg. Nya och gamla medlemmar är lika välkomna.',
		place: 'Stadsbiblioteket, Bollbrogatan 1, Helsingborg',
		time: ['17:30', '18:30'],
		capacity: 25,
		shifts: [['Duka fram fikat', 2]],
	},
	{
		type: 'after-work',
		title: 'Klimat-afterwork vid Norra hamnen',
		description: 'Vi ses efter jobbet för att prata klimat och lära känna varandra. Alkoholfritt finns förstås.',
		place: 'Restaurang Sundet, Norra hamnen, Helsingborg',
		time: ['17:00', '19:30'],
		capacity: null,
	},
	{
		type: 'politician-qa',
		title: 'Politikerutfrågning: hur når Helsingborg klimatmålet 2030?',
		description:
			'Representanter för partierna i kommunfullmäktige svarar på frågor från klimatavtalets medlemmar. Frågorna samlas in i förväg.',
		place: 'Rådhuset, Drottninggatan 1, Helsingborg',
		time: ['18:00', '20:00'],
		capacity: 120,
		shifts: [
			['Ta emot vid dörren', 2],
			['Hålla i mikrofonen', 1],
		],
	},
	{
		type: 'course',
		title: 'Kurs: klimatsmart ekonomi i vardagen',
		description: 'Hur påverkar pensionen och sparandet klimatet? En kväll om hållbara fonder, banker och konsumtion.',
		place: 'Studieförbundet, Järnvägsgatan 25, Helsingborg',
		time: ['18:00', '20:30'],
		capacity: 20,
	},
	{
		type: 'excursion',
		title: 'Cykelutflykt till Fredriksdals odlingar',
		description: 'Vi cyklar tillsammans i lugnt tempo och får en guidning i stadsodlingen. Ta med egen matsäck.',
		place: 'Samling vid Knutpunkten, Helsingborg',
		time: ['10:00', '15:00'],
		capacity: 30,
	},
	{
		type: 'cooking-class',
		title: 'Matlagningskurs: vegetariskt från säsongens råvaror',
		description: 'Vi lagar tre rätter på lokala grönsaker och äter tillsammans. Kostnad 100 kr för råvarorna.',
		place: 'Hemkunskapssalen, Tågaborgsskolan, Helsingborg',
		time: ['17:30', '20:30'],
		capacity: 12,
		shifts: [
			['Handla råvaror', 1],
			['Diska efteråt', 2],
		],
	},
	{
		type: 'film-screening',
		title: 'Filmvisning och samtal',
		description: 'Vi visar en dokumentär om lokala klimatinitiativ och samtalar efteråt. Fri entré.',
		place: 'Röda Kvarn, Karlsgatan 7, Helsingborg',
		time: ['18:30', '21:00'],
		capacity: 80,
	},
	{
		type: 'market-stall',
		title: 'Klimatavtalet på Gustav Adolfs torg',
		description:
			'Vi står på lördagsmarknaden och berättar om klimatavtalet. Kom förbi och säg hej, eller hjälp oss att stå i montern.',
		place: 'Gustav Adolfs torg, Helsingborg',
		time: ['10:00', '14:00'],
		capacity: null,
		shifts: [
			['Stå i montern 10–12', 3],
			['Stå i montern 12–14', 3],
		],
	},
	{
		type: 'course',
		title: 'Digital kurs: räkna på ditt klimatavtryck',
		description: 'En kväll på distans där vi går igenom klimatkalkylatorer och vad siffrorna betyder.',
		place: null,
		onlineUrl: 'https://meet.example.org/klimatavtryck',
		time: ['19:00', '20:30'],
		capacity: 50,
	},
]

/** Network meetings: only people who act for a partner organisation sign up (issue 11). */
const networkMeetings: Template[] = [
	{
		type: 'network-meeting',
		title: 'Nätverksträff för klimatpartner: transporter och leveranser',
		description:
			'Partner berättar hur de har ställt om sina leveranser och tjänsteresor. Fika, korta inspel och tid att prata med varandra.',
		place: 'Dunkers kulturhus, Kungsgatan 11, Helsingborg',
		time: ['08:00', '09:30'],
		capacity: 40,
		audience: 'partners',
	},
	{
		type: 'network-meeting',
		title: 'Nätverksträff för klimatpartner: klimatrapporten',
		description: 'Vi går igenom hur man räknar scope 1, 2 och 3 och hjälper varandra med årets klimatrapport.',
		place: 'Stadshuset, Stortorget 17, Helsingborg',
		time: ['15:00', '17:00'],
		capacity: 30,
		audience: 'partners',
	},
]

/** The theme kick-offs that open each half-year's focus. */
const kickOffs: Template[] = [
	{
		type: 'theme-kick-off',
		title: 'Kick-off: temat transport',
		description:
			'Vi startar halvårets tema med korta föredrag, mingel och idéer för att resa klimatsmart i Helsingborg.',
		place: 'Dunkers kulturhus, Kungsgatan 11, Helsingborg',
		time: ['18:00', '20:00'],
		capacity: 100,
		shifts: [['Mingelvärdar', 4]],
	},
	{
		type: 'theme-kick-off',
		title: 'Kick-off: temat mat',
		description: 'Halvårets tema handlar om mat: från odling till matsvinn. Smakprov från lokala odlare.',
		place: 'Stadsbiblioteket, Bollbrogatan 1, Helsingborg',
		time: ['18:00', '20:00'],
		capacity: 100,
		shifts: [['Servera smakprov', 3]],
	},
]

const demoResidents = [
	'Alva Lind',
	'Omar Haddad',
	'Karin Ek',
	'Johan Berg',
	'Maja Svensson',
	'Elias Nilsson',
	'Sara Holm',
	'Nils Dahl',
]

async function demoUser(
	db: DB,
	email: string,
	name: string,
	role: 'organiser' | 'coordinator' | null,
	now: string,
): Promise<number> {
	const existing = await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst()
	if (existing) return existing.id
	const user = await db
		.insertInto('user')
		.values({ email, name, language: 'sv', created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow()
	if (role)
		await db
			.insertInto('user_role')
			.values({ user_id: user.id, role, granted_at: now })
			.onConflict((oc) => oc.doNothing())
			.execute()
	return user.id
}

/** A small deterministic shuffle, so the demo looks the same on every machine. */
function pick<T>(items: T[], count: number, seed: number): T[] {
	const copy = [...items]
	let x = seed * 9301 + 49297
	for (let i = copy.length - 1; i > 0; i -= 1) {
		x = (x * 9301 + 49297) % 233280
		const j = Math.floor((x / 233280) * (i + 1))
		;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
	}
	return copy.slice(0, count)
}

export async function seedEvents(db: DB, now = new Date()): Promise<void> {
	const any = await db.selectFrom('event').select('id').limit(1).executeTakeFirst()
	if (any) return
	const stamp = now.toISOString()
	const timeZone = config.timeZone
	const organiserId = await demoUser(db, 'arrangor@klimatpakt.example', 'Arrangör Andersson', 'organiser', stamp)
	const coordinatorId = await demoUser(
		db,
		'koordinator@klimatpakt.example',
		'Koordinator Karlsson',
		'coordinator',
		stamp,
	)
	let people = (
		await db.selectFrom('user').select('id').where('id', 'not in', [organiserId, coordinatorId]).orderBy('id').execute()
	).map((u) => u.id)
	if (people.length < 5) {
		for (const [i, name] of demoResidents.entries()) {
			people.push(await demoUser(db, `deltagare${i + 1}@klimatpakt.example`, name, null, stamp))
		}
		people = [...new Set(people)]
	}

	// About 30 events: one every twelve days from six months back to six months ahead.
	const today = utcToLocal(now, timeZone).date
	const plan: Array<{ template: Template; date: string; status: EventStatus; seriesId: string | null }> = []
	for (let i = -15; i <= 15; i += 1) {
		const template = i === -12 || i === 3 ? kickOffs[i < 0 ? 0 : 1]! : templates[(i + 15) % templates.length]!
		const date = addToLocalDate(today, { days: i * 12 + 2 })
		const status: EventStatus = i === 9 ? 'draft' : i === 5 ? 'cancelled' : 'published'
		plan.push({ template, date, status, seriesId: null })
	}
	// Two network meetings ahead for the partner organisations.
	for (const [k, template] of networkMeetings.entries()) {
		plan.push({ template, date: addToLocalDate(today, { days: 10 + 35 * k }), status: 'published', seriesId: null })
	}
	// A monthly fika series, the way a pact runs its regular meetups.
	const seriesId = crypto.randomUUID()
	for (let k = 0; k < 4; k += 1) {
		plan.push({
			template: templates[1]!,
			date: addToLocalDate(addToLocalDate(today, { days: 5 }), { months: k }),
			status: 'published',
			seriesId,
		})
	}

	for (const [n, { template, date, status, seriesId: series }] of plan.entries()) {
		const startsAt = localToUtc({ date, time: template.time[0] }, timeZone).toISOString()
		const endsAt = localToUtc({ date, time: template.time[1] }, timeZone).toISOString()
		const created = new Date(new Date(startsAt).getTime() - 40 * 86_400_000).toISOString()
		const past = endsAt <= stamp
		let slug = slugify(template.title, date)
		if (await db.selectFrom('event').select('id').where('slug', '=', slug).executeTakeFirst()) slug = `${slug}-${n}`
		const event = await db
			.insertInto('event')
			.values({
				slug,
				type: template.type,
				audience: template.audience ?? 'everyone',
				title: template.title,
				description: template.description,
				starts_at: startsAt,
				ends_at: endsAt,
				place: template.place,
				online_url: template.onlineUrl ?? null,
				capacity: template.capacity,
				rsvp_closes_at: null,
				reminder_hours: 24,
				status,
				sequence: status === 'cancelled' ? 1 : 0,
				organiser_id: n % 3 === 0 ? coordinatorId : organiserId,
				series_id: series,
				published_at: status === 'draft' ? null : created,
				cancelled_at: status === 'cancelled' ? stamp : null,
				created_at: created,
				updated_at: created,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		const shiftIds: number[] = []
		for (const [i, [title, needed]] of (template.shifts ?? []).entries()) {
			const shift = await db
				.insertInto('event_helper_shift')
				.values({ event_id: event.id, title, needed, sort_order: i })
				.returning('id')
				.executeTakeFirstOrThrow()
			shiftIds.push(shift.id)
		}
		// The demo's residents act for no partner, so they take no place at a meeting for partners.
		if (status !== 'published' || template.audience === 'partners') continue

		// Who signed up: a full event with a waitlist now and then, most others part-full.
		const capacity = template.capacity ?? 40
		const wanted = n % 4 === 0 ? capacity + 3 : Math.ceil(capacity * (0.3 + ((n * 37) % 60) / 100))
		const signups = pick(people, Math.min(wanted, people.length), n + 1)
		for (const [i, userId] of signups.entries()) {
			const going = template.capacity === null || i < template.capacity
			await db
				.insertInto('event_rsvp')
				.values({
					event_id: event.id,
					user_id: userId,
					status: going ? 'going' : 'waiting',
					position: i + 1,
					created_at: new Date(new Date(created).getTime() + (i + 1) * 3_600_000).toISOString(),
					updated_at: new Date(new Date(created).getTime() + (i + 1) * 3_600_000).toISOString(),
					promoted_at: null,
					cancelled_at: null,
				})
				.execute()
			// Most of those going to a past event came, and were checked in at the door.
			if (past && going && (i * 7 + n) % 5 !== 0) {
				await db
					.insertInto('event_attendance')
					.values({
						event_id: event.id,
						user_id: userId,
						name: '',
						walk_in: 0,
						checked_in_at: startsAt,
						checked_in_by: organiserId,
					})
					.execute()
			}
		}
		// Helpers: past shifts were filled; upcoming ones still want people.
		for (const [i, shiftId] of shiftIds.entries()) {
			const needed = template.shifts![i]![1]
			for (const userId of pick(people, past ? needed : Math.max(0, needed - 1), n * 11 + i + 3)) {
				await db
					.insertInto('event_helper')
					.values({ shift_id: shiftId, user_id: userId, created_at: created })
					.onConflict((oc) => oc.doNothing())
					.execute()
			}
		}
	}
	// Attendance rows keep the name as it was at the door.
	const attendance = await db
		.selectFrom('event_attendance')
		.innerJoin('user', 'user.id', 'event_attendance.user_id')
		.select(['event_attendance.id', 'user.name'])
		.where('event_attendance.name', '=', '')
		.execute()
	for (const a of attendance)
		await db.updateTable('event_attendance').set({ name: a.name }).where('id', '=', a.id).execute()
}
