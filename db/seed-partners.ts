import { addToLocalDate } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import type { DB } from './index.ts'
import type { PartnerSize, PartnerType } from './schema.ts'

/**
 * Demo partners: the climate-challenge catalogue and a dozen organisations of every type, each
 * with a contact (a demo account) and an approved agreement in force with three or four
 * challenges; one more has just submitted its agreement, so /admin/partners has something to
 * review. Written as rows, without emails. Does nothing when partners already exist.
 */

const demoChallenges: Array<[string, string, string]> = [
	['Ställ om transporterna', 'Switch transport over', 'Resor, tjänstebilar och leveranser med mindre utsläpp.'],
	['Minska matsvinnet', 'Cut food waste', 'Mindre mat som slängs i kök, butik och matsal.'],
	['Energieffektivisera lokalerna', 'Make premises energy efficient', 'Värme, ventilation och belysning.'],
	['Byt till förnybar energi', 'Switch to renewable energy', 'El och värme från förnybara källor.'],
	['Cirkulära inköp', 'Circular purchasing', 'Köpa begagnat, hyra, laga och återanvända.'],
	['Klimatsmart mat', 'Climate-smart food', 'Mer växtbaserat, säsong och närodlat.'],
	['Hållbara resor till och från jobbet', 'Sustainable commuting', 'Cykel, kollektivtrafik och samåkning.'],
	['Minska plasten', 'Less plastic', 'Färre engångsförpackningar och mer returemballage.'],
	['Engagera medarbetare och medlemmar', 'Engage staff and members', 'Utbildning, klimatombud och idéer underifrån.'],
	['Klimatanpassa verksamheten', 'Adapt to a changing climate', 'Skyfall, värmeböljor och grönska.'],
]

interface DemoPartner {
	name: string
	type: PartnerType
	sector: string
	size: PartnerSize
	district: string | null
	website: string | null
	description: string
	contact: string
	challenges: number[]
}

const demoPartners: DemoPartner[] = [
	{
		name: 'Bageriet Kärnan',
		type: 'business',
		sector: 'Livsmedel',
		size: '10-49',
		district: 'Centrum',
		website: 'https://bageriet-karnan.example',
		description:
			'Surdegsbageri med två butiker som bakar med svenskt mjöl och säljer gårdagens bröd till halva priset.',
		contact: 'Lina Bagare',
		challenges: [1, 5, 7],
	},
	{
		name: 'Öresundsbostäder',
		type: 'business',
		sector: 'Bostäder',
		size: '250+',
		district: 'Drottninghög',
		website: 'https://oresundsbostader.example',
		description: 'Kommunalt bostadsbolag med elvatusen lägenheter som renoverar energismart och bygger med trä.',
		contact: 'Per Fastighet',
		challenges: [2, 3, 9],
	},
	{
		name: 'Helsingborgs Bollklubb Ungdom',
		type: 'association',
		sector: 'Idrott',
		size: '250+',
		district: 'Olympia',
		website: 'https://hbk-ungdom.example',
		description:
			'Fotbollsförening med sexhundra barn och unga som samåker till bortamatcher och byter skor och kläder.',
		contact: 'Sara Tränare',
		challenges: [0, 4, 8],
	},
	{
		name: 'Nicolaiskolans gymnasium',
		type: 'school',
		sector: 'Utbildning',
		size: '50-249',
		district: 'Centrum',
		website: 'https://nicolaiskolan.example',
		description: 'Gymnasieskola där eleverna gör klimatprojekt tillsammans med företag i staden.',
		contact: 'Johan Lärare',
		challenges: [1, 5, 8],
	},
	{
		name: 'Nordvästra Skånes Vatten',
		type: 'public-body',
		sector: 'Vatten och avlopp',
		size: '250+',
		district: null,
		website: 'https://nsva.example',
		description: 'Det kommunala vattenbolaget som gör biogas av slam och klimatanpassar ledningsnätet.',
		contact: 'Eva Vattenverk',
		challenges: [2, 3, 9],
	},
	{
		name: 'Cykelköket Söder',
		type: 'association',
		sector: 'Cykel och mobilitet',
		size: '1-9',
		district: 'Söder',
		website: null,
		description: 'Ideell verkstad där vem som helst lagar sin cykel med lånade verktyg och goda råd.',
		contact: 'Ali Cykel',
		challenges: [0, 4, 6],
	},
	{
		name: 'Rosengårdens Café',
		type: 'business',
		sector: 'Restaurang och café',
		size: '1-9',
		district: 'Tågaborg',
		website: 'https://rosengardenscafe.example',
		description: 'Kvarterscafé med vegetarisk lunch och kaffe i egen kopp.',
		contact: 'Maria Café',
		challenges: [1, 5, 7],
	},
	{
		name: 'Hamnens Logistik AB',
		type: 'business',
		sector: 'Transport och logistik',
		size: '50-249',
		district: 'Oceanhamnen',
		website: 'https://hamnenslogistik.example',
		description: 'Speditionsfirma som kör sista milen med ellastcyklar och biogaslastbilar.',
		contact: 'Nils Åkare',
		challenges: [0, 3, 6],
	},
	{
		name: 'Studiefrämjandet Helsingborg',
		type: 'association',
		sector: 'Folkbildning',
		size: '10-49',
		district: 'Centrum',
		website: 'https://studieframjandet-hbg.example',
		description: 'Studieförbund med cirklar om odling, reparation och klimatsmart vardag.',
		contact: 'Karin Cirkel',
		challenges: [4, 5, 8],
	},
	{
		name: 'Filbornaskolan',
		type: 'school',
		sector: 'Utbildning',
		size: '50-249',
		district: 'Filborna',
		website: null,
		description: 'Grundskola F–9 med skolträdgård och matsal som halverat matsvinnet.',
		contact: 'Omar Rektor',
		challenges: [1, 2, 9],
	},
	{
		name: 'Helsingborgs stadsbibliotek',
		type: 'public-body',
		sector: 'Kultur',
		size: '50-249',
		district: 'Centrum',
		website: 'https://stadsbiblioteket.example',
		description: 'Biblioteket lånar ut verktyg, symaskiner och elcyklar, inte bara böcker.',
		contact: 'Anna Bibliotek',
		challenges: [4, 7, 8],
	},
	{
		name: 'Ramlösa Snickeri',
		type: 'business',
		sector: 'Bygg och hantverk',
		size: '1-9',
		district: 'Ramlösa',
		website: 'https://ramlosasnickeri.example',
		description: 'Snickeri som bygger om och återbrukar material från rivningar.',
		contact: 'Erik Snickare',
		challenges: [2, 4, 7],
	},
]

/** "Lina Bagare" → "lina.bagare@klimatpakt.example". */
function demoEmail(name: string): string {
	const local = name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z]+/g, '.')
	return `${local}@klimatpakt.example`
}

function slugOf(name: string): string {
	return name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
}

export async function seedPartners(db: DB, now = new Date()): Promise<void> {
	if (await db.selectFrom('partner').select('id').limit(1).executeTakeFirst()) return
	const challengeIds: number[] = []
	for (const [titleSv, titleEn, description] of demoChallenges) {
		const row = await db
			.insertInto('climate_challenge')
			.values({ title_sv: titleSv, title_en: titleEn, description, retired_at: null })
			.returning('id')
			.executeTakeFirstOrThrow()
		challengeIds.push(row.id)
	}
	const coordinator = await db
		.selectFrom('user')
		.select('id')
		.where('email', '=', 'koordinator@klimatpakt.example')
		.executeTakeFirst()
	const today = now.toISOString().slice(0, 10)
	// Whole days only, so two seeds on the same day write the same rows.
	const createdAt = `${today}T08:00:00.000Z`
	// The last partner has signed but waits for review; the others were approved months ago.
	const partners = [
		...demoPartners,
		{
			name: 'Kullabergs Solenergi',
			type: 'business' as const,
			sector: 'Energi',
			size: '10-49' as const,
			district: null,
			website: 'https://kullabergssol.example',
			description: 'Installerar solceller på villor, skolor och bostadsrättsföreningar.',
			contact: 'Stina Solcell',
			challenges: [3, 2, 8],
		},
	]
	for (const [i, demo] of partners.entries()) {
		const email = demoEmail(demo.contact)
		const user =
			(await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst()) ??
			(await db
				.insertInto('user')
				.values({ email, name: demo.contact, language: 'sv', created_at: createdAt })
				.returning('id')
				.executeTakeFirstOrThrow())
		const partner = await db
			.insertInto('partner')
			.values({
				slug: slugOf(demo.name),
				name: demo.name,
				type: demo.type,
				sector: demo.sector,
				size: demo.size,
				district: demo.district,
				website: demo.website,
				logo_image_id: null,
				description: demo.description,
				created_at: createdAt,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		await db
			.insertInto('partner_member')
			.values({ partner_id: partner.id, user_id: user.id, role: 'contact' })
			.execute()
		const waiting = i === partners.length - 1
		const start = waiting ? today : addToLocalDate(today, { months: -(3 + i * 2) })
		const signedAt = new Date(`${start}T10:00:00Z`).toISOString()
		const agreement = await db
			.insertInto('agreement')
			.values({
				partner_id: partner.id,
				status: waiting ? 'submitted' : 'approved',
				period_start: start,
				period_end: addToLocalDate(addToLocalDate(start, { months: 12 * config.partners.agreementYears }), {
					days: -1,
				}),
				communication_commitment:
					'Vi delar minst en berättelse om året om vårt klimatarbete i klimatavtalets kanaler och våra egna.',
				education_commitment:
					demo.type === 'school'
						? 'Varje årskurs gör ett klimatprojekt tillsammans med en annan partner.'
						: 'Vi tar emot ett elevprojekt om året och utbildar all personal i klimatfrågor.',
				co2_baseline_year: now.getUTCFullYear() - 3,
				co2_target_2030_percent: config.partners.target2030Percent,
				climate_neutral_year: config.partners.climateNeutralYear,
				signed_by: user.id,
				signed_at: signedAt,
				reviewed_by: waiting ? null : (coordinator?.id ?? null),
				reviewed_at: waiting ? null : signedAt,
				review_comment: null,
				created_at: signedAt,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		await db
			.insertInto('agreement_challenge')
			.values(demo.challenges.map((c) => ({ agreement_id: agreement.id, challenge_id: challengeIds[c]! })))
			.execute()
	}
}
