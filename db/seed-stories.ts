import { addToLocalDate } from '#app/common/time.ts'
import { approvedPartners, partnerMembers } from '#app/partners/partners.server.ts'
import { awardMonth, nomineeKey } from '#app/stories/awards.server.ts'
import type { DB } from './index.ts'
import { saveDrawing, svg } from './seed-images.ts'

/**
 * Demo content for partner stories and the award of the month, after the partners exist: a few
 * approved stories told by the demo partners (one with a picture, one still waiting for review),
 * and the award for each of the last three months with its nominations. Written as rows, without
 * emails. Does nothing when stories or awards exist already.
 */

const demoStories = [
	{
		type: 'business',
		title: 'Vi cyklar ut brödet',
		body: 'Sedan i våras levererar vi bröd till caféer i centrum med **lådcykel** i stället för skåpbil.\n\n- Ungefär 40 bilresor färre i månaden\n- Chaufförerna säger att de kommer fram snabbare\n- Kunderna har märkt det och frågar om det\n\nNästa steg är att få med grannbutikerna på samma rutt.',
		days: 12,
		picture: {
			alt: 'Illustration: en grön lådcykel med två hjul framför en gul sol',
			svg: svg(
				'#e8f3ec',
				'<circle cx="950" cy="200" r="110" fill="#f4d03f"/><rect x="300" y="380" width="360" height="170" rx="16" fill="#1f6f43"/><circle cx="360" cy="600" r="80" fill="none" stroke="#1d2a21" stroke-width="22"/><circle cx="860" cy="600" r="80" fill="none" stroke="#1d2a21" stroke-width="22"/><path d="M660 460 L860 600 L760 360" fill="none" stroke="#1d2a21" stroke-width="22"/>',
			),
		},
	},
	{
		type: 'school',
		title: 'Eleverna mätte skolans matsvinn',
		body: 'Årskurs 8 vägde matsvinnet i skolrestaurangen varje dag i fyra veckor och presenterade resultatet för köket.\n\nTillsammans har vi sänkt svinnet med en tredjedel genom mindre tallrikar och en "smakbit först"-regel.',
		days: 30,
		picture: null,
	},
	{
		type: 'association',
		title: 'Solceller på föreningshuset',
		body: 'Föreningen har satt solceller på taket till vårt föreningshus. De täcker ungefär hälften av elen vi använder under ett år, och medlemmarna har följt produktionen på en skärm i entrén.',
		days: 55,
		picture: null,
	},
]

/** The winners of the last three months, newest first, each with a second nomination beside it. */
const demoAwards = [
	{
		kind: 'resident' as const,
		name: 'Maja Lindqvist',
		action: 'Startade ett lånecykelschema för grannarna på Söder så att fler kan låta bilen stå.',
		citation: 'För att ha gjort det enkelt för ett helt kvarter att välja cykeln.',
		other: {
			name: 'Omar Haddad',
			action: 'Lagade tjugo cyklar gratis på torget en lördag.',
		},
	},
	{
		kind: 'partner' as const,
		name: null,
		action: 'Bytte skåpbilen mot lådcykel för leveranserna i centrum.',
		citation: 'Ett modigt byte som andra företag i stan redan frågar om.',
		other: { name: 'Elin Svensson', action: 'Höll en kurs i att laga kläder på biblioteket.' },
	},
	{
		kind: 'resident' as const,
		name: 'Per Öberg',
		action: 'Fick hela bostadsrättsföreningen att byta till förnybar el och sänka inomhustemperaturen en grad.',
		citation: 'För tålamodet på tre årsmöten och för en grad som gör skillnad.',
		other: { name: 'Sara Nilsson', action: 'Samlade in överbliven mat från butiker till klimatfikan.' },
	},
]

const DAY = 86_400_000

export async function seedStories(db: DB, now = new Date()): Promise<void> {
	const already =
		(await db.selectFrom('story').select('id').limit(1).executeTakeFirst()) ??
		(await db.selectFrom('award').select('month').limit(1).executeTakeFirst())
	if (already) return
	const coordinator = await db
		.selectFrom('user')
		.innerJoin('user_role', 'user_role.user_id', 'user.id')
		.select('user.id')
		.where('user_role.role', '=', 'coordinator')
		.orderBy('user.id')
		.executeTakeFirst()
	const nominators = await db.selectFrom('user').select('id').orderBy('id').limit(6).execute()
	if (!coordinator || nominators.length < 2) return
	const partners = await approvedPartners(db, {}, now)

	// Each story by a partner of the kind it fits (a school's about its pupils), else by any.
	const tellers = new Set<number>()
	for (const story of demoStories) {
		const partner =
			partners.find((p) => p.type === story.type && !tellers.has(p.id)) ?? partners.find((p) => !tellers.has(p.id))
		if (!partner) break
		tellers.add(partner.id)
		const author = (await partnerMembers(db, partner.id))[0]?.userId ?? coordinator.id
		const imageId = story.picture ? await saveDrawing(db, story.picture.svg, story.picture.alt, story.title) : null
		const approvedAt = new Date(now.getTime() - story.days * DAY)
		await db
			.insertInto('story')
			.values({
				partner_id: partner.id,
				author_id: author,
				title: story.title,
				body: story.body,
				image_id: imageId,
				status: 'approved',
				review_comment: null,
				reviewed_by: coordinator.id,
				approved_at: approvedAt.toISOString(),
				created_at: new Date(approvedAt.getTime() - 2 * DAY).toISOString(),
			})
			.execute()
	}
	// One story waits for a coordinator, so /admin/stories has something to review.
	const waitingPartner = partners.find((p) => !tellers.has(p.id))
	if (waitingPartner) {
		const author = (await partnerMembers(db, waitingPartner.id))[0]?.userId ?? coordinator.id
		await db
			.insertInto('story')
			.values({
				partner_id: waitingPartner.id,
				author_id: author,
				title: 'Vår första klimatredovisning',
				body: 'I år har vi för första gången räknat på våra utsläpp. Det största var resorna till kunder, så nu provar vi videomöten en dag i veckan.',
				created_at: new Date(now.getTime() - DAY).toISOString(),
			})
			.execute()
	}

	// The last three months' awards, and a nomination or two for this month.
	const thisMonth = awardMonth(now)
	for (const [index, award] of demoAwards.entries()) {
		const month = addToLocalDate(`${thisMonth}-01`, { months: -(index + 1) }).slice(0, 7)
		const decidedAt = new Date(`${addToLocalDate(`${month}-01`, { months: 1 })}T09:00:00Z`).toISOString()
		// The partner's award goes to the one whose story tells the same action.
		const partner = award.kind === 'partner' ? (partners.find((p) => p.id === [...tellers][0]) ?? null) : null
		const kind = award.kind === 'partner' && !partner ? 'resident' : award.kind
		const name = partner ? partner.name : (award.name ?? 'Lina Ek')
		const created = `${month}-14T10:00:00.000Z`
		const winner = await db
			.insertInto('award_nomination')
			.values({
				month,
				nominee_kind: kind,
				nominee_name: name,
				nominee_key: nomineeKey(kind, name, partner?.id ?? null),
				partner_id: partner?.id ?? null,
				action: award.action,
				nominated_by: nominators[index % nominators.length]!.id,
				created_at: created,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		await db
			.insertInto('award_nomination')
			.values({
				month,
				nominee_kind: 'resident',
				nominee_name: award.other.name,
				nominee_key: nomineeKey('resident', award.other.name, null),
				partner_id: null,
				action: award.other.action,
				nominated_by: nominators[(index + 1) % nominators.length]!.id,
				created_at: created,
			})
			.execute()
		await db
			.insertInto('award')
			.values({
				month,
				nomination_id: winner.id,
				citation: award.citation,
				decided_by: coordinator.id,
				decided_at: decidedAt,
			})
			.execute()
	}
	await db
		.insertInto('award_nomination')
		.values({
			month: thisMonth,
			nominee_kind: 'resident',
			nominee_name: 'Jonas Berg',
			nominee_key: nomineeKey('resident', 'Jonas Berg', null),
			partner_id: null,
			action: 'Ordnade en bytesdag för barnkläder på förskolan med över hundra plagg.',
			nominated_by: nominators[2 % nominators.length]!.id,
			created_at: now.toISOString(),
		})
		.execute()
}
