import { addToLocalDate } from '#app/common/time.ts'
import { getPartner, localToday, partnerMembers } from '#app/partners/partners.server.ts'
import type { ProjectStatus } from './schema.ts'
import type { DB } from './index.ts'
import { saveDrawing, svg } from './seed-images.ts'

/**
 * Demo content for mentoring and lighthouse projects, after the demo partners (db/seed-partners.ts):
 * three running mentorships (one mentor with two mentees) with a few logged meetings, and three
 * lighthouse projects in different statuses with their updates, one with a picture. Written as
 * rows, without emails; days are counted back from today, so two seeds on one day write the same.
 * Does nothing when either exists already or the demo partners are missing.
 */

/** Mentee, mentor, days since they were paired, and the meetings: days ago and a note. */
const demoMentorships: Array<[string, string, number, Array<[number, string | null]>]> = [
	[
		'bageriet-karnan',
		'hamnens-logistik-ab',
		70,
		[
			[62, 'Första mötet i bageriet. Vi gick igenom avtalets tre spår och vilka transporter som ger mest utsläpp.'],
			[35, 'Provkörde en ellastcykel på morgonrundan till caféerna. Fungerar för allt utom bröllopstårtor.'],
			[9, 'Gick igenom hur Hamnens Logistik räknar utsläppen i klimatrapporten. Nästa gång: basåret.'],
		],
	],
	[
		'cykelkoket-soder',
		'hamnens-logistik-ab',
		40,
		[[21, 'Pratade om hur en ideell verkstad kan samarbeta med butikerna om service på lådcyklar.']],
	],
	[
		'nicolaiskolans-gymnasium',
		'filbornaskolan',
		95,
		[
			[80, 'Filbornaskolans kök visade hur de väger matsvinnet varje dag.'],
			[44, null],
		],
	],
]

interface DemoUpdate {
	partner: string
	daysAgo: number
	body: string
	status?: ProjectStatus
}

interface DemoProject {
	slug: string
	title: string
	titleEn: string
	description: string
	descriptionEn: string
	status: ProjectStatus
	startedDaysAgo: number
	/** By address; the first leads. Kullabergs Solenergi's agreement still waits, so it is not shown. */
	partners: string[]
	updates: DemoUpdate[]
	picture: { alt: string; svg: string } | null
}

const demoProjects: DemoProject[] = [
	{
		slug: 'solpark-pa-filbornaskolans-tak',
		title: 'Solpark på Filbornaskolans tak',
		titleEn: 'A shared solar park on Filborna school’s roof',
		description:
			'Filbornaskolans stora tak blir en **solpark** som skolan, bostadsbolaget och grannarna äger tillsammans.\n\n- Omkring 900 kvadratmeter solceller\n- El till skolan dagtid och till hyresgästerna i kvarteret resten av dygnet\n- Eleverna följer produktionen i undervisningen\n\nStudiefrämjandet håller studiecirklar för grannar som vill vara med och äga en andel.',
		descriptionEn:
			'The large roof of Filborna school becomes a **solar park** that the school, the housing company and the neighbours own together.\n\n- About 900 square metres of solar panels\n- Power for the school in the daytime and for the tenants in the block the rest of the day\n- The pupils follow the production in their lessons\n\nStudiefrämjandet runs study circles for neighbours who want to own a share.',
		status: 'under-way',
		startedDaysAgo: 150,
		partners: ['filbornaskolan', 'oresundsbostader', 'studieframjandet-helsingborg', 'kullabergs-solenergi'],
		updates: [
			{
				partner: 'filbornaskolan',
				daysAgo: 120,
				body: 'Konstruktören har kontrollerat taket: det bär panelerna utan förstärkning. Nu går vi från idé till genomförande.',
				status: 'under-way',
			},
			{
				partner: 'studieframjandet-helsingborg',
				daysAgo: 60,
				body: 'Första studiecirkeln om andelsägd solel är full. Tolv grannar har anmält intresse för en andel.',
			},
			{
				partner: 'oresundsbostader',
				daysAgo: 14,
				body: 'Panelerna är beställda och monteringen börjar efter sportlovet. Hyresgästerna får information i nästa nyhetsbrev.',
			},
		],
		picture: {
			alt: 'Illustration: ett skoltak fullt av blå solpaneler under en gul sol',
			svg: svg(
				'#e6f0f7',
				'<circle cx="1000" cy="170" r="100" fill="#f4d03f"/><rect x="150" y="470" width="900" height="250" fill="#c8b08a"/><polygon points="120,470 600,300 1080,470" fill="#7a5c3e"/><g fill="#2f5f9e" stroke="#e6f0f7" stroke-width="8"><polygon points="260,440 420,383 420,430 260,470"/><polygon points="440,376 600,320 600,368 440,424"/><polygon points="620,320 780,376 780,424 620,368"/><polygon points="800,383 960,440 960,470 800,430"/></g>',
			),
		},
	},
	{
		slug: 'ladcykelpool-for-butikerna-i-centrum',
		title: 'Lådcykelpool för butikerna i centrum',
		titleEn: 'A cargo-bike pool for the shops in the centre',
		description:
			'Butikerna i centrum delar på fem **ellådcyklar** för leveranser och inköp i stället för att köra egna skåpbilar korta sträckor.\n\nCykelköket sköter service, Hamnens Logistik bokningen och laddningen i sitt lager vid hamnen.',
		descriptionEn:
			'The shops in the centre share five electric **cargo bikes** for deliveries and errands instead of driving their own vans short distances.\n\nCykelköket looks after the bikes, Hamnens Logistik runs the bookings and the charging in its warehouse by the harbour.',
		status: 'completed',
		startedDaysAgo: 420,
		partners: ['cykelkoket-soder', 'bageriet-karnan', 'hamnens-logistik-ab', 'rosengardens-cafe'],
		updates: [
			{
				partner: 'cykelkoket-soder',
				daysAgo: 400,
				body: 'Fem begagnade lådcyklar är köpta och rustade. Bokningen sker i en delad kalender tills vidare.',
				status: 'under-way',
			},
			{
				partner: 'bageriet-karnan',
				daysAgo: 200,
				body: 'Bageriet kör nu alla leveranser i centrum med lådcykel: ungefär 40 bilresor färre i månaden.',
			},
			{
				partner: 'hamnens-logistik-ab',
				daysAgo: 30,
				body: 'Efter ett år är poolen en del av vardagen och drivs vidare av butikerna själva. Projektet är avslutat, cyklarna rullar vidare.',
				status: 'completed',
			},
		],
		picture: null,
	},
	{
		slug: 'matsvinn-fran-bageriet-till-skolkoket',
		title: 'Matsvinn från bageriet till skolköket',
		titleEn: 'Food waste from the bakery to the school kitchen',
		description:
			'Bröd som blir över i bageriet på eftermiddagen hämtas av Nicolaiskolans kök och blir krutonger, brödpudding och mellanmål nästa dag.\n\nEleverna i restaurangprogrammet tar fram recepten och väger hur mycket som räddas.',
		descriptionEn:
			'Bread left over at the bakery in the afternoon is collected by Nicolaiskolan’s kitchen and becomes croutons, bread pudding and snacks the next day.\n\nThe pupils of the restaurant programme develop the recipes and weigh how much is saved.',
		status: 'idea',
		startedDaysAgo: 20,
		partners: ['bageriet-karnan', 'nicolaiskolans-gymnasium'],
		updates: [
			{
				partner: 'nicolaiskolans-gymnasium',
				daysAgo: 6,
				body: 'Köket har sagt ja till att pröva en termin. Vi behöver lösa hämtningen: kanske med lådcykelpoolen?',
			},
		],
		picture: null,
	},
]

export async function seedMentoringProjects(db: DB, now = new Date()): Promise<void> {
	const already =
		(await db.selectFrom('mentorship').select('id').limit(1).executeTakeFirst()) ??
		(await db.selectFrom('project').select('id').limit(1).executeTakeFirst())
	if (already) return
	const partners = new Map<string, number>()
	for (const slug of new Set([
		...demoMentorships.flatMap(([a, b]) => [a, b]),
		...demoProjects.flatMap((p) => p.partners),
	])) {
		const partner = await getPartner(db, slug)
		if (!partner) return
		partners.set(slug, partner.id)
	}
	const coordinator = await db
		.selectFrom('user')
		.innerJoin('user_role', 'user_role.user_id', 'user.id')
		.select('user.id')
		.where('user_role.role', '=', 'coordinator')
		.orderBy('user.id')
		.executeTakeFirst()
	const today = localToday(now)
	// Whole days at fixed hours, so the same day seeds the same rows.
	const at = (daysAgo: number, hour: number) =>
		new Date(`${addToLocalDate(today, { days: -daysAgo })}T${String(hour).padStart(2, '0')}:00:00.000Z`).toISOString()
	const firstMember = async (slug: string) => (await partnerMembers(db, partners.get(slug)!))[0]?.userId ?? null

	for (const [mentee, mentor, pairedDaysAgo, meetings] of demoMentorships) {
		const row = await db
			.insertInto('mentorship')
			.values({
				mentor_partner_id: partners.get(mentor)!,
				mentee_partner_id: partners.get(mentee)!,
				started_at: at(pairedDaysAgo, 9),
				started_by: coordinator?.id ?? null,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		for (const [index, [daysAgo, note]] of meetings.entries())
			await db
				.insertInto('mentoring_meeting')
				.values({
					mentorship_id: row.id,
					met_on: addToLocalDate(today, { days: -daysAgo }),
					note,
					// The two sides take turns writing the log.
					logged_by: await firstMember(index % 2 === 0 ? mentee : mentor),
					logged_at: at(daysAgo, 15),
				})
				.execute()
	}

	for (const project of demoProjects) {
		const imageId = project.picture
			? await saveDrawing(db, project.picture.svg, project.picture.alt, project.title)
			: null
		const row = await db
			.insertInto('project')
			.values({
				slug: project.slug,
				title: project.title,
				title_en: project.titleEn,
				description: project.description,
				description_en: project.descriptionEn,
				status: project.status,
				starts_on: addToLocalDate(today, { days: -project.startedDaysAgo }),
				image_id: imageId,
				created_by: coordinator?.id ?? null,
				created_at: at(project.startedDaysAgo + 7, 10),
				updated_at: at(project.updates.at(-1)?.daysAgo ?? project.startedDaysAgo, 10),
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		await db
			.insertInto('project_partner')
			.values(
				project.partners.map((slug, index) => ({
					project_id: row.id,
					partner_id: partners.get(slug)!,
					is_lead: index === 0 ? (1 as const) : (0 as const),
				})),
			)
			.execute()
		for (const update of project.updates)
			await db
				.insertInto('project_update')
				.values({
					project_id: row.id,
					partner_id: partners.get(update.partner)!,
					author_id: await firstMember(update.partner),
					body: update.body,
					new_status: update.status ?? null,
					created_at: at(update.daysAgo, 11),
				})
				.execute()
	}
}
