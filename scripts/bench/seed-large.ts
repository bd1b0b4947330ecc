// A large pact for the benchmarks, written straight into the tables in batches (no emails, no
// per-row app logic): confirmed signatories with commitments, a long run of events around today
// with RSVPs, waitlists and helper shifts. Whatever the app keeps as running totals or as "already
// done" is written to match the rows, so the server starts as it would on a real pact of this
// size and the worker has no backlog to chew through while we measure:
//   - pact_count and commitment.chosen_count: rebuilt with recountPact, as the demo seed does;
//   - the engagement ladder: everyone on step 1 (confirmed, no check-ins), with its history row,
//     so the worker's periodic re-evaluation promotes nobody;
//   - event reminders already sent for events starting in the next days, and this period's
//     digests already sent when today falls in a digest window, so no email storm starts.
// Events keep no counts of their own (going/waiting are counted from event_rsvp when read).
import { sql, type Transaction } from 'kysely'
import { isPostgres } from '#db/engine.ts'
import { demoCatalogue } from '#db/seed.ts'
import type { DB } from '#db/index.ts'
import type { Database, DigestFrequency, EventStatus, Language, RsvpStatus } from '#db/schema.ts'
import { slugify } from '#app/events/life-cycle.server.ts'
import { eventTypes } from '#app/events/schemas.ts'
import { digestPeriod } from '#app/newsletters/digest.server.ts'
import { recountPact } from '#app/pledge/counts.server.ts'
import { CONSENT_VERSION } from '#app/pledge/schemas.ts'

export interface PactSize {
	signatures: number
	events: number
	rsvps: number
}

/** The sizes issue 8 asks for, each overridable from the environment for a quick run. */
export function pactSizeFromEnv(env = process.env): PactSize {
	return {
		signatures: Number(env.BENCH_SIGNATURES ?? 100_000),
		events: Number(env.BENCH_EVENTS ?? 1_000),
		rsvps: Number(env.BENCH_RSVPS ?? 200_000),
	}
}

export interface SeededPact {
	signatures: number
	events: number
	rsvps: number
	/** The catalogue's ids, for forms that post commitments. */
	commitmentIds: number[]
	/** An upcoming published event with a capacity and a full list: the event page to load. */
	eventPath: string | null
	seconds: number
}

/** Signatories' addresses: `signatory-<n>@pact.bench.example`. */
export const SIGNATORY_DOMAIN = 'pact.bench.example'

const BATCH = 1_000
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

const firstNames = [
	'Alva',
	'Erik',
	'Maja',
	'Lars',
	'Elsa',
	'Omar',
	'Ingrid',
	'Johan',
	'Saga',
	'Ahmed',
	'Linnea',
	'Per',
	'Wilma',
	'Nils',
	'Fatima',
	'Karl',
	'Ebba',
	'Mikael',
	'Astrid',
	'Leila',
]
const lastNames = [
	'Lind',
	'Andersson',
	'Nilsson',
	'Persson',
	'Olsson',
	'Haddad',
	'Berg',
	'Johansson',
	'Holm',
	'Yousef',
	'Ek',
	'Svensson',
	'Karimi',
]
const districts = [
	'Centrum',
	'Tågaborg',
	'Råå',
	'Påarp',
	'Ödåkra',
	'Rydebäck',
	'Maria',
	'Fredriksdal',
	'Olympia',
	'Dalhem',
	'Mariastaden',
	'Gantofta',
]
const elsewhere = ['Höganäs', 'Ängelholm', 'Landskrona', 'Bjuv', 'Åstorp']
const places = [
	'Dunkers kulturhus, Kungsgatan 11, Helsingborg',
	'Stadsbiblioteket, Bollbrogatan 1, Helsingborg',
	'Rådhuset, Drottninggatan 1, Helsingborg',
	'Gustav Adolfs torg, Helsingborg',
]
const capacities = [40, 80, 150, 250, null, null] as const

/** Runs `write` over [0, total) in transactions of BATCH rows: one commit per batch keeps it fast. */
async function inBatches(
	db: DB,
	total: number,
	write: (trx: Transaction<Database>, from: number, to: number) => Promise<void>,
): Promise<void> {
	for (let from = 0; from < total; from += BATCH) {
		const to = Math.min(total, from + BATCH)
		await db.transaction().execute((trx) => write(trx, from, to))
	}
}

export async function seedLargePact(db: DB, size: PactSize, now = new Date()): Promise<SeededPact> {
	const started = performance.now()
	const stamp = now.toISOString()
	const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()

	// The demo catalogue (21 commitments in five categories), so forms and pages look real.
	const commitmentIds: number[] = []
	for (const [i, c] of demoCatalogue.entries()) {
		const row = await db
			.insertInto('commitment')
			.values({
				category: c.category,
				title_sv: c.sv,
				title_en: c.en,
				kg_co2e_per_year: c.kg,
				source: c.source,
				sort_order: i + 1,
				created_at: ago(800 * DAY_MS),
				retired_at: null,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		commitmentIds.push(row.id)
	}

	// Signatories: 80 % Swedish, 20 % English (what the newsletter benchmark sends to); one in
	// eight from a neighbouring municipality; all said yes to newsletters.
	const userIds: number[] = []
	await inBatches(db, size.signatures, async (trx, from, to) => {
		const people = Array.from({ length: to - from }, (_, k) => from + k)
		const confirmedAt = (n: number) => ago(((n * 7919) % 700) * DAY_MS + (n % 24) * HOUR_MS)
		const users = await trx
			.insertInto('user')
			.values(
				people.map((n) => ({
					email: `signatory-${n}@${SIGNATORY_DOMAIN}`,
					name: `${firstNames[n % firstNames.length]} ${lastNames[n % lastNames.length]}`,
					language: (n % 5 === 4 ? 'en' : 'sv') as Language,
					created_at: confirmedAt(n),
					digest_frequency: (n % 10 === 0 ? 'off' : n % 10 === 1 ? 'weekly' : 'monthly') as DigestFrequency,
				})),
			)
			.returning('id')
			.execute()
		userIds.push(...users.map((u) => u.id))
		const signatures = await trx
			.insertInto('signature')
			.values(
				users.map((u, k) => {
					const n = from + k
					const resident = n % 8 !== 0
					return {
						user_id: u.id,
						status: 'confirmed' as const,
						lives_in_municipality: resident ? (1 as const) : (0 as const),
						district: resident ? districts[n % districts.length]! : elsewhere[n % elsewhere.length]!,
						show_first_name: n % 3 === 0 ? (1 as const) : (0 as const),
						newsletter_consent: 1 as const,
						newsletter_consent_at: confirmedAt(n),
						consent_version: CONSENT_VERSION,
						consent_at: confirmedAt(n),
						confirmed_at: confirmedAt(n),
						withdrawn_at: null,
						created_at: confirmedAt(n),
						updated_at: confirmedAt(n),
					}
				}),
			)
			.returning('id')
			.execute()
		// Two catalogue commitments each (some far more popular than others), every tenth person
		// one more in their own words.
		await trx
			.insertInto('pledge_commitment')
			.values(
				signatures.flatMap((s, k) => {
					const n = from + k
					const first = commitmentIds[(n * n) % 5 === 0 ? 0 : n % commitmentIds.length]!
					const second = commitmentIds[(n * 3 + 7) % commitmentIds.length]!
					const rows: Array<{ commitment_id: number | null; own_words: string | null }> = [
						{ commitment_id: first, own_words: null },
					]
					if (second !== first) rows.push({ commitment_id: second, own_words: null })
					if (n % 10 === 3)
						rows.push({ commitment_id: null, own_words: 'Ta cykeln till stationen i stället för bilen' })
					return rows.map((row) => ({
						...row,
						signature_id: s.id,
						progress: n % 3 === 0 ? ('started' as const) : ('chosen' as const),
						added_at: confirmedAt(n),
						updated_at: confirmedAt(n),
					}))
				}),
			)
			.execute()
		await trx
			.insertInto('ladder_step')
			.values(
				users.map((u, k) => ({
					user_id: u.id,
					step: 1,
					rule_step: 1,
					attended_count: 0,
					helped_count: 0,
					reached_at: confirmedAt(from + k),
					seen_step: 1,
					evaluated_at: stamp,
				})),
			)
			.execute()
		await trx
			.insertInto('ladder_history')
			.values(
				users.map((u, k) => ({
					user_id: u.id,
					from_step: 0,
					to_step: 1,
					source: 'rule' as const,
					rule: 'signature' as const,
					reason: null,
					event_id: null,
					changed_by: null,
					changed_at: confirmedAt(from + k),
					email: 'none' as const,
				})),
			)
			.execute()
	})
	await recountPact(db)

	// This period's digests already went out (only matters when today is in a digest window:
	// otherwise the worker would start rendering one per person in the middle of the benchmark).
	for (const rhythm of ['weekly', 'monthly'] as const) {
		const period = digestPeriod(rhythm, now)
		if (now.getTime() < period.sendFrom.getTime() - HOUR_MS || now >= period.sendUntil) continue
		const ids = userIds.filter((_, n) => (rhythm === 'weekly' ? n % 10 === 1 : n % 10 >= 2))
		await inBatches(db, ids.length, async (trx, from, to) => {
			await trx
				.insertInto('digest')
				.values(
					ids
						.slice(from, to)
						.map((user_id) => ({ user_id, period: period.key, outcome: 'queued' as const, created_at: stamp })),
				)
				.execute()
		})
	}

	const eventPath = await seedEvents(db, size, userIds, now)
	// A pact that grew over months has had its tables analysed by PostgreSQL's autovacuum long ago;
	// one loaded a second ago has not, and without statistics the planner picks plans no real pact
	// gets (queueing a newsletter took 19 s instead of 8). SQLite's app never runs ANALYZE: left as it is.
	if (isPostgres(db)) await sql`analyze`.execute(db)
	return {
		signatures: size.signatures,
		events: size.events,
		rsvps: size.rsvps,
		commitmentIds,
		eventPath,
		seconds: (performance.now() - started) / 1000,
	}
}

/**
 * Events one every 26 hours, 70 % behind us and 30 % ahead; most with a capacity, every fourth
 * with helper shifts; RSVPs spread unevenly (a quarter to 1.75 times the average), so capped
 * events have waitlists.
 */
async function seedEvents(db: DB, size: PactSize, userIds: number[], now: Date): Promise<string | null> {
	if (size.events === 0) return null
	const stamp = now.toISOString()
	const organiser = await db
		.insertInto('user')
		.values({ email: `organiser@${SIGNATORY_DOMAIN}`, name: 'Ali Arrangör', language: 'sv', created_at: stamp })
		.returning('id')
		.executeTakeFirstOrThrow()
	await db.insertInto('user_role').values({ user_id: organiser.id, role: 'organiser', granted_at: stamp }).execute()

	const firstStart = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - Math.round(size.events * 0.7) * 26 * HOUR_MS
	const plan = Array.from({ length: size.events }, (_, i) => {
		const startsAt = new Date(firstStart + i * 26 * HOUR_MS)
		const status: EventStatus = i % 50 === 7 ? 'cancelled' : i % 50 === 13 ? 'draft' : 'published'
		const type = eventTypes[i % (eventTypes.length - 1)]!
		return {
			i,
			startsAt,
			status,
			type,
			capacity: capacities[i % capacities.length]!,
			title: `${type.replace(/-/g, ' ')} nr ${i + 1}`,
		}
	})

	const ids: number[] = []
	await inBatches(db, plan.length, async (trx, from, to) => {
		const rows = await trx
			.insertInto('event')
			.values(
				plan.slice(from, to).map((e) => {
					const created = new Date(e.startsAt.getTime() - 40 * DAY_MS).toISOString()
					return {
						slug: `${slugify(e.title, e.startsAt.toISOString().slice(0, 10))}-${e.i}`,
						type: e.type,
						title: e.title,
						description: `Välkommen! Vi ses för **${e.title}**.\n\n- Ta med en vän\n- Fika finns\n\n${'Ett stycke om vad vi gör och varför det spelar roll för klimatet. '.repeat(3)}`,
						starts_at: e.startsAt.toISOString(),
						ends_at: new Date(e.startsAt.getTime() + 2 * HOUR_MS).toISOString(),
						place: places[e.i % places.length]!,
						online_url: null,
						capacity: e.capacity,
						rsvp_closes_at: null,
						reminder_hours: 24,
						status: e.status,
						sequence: e.status === 'cancelled' ? 1 : 0,
						organiser_id: organiser.id,
						series_id: null,
						published_at: e.status === 'draft' ? null : created,
						cancelled_at: e.status === 'cancelled' ? stamp : null,
						created_at: created,
						updated_at: created,
					}
				}),
			)
			.returning('id')
			.execute()
		ids.push(...rows.map((r) => r.id))
	})

	// How many RSVPs each published event gets: uneven, summing to exactly size.rsvps.
	const published = plan.filter((e) => e.status === 'published')
	const weights = [0.25, 0.5, 1, 1.5, 1.75]
	const base = size.rsvps / Math.max(1, published.length)
	const wanted = new Map(
		published.map((e) => [e.i, Math.min(userIds.length, Math.floor(base * weights[e.i % weights.length]!))]),
	)
	let missing = size.rsvps - [...wanted.values()].reduce((a, b) => a + b, 0)
	for (let added = 1; missing > 0 && added > 0;) {
		added = 0
		for (const e of published) {
			if (missing === 0 || wanted.get(e.i)! >= userIds.length) continue
			wanted.set(e.i, wanted.get(e.i)! + 1)
			missing--
			added++
		}
	}

	type Rsvp = {
		event_id: number
		user_id: number
		status: RsvpStatus
		position: number
		created_at: string
		updated_at: string
		promoted_at: null
		cancelled_at: string | null
	}
	const rsvps: Rsvp[] = []
	const going = new Map<number, number[]>()
	for (const e of published) {
		const eventId = ids[e.i]!
		const offset = (e.i * 7919) % Math.max(1, userIds.length)
		const at = new Date(e.startsAt.getTime() - 30 * DAY_MS).toISOString()
		const goingHere: number[] = []
		going.set(eventId, goingHere)
		for (let j = 0; j < wanted.get(e.i)!; j++) {
			const userId = userIds[(offset + j) % userIds.length]!
			const cancelled = j % 17 === 16
			const status: RsvpStatus = cancelled
				? 'cancelled'
				: e.capacity === null || goingHere.length < e.capacity
					? 'going'
					: 'waiting'
			if (status === 'going') goingHere.push(userId)
			rsvps.push({
				event_id: eventId,
				user_id: userId,
				status,
				position: j + 1,
				created_at: at,
				updated_at: at,
				promoted_at: null,
				cancelled_at: cancelled ? at : null,
			})
		}
	}
	await inBatches(db, rsvps.length, async (trx, from, to) => {
		await trx.insertInto('event_rsvp').values(rsvps.slice(from, to)).execute()
	})

	// Helper shifts on every fourth event, partly taken by people going.
	const helpers = new Map<number, number[]>()
	for (const e of plan.filter((p) => p.i % 4 === 0)) {
		const eventId = ids[e.i]!
		for (const [k, [title, needed]] of (
			[
				['Ta emot vid dörren', 2],
				['Duka fram fikat', 3],
			] as const
		).entries()) {
			const shift = await db
				.insertInto('event_helper_shift')
				.values({ event_id: eventId, title, needed, sort_order: k })
				.returning('id')
				.executeTakeFirstOrThrow()
			const taken = (going.get(eventId) ?? []).slice(k * 3, k * 3 + needed - 1)
			if (taken.length > 0)
				await db
					.insertInto('event_helper')
					.values(taken.map((user_id) => ({ shift_id: shift.id, user_id, created_at: stamp })))
					.execute()
			helpers.set(eventId, [...(helpers.get(eventId) ?? []), ...taken])
		}
	}

	// Reminders for the next days' events went out already (reminder_hours is 24).
	const soon = plan.filter(
		(e) => e.status === 'published' && e.startsAt > now && e.startsAt.getTime() <= now.getTime() + 3 * DAY_MS,
	)
	for (const e of soon) {
		const eventId = ids[e.i]!
		const people = [...new Set([...(going.get(eventId) ?? []), ...(helpers.get(eventId) ?? [])])]
		await inBatches(db, people.length, async (trx, from, to) => {
			await trx
				.insertInto('event_reminder')
				.values(
					people
						.slice(from, to)
						.map((user_id) => ({ event_id: eventId, user_id, starts_at: e.startsAt.toISOString(), sent_at: stamp })),
				)
				.execute()
		})
	}

	// The event page to load: the first upcoming published event with a capacity, full and with a waitlist if possible.
	const upcoming = published.filter((e) => e.startsAt > now && e.capacity !== null)
	const pick =
		upcoming.find((e) => wanted.get(e.i)! > e.capacity!) ?? upcoming[0] ?? published.find((e) => e.startsAt > now)
	if (!pick) return null
	const row = await db.selectFrom('event').select('slug').where('id', '=', ids[pick.i]!).executeTakeFirstOrThrow()
	return `/events/${row.slug}`
}
