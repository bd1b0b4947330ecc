import { grantRole } from '#app/auth/roles.server.ts'
import { config } from '#app/config.server.ts'
import { recountPact } from '#app/pledge/counts.server.ts'
import { CONSENT_VERSION } from '#app/pledge/schemas.ts'
import type { DB } from './index.ts'
import { seedEvents } from './seed-events.ts'
import { seedImages } from './seed-images.ts'
import { seedLadder } from './seed-ladder.ts'
import { seedThemes } from './seed-themes.ts'
import { seedPages } from './seed-pages.ts'
import { seedProposals } from './seed-proposals.ts'
import { seedPartners } from './seed-partners.ts'
import { seedStories } from './seed-stories.ts'
import { seedPartnershipDay } from './seed-partnership-day.ts'
import { seedMentoringProjects } from './seed-mentoring-projects.ts'
import { seedReports } from './seed-reports.ts'
import type { CommitmentCategory, Language, PledgeProgress, RoleName } from './schema.ts'

/**
 * Demo content for a fresh database: a commitment catalogue, a coordinator and an organiser,
 * and about forty confirmed signatures. Deterministic: the same rows every time (dates counted
 * back from a fixed day). Signatures are written as rows, without any email, and the kept counts
 * are then rebuilt with recountPact, the same function that repairs them.
 */

type DemoCommitment = {
	key: string
	category: CommitmentCategory
	sv: string
	en: string
	kg: number | null
	source: string | null
}

/** Estimates are rounded, per person and year, for a typical Swedish household. */
export const demoCatalogue: DemoCommitment[] = [
	{
		key: 'commute',
		category: 'transport',
		sv: 'Cykla, gå eller åka kollektivt till jobbet eller skolan minst tre dagar i veckan',
		en: 'Cycle, walk or take public transport to work or school at least three days a week',
		kg: 450,
		source: 'Trafikverket',
	},
	{
		key: 'train-holiday',
		category: 'transport',
		sv: 'Semestra med tåg i stället för att flyga inom Europa',
		en: 'Take the train instead of flying on holidays within Europe',
		kg: 600,
		source: 'Naturvårdsverket',
	},
	{
		key: 'car-pool',
		category: 'transport',
		sv: 'Dela bil eller använda bilpool i stället för att äga en egen bil',
		en: 'Share a car or use a car pool instead of owning a car',
		kg: 400,
		source: 'Trafikverket',
	},
	{
		key: 'eco-driving',
		category: 'transport',
		sv: 'Köra sparsamt och hålla rätt däcktryck när jag kör bil',
		en: 'Drive economically and keep the right tyre pressure when I drive',
		kg: 120,
		source: 'Trafikverket',
	},
	{
		key: 'e-bike',
		category: 'transport',
		sv: 'Ta elcykeln i stället för bilen på resor kortare än en mil',
		en: 'Take an e-bike instead of the car for trips shorter than 10 km',
		kg: 300,
		source: 'Naturvårdsverket',
	},

	{
		key: 'vegetarian',
		category: 'food',
		sv: 'Äta vegetariskt minst fyra dagar i veckan',
		en: 'Eat vegetarian at least four days a week',
		kg: 300,
		source: 'Livsmedelsverket',
	},
	{
		key: 'food-waste',
		category: 'food',
		sv: 'Halvera mitt matsvinn: planera inköpen och ät upp resterna',
		en: 'Halve my food waste: plan the shopping and eat the leftovers',
		kg: 50,
		source: 'Naturvårdsverket',
	},
	{
		key: 'less-beef',
		category: 'food',
		sv: 'Byta ut hälften av nötköttet mot baljväxter',
		en: 'Replace half of the beef I eat with pulses',
		kg: 250,
		source: 'RISE',
	},
	{
		key: 'plant-milk',
		category: 'food',
		sv: 'Välja växtbaserad mjölk och yoghurt',
		en: 'Choose plant-based milk and yoghurt',
		kg: 80,
		source: 'RISE',
	},

	{
		key: 'one-degree',
		category: 'energy',
		sv: 'Sänka inomhustemperaturen med en grad',
		en: 'Lower the indoor temperature by one degree',
		kg: 50,
		source: 'Energimyndigheten',
	},
	{
		key: 'short-showers',
		category: 'energy',
		sv: 'Duscha kortare, högst fem minuter',
		en: 'Take shorter showers, five minutes at most',
		kg: 20,
		source: 'Energimyndigheten',
	},
	{
		key: 'energy-advice',
		category: 'energy',
		sv: 'Boka kommunens kostnadsfria energi- och klimatrådgivning och gör minst en åtgärd',
		en: "Book the municipality's free energy and climate advice and carry out at least one measure",
		kg: null,
		source: 'Energimyndigheten',
	},
	{
		key: 'renewable-power',
		category: 'energy',
		sv: 'Byta till förnybar el med ursprungsmärkning',
		en: 'Switch to renewable electricity with a guarantee of origin',
		kg: null,
		source: 'Energimyndigheten',
	},

	{
		key: 'second-hand',
		category: 'consumption',
		sv: 'Köpa kläder begagnat i första hand',
		en: 'Buy clothes second-hand first',
		kg: 150,
		source: 'Naturvårdsverket',
	},
	{
		key: 'keep-phone',
		category: 'consumption',
		sv: 'Använda min mobil och dator minst ett år längre',
		en: 'Keep my phone and computer at least one year longer',
		kg: 50,
		source: 'Naturvårdsverket',
	},
	{
		key: 'repair-borrow',
		category: 'consumption',
		sv: 'Laga, låna och hyra i stället för att köpa nytt',
		en: 'Repair, borrow and rent instead of buying new',
		kg: 100,
		source: 'Konsumentverket',
	},
	{
		key: 'clothing-swap',
		category: 'consumption',
		sv: 'Gå på klädbyte minst två gånger om året',
		en: 'Go to a clothing swap at least twice a year',
		kg: 40,
		source: 'Naturvårdsverket',
	},

	{
		key: 'talk',
		category: 'engagement',
		sv: 'Prata med tre personer i min omgivning om klimatavtalet',
		en: 'Talk to three people around me about the climate pact',
		kg: null,
		source: null,
	},
	{
		key: 'events',
		category: 'engagement',
		sv: 'Komma på minst två av klimatavtalets evenemang i år',
		en: "Come to at least two of the climate pact's events this year",
		kg: null,
		source: null,
	},
	{
		key: 'fossil-free-savings',
		category: 'engagement',
		sv: 'Flytta mitt sparande till fossilfria fonder',
		en: 'Move my savings to fossil-free funds',
		kg: null,
		source: 'Konsumentverket',
	},
	{
		key: 'write-politician',
		category: 'engagement',
		sv: 'Skriva till en lokalpolitiker om en klimatfråga som är viktig för mig',
		en: 'Write to a local politician about a climate issue that matters to me',
		kg: null,
		source: null,
	},
]

const districtsByCity: Record<string, string[]> = {
	Helsingborg: [
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
		'Laröd',
		'Hittarp',
		'Husensjö',
		'Berga',
	],
}
const genericDistricts = ['Centrum', 'Norr', 'Söder', 'Öster', 'Väster', 'Hamnen', 'Gamla staden', 'Stationsområdet']
const elsewhere = ['Höganäs', 'Ängelholm', 'Landskrona', 'Bjuv', 'Åstorp']

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
	'Anders',
	'Klara',
	'Jonas',
	'Leila',
	'Björn',
	'Ella',
	'Gustav',
	'Nora',
	'Oskar',
	'Selma',
	'Hassan',
	'Greta',
	'Viktor',
	'Amira',
	'Henrik',
	'Tove',
	'Daniel',
	'Agnes',
	'Mats',
	'Freja',
	'Ali',
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
	'Lund',
	'Sjöberg',
	'Karimi',
	'Axelsson',
	'Nyström',
	'Larsson',
	'Wallin',
	'Dahl',
]
const ownWordsExamples = [
	'Ta cykeln till stationen i stället för bilen',
	'Odla egna grönsaker på kolonilotten',
	'Laga mat på rester en gång i veckan',
	'Ta med egen kaffemugg',
	'Handla lokalproducerat på torget på lördagar',
	'Lära barnen cykla till skolan',
]

/** The demo staff; the README names their addresses (they sign in through the local mailbox). */
export const demoStaff: Array<{ email: string; name: string; role: RoleName; district: string }> = [
	{ email: 'koordinator@klimatpakt.example', name: 'Karin Koordinator', role: 'coordinator', district: 'Centrum' },
	{ email: 'arrangor@klimatpakt.example', name: 'Ali Arrangör', role: 'organiser', district: 'Råå' },
]

/** A small deterministic generator (LCG): the same demo every time, without Math.random. */
function generator(seed: number) {
	let state = seed
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
		return state / 2_147_483_648
	}
}

/** "Björn" → "bjorn", for demo addresses. */
function slug(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
}

/** Loads the demo content when the database has no users yet. Returns true when it did. */
export async function seedIfEmpty(db: DB): Promise<boolean> {
	const anyUser = await db.selectFrom('user').select('id').limit(1).executeTakeFirst()
	if (anyUser) return false

	const random = generator(2030)
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
	const anchor = new Date('2026-11-20T12:00:00Z').getTime()
	const day = 24 * 60 * 60 * 1000
	const districts = districtsByCity[config.pact.city] ?? genericDistricts

	await db.transaction().execute(async (trx) => {
		const ids = new Map<string, number>()
		for (const [index, entry] of demoCatalogue.entries()) {
			const row = await trx
				.insertInto('commitment')
				.values({
					category: entry.category,
					title_sv: entry.sv,
					title_en: entry.en,
					kg_co2e_per_year: entry.kg,
					source: entry.source,
					sort_order: index + 1,
					created_at: new Date(anchor - 540 * day).toISOString(),
					retired_at: null,
				})
				.returning('id')
				.executeTakeFirstOrThrow()
			ids.set(entry.key, row.id)
		}
		// Some commitments are far more popular than others, as in the real pact.
		const weighted = demoCatalogue.flatMap((entry) => {
			const weight = ['commute', 'vegetarian', 'second-hand', 'food-waste', 'one-degree'].includes(entry.key)
				? 5
				: entry.kg === null
					? 1
					: 2
			return Array.from({ length: weight }, () => ids.get(entry.key)!)
		})

		const people = [
			...demoStaff.map((staff) => ({ ...staff, livesInMunicipality: true })),
			...firstNames.map((first, i) => {
				const livesInMunicipality = i % 7 !== 3
				return {
					email: `${slug(first)}.${slug(lastNames[i % lastNames.length]!)}${i}@demo.klimatpakt.example`,
					name: `${first} ${lastNames[i % lastNames.length]}`,
					livesInMunicipality,
					district: livesInMunicipality ? districts[i % districts.length]! : elsewhere[i % elsewhere.length]!,
				}
			}),
		]

		for (const [i, person] of people.entries()) {
			const confirmedAt = new Date(anchor - (people.length - i) * 13 * day + Math.floor(random() * 10) * 3_600_000)
			const signedAt = new Date(confirmedAt.getTime() - 15 * 60_000)
			const language: Language = i % 9 === 4 ? 'en' : 'sv'
			const user = await trx
				.insertInto('user')
				.values({ email: person.email, name: person.name, language, created_at: signedAt.toISOString() })
				.returning('id')
				.executeTakeFirstOrThrow()
			const newsletter = i % 4 !== 1
			const signature = await trx
				.insertInto('signature')
				.values({
					user_id: user.id,
					status: 'confirmed',
					lives_in_municipality: person.livesInMunicipality ? 1 : 0,
					district: person.district,
					show_first_name: i % 3 === 0 ? 1 : 0,
					newsletter_consent: newsletter ? 1 : 0,
					newsletter_consent_at: newsletter ? signedAt.toISOString() : null,
					consent_version: CONSENT_VERSION,
					consent_at: signedAt.toISOString(),
					confirmed_at: confirmedAt.toISOString(),
					withdrawn_at: null,
					created_at: signedAt.toISOString(),
					updated_at: confirmedAt.toISOString(),
				})
				.returning('id')
				.executeTakeFirstOrThrow()

			const chosen = new Set<number>()
			const howMany = 1 + Math.floor(random() * 4)
			while (chosen.size < howMany) chosen.add(pick(weighted))
			const progressFor = (): PledgeProgress => {
				const r = random()
				return r < 0.45 ? 'chosen' : r < 0.8 ? 'started' : 'everyday'
			}
			const rows: Array<{ commitment_id: number | null; own_words: string | null }> = [...chosen].map((id) => ({
				commitment_id: id,
				own_words: null,
			}))
			if (i % 5 === 2) rows.push({ commitment_id: null, own_words: ownWordsExamples[i % ownWordsExamples.length]! })
			await trx
				.insertInto('pledge_commitment')
				.values(
					rows.map((row) => ({
						...row,
						signature_id: signature.id,
						progress: progressFor(),
						added_at: signedAt.toISOString(),
						updated_at: signedAt.toISOString(),
					})),
				)
				.execute()
		}
	})

	for (const staff of demoStaff) await grantRole(db, staff.email, staff.role, new Date(anchor))
	await recountPact(db)
	// A year of events around today, with RSVPs and attendance by the people above.
	await seedEvents(db)
	await seedImages(db)
	await seedThemes(db)
	// The ladder last: it reads the signatures, check-ins and helper shifts above.
	await seedLadder(db)
	await seedPages(db)
	// Proposals and Q&A questions last: they read the signatures, events and themes above.
	await seedProposals(db)
	// Partners, their contacts and agreements, and the climate challenge catalogue.
	await seedPartners(db)
	// Climate reports after the partners they belong to.
	await seedReports(db)
	// Partner stories and the award of the month, after the partners whose stories they are.
	await seedStories(db)
	// Partnership days (one past with its rounds and pledges, one ahead), after the partners who come.
	await seedPartnershipDay(db)
	// Mentorships and lighthouse projects among the demo partners.
	await seedMentoringProjects(db)
	return true
}
