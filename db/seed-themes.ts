import { config } from '#app/config.server.ts'
import { addToLocalDate, utcToLocal } from '#app/common/time.ts'
import type { DB } from './index.ts'
import type { CommitmentCategory } from './schema.ts'
import { H, saveDrawing, svg, W } from './seed-images.ts'

/**
 * Demo content for themes: the pact's two focus themes of the year, each opened by the kick-off
 * that db/seed-events.ts plans, with a few of the year's events in it and some followers. The
 * first runs today, the second starts with its kick-off, so /themes and the home page show a
 * current and an upcoming theme whatever the day. Each has a picture drawn at seed time the way
 * db/seed-images.ts draws the events' (shapes only, nothing fetched). Does nothing when themes
 * already exist.
 */

interface DemoTheme {
	slug: string
	sv: string
	en: string
	descriptionSv: string
	descriptionEn: string
	colour: string
	icon: string
	category: CommitmentCategory
	/** The seeded kick-off's title, and the titles of events that belong to the theme. */
	kickOff: string
	events: RegExp
	picture: { alt: string; svg: string }
}

/** A bicycle standing with its back wheel's hub at (x, y), drawn in strokes of one colour. */
function bicycle(x: number, y: number, colour: string): string {
	const [seat, head, crank] = [x + 70, x + 160, x + 95]
	const top = y - 100
	return (
		`<g fill="none" stroke="${colour}" stroke-width="12" stroke-linecap="round" stroke-linejoin="round">` +
		`<circle cx="${x}" cy="${y}" r="60"/><circle cx="${x + 190}" cy="${y}" r="60"/>` +
		`<path d="M${x} ${y} L${seat} ${top} L${head} ${top} L${x + 190} ${y} M${seat} ${top} L${crank} ${y} L${head} ${top} M${x} ${y} L${crank} ${y}"/>` +
		`<path d="M${head} ${top} L${head - 10} ${top - 30} h30 M${seat - 15} ${top - 5} h35"/></g>`
	)
}

/** One row of a vegetable bed: dark soil with a line of seedlings, each a stem and two leaves. */
function bed(y: number): string {
	const seedlings = Array.from({ length: 6 }, (_, i) => {
		const x = 140 + i * 100
		return (
			`<path d="M${x} ${y + 20} v-45" stroke="#1e8449" stroke-width="8" stroke-linecap="round"/>` +
			`<ellipse cx="${x - 20}" cy="${y - 30}" rx="24" ry="11" fill="#28b463" transform="rotate(-30 ${x - 20} ${y - 30})"/>` +
			`<ellipse cx="${x + 20}" cy="${y - 38}" rx="24" ry="11" fill="#52be80" transform="rotate(30 ${x + 20} ${y - 38})"/>`
		)
	}).join('')
	return `<rect x="80" y="${y}" width="640" height="70" rx="20" fill="#6e2c00"/>${seedlings}`
}

const demoThemes: DemoTheme[] = [
	{
		slug: 'resor-och-transporter',
		sv: 'Resor och transporter',
		en: 'Travel and transport',
		descriptionSv:
			'Transporterna står för en tredjedel av Helsingborgs utsläpp. Det här halvåret pratar vi om hur vi tar oss till jobbet, skolan och semestern: cykel, tåg, samåkning och färre bilresor.\n\n- Cykelutflykter och verkstadskvällar\n- Politikerutfrågning om kollektivtrafiken\n- Tips för semester med tåg',
		descriptionEn:
			"Transport makes up a third of Helsingborg's emissions. This half-year we talk about how we get to work, school and on holiday: cycling, trains, car sharing and fewer car journeys.\n\n- Bike rides and repair evenings\n- A politician Q&A on public transport\n- Tips for holidays by train",
		colour: 'sea',
		icon: 'bicycle',
		category: 'transport',
		kickOff: 'Kick-off: temat transport',
		events: /cykel|politikerutfrågning|afterwork/i,
		picture: {
			alt: 'Illustration: två cyklar på en strandpromenad vid havet, med en färja på väg över sundet',
			svg: svg(
				'#d6eaf8',
				`<circle cx="1000" cy="150" r="80" fill="#f4d03f"/>` +
					`<rect x="0" y="330" width="${W}" height="220" fill="#0b5f7a"/>` +
					`<path d="M0 330 C150 290 300 300 450 320 L450 330 Z" fill="#85929e"/>` +
					`<path d="M600 370 h300 l-35 45 h-230 z" fill="#fdfefe"/><rect x="655" y="330" width="180" height="40" rx="6" fill="#fdfefe"/>` +
					`<rect x="760" y="300" width="28" height="32" fill="#c0392b"/>` +
					`<rect x="0" y="540" width="${W}" height="${H - 540}" fill="#58d68d"/>` +
					`<path d="M0 640 L${W} 600 L${W} 700 L0 760 Z" fill="#d5d8dc"/>` +
					bicycle(230, 660, '#17202a') +
					bicycle(720, 640, '#c0392b'),
			),
		},
	},
	{
		slug: 'mat',
		sv: 'Mat',
		en: 'Food',
		descriptionSv:
			'Maten vi äter ger ungefär en fjärdedel av vårt klimatavtryck. Under temat lagar vi vegetariskt tillsammans, besöker lokala odlare och delar knep mot matsvinn.\n\nKom på kick-offen med smakprov från odlare i Helsingborgstrakten.',
		descriptionEn:
			'The food we eat makes up about a quarter of our climate footprint. During this theme we cook vegetarian food together, visit local growers and share tricks against food waste.\n\nCome to the kick-off with tastings from growers around Helsingborg.',
		colour: 'harvest',
		icon: 'carrot',
		category: 'food',
		kickOff: 'Kick-off: temat mat',
		events: /matlagning|klimatfika|filmvisning/i,
		picture: {
			alt: 'Illustration: odlingsbäddar med gröna plantor och en korg med tomater och morötter',
			svg: svg(
				'#fdf2e9',
				`<circle cx="150" cy="140" r="70" fill="#f5b041"/>` +
					bed(360) +
					bed(500) +
					bed(640) +
					// The basket's handle first, then what is in it, then the basket in front.
					`<path d="M830 500 C830 330 1110 330 1110 500" fill="none" stroke="#7e5109" stroke-width="16"/>` +
					`<path d="M1000 500 l45 -160 l32 12 z" fill="#e67e22"/><path d="M1060 510 l50 -150 l30 14 z" fill="#eb984e"/>` +
					`<path d="M1060 345 l-12 -45 M1066 348 l20 -40 M1124 365 l-6 -45 M1130 368 l26 -34" stroke="#1e8449" stroke-width="9" stroke-linecap="round"/>` +
					`<circle cx="880" cy="490" r="48" fill="#e74c3c"/><circle cx="965" cy="482" r="42" fill="#cb4335"/>` +
					`<path d="M800 500 h340 l-35 200 h-270 z" fill="#b9770e"/>` +
					`<path d="M811 560 h318 M821 620 h298 M832 680 h276" stroke="#7e5109" stroke-width="6"/>`,
			),
		},
	},
]

export async function seedThemes(db: DB, now = new Date()): Promise<void> {
	const any = await db.selectFrom('theme').select('id').limit(1).executeTakeFirst()
	if (any) return
	const timeZone = config.timeZone
	const kickOffs = await db
		.selectFrom('event')
		.select(['id', 'title', 'starts_at'])
		.where('type', '=', 'theme-kick-off')
		.orderBy('starts_at')
		.execute()
	const dayOf = (iso: string) => utcToLocal(iso, timeZone).date
	const today = utcToLocal(now, timeZone).date
	// Each theme runs from its kick-off to the day before the next one; the last for half a year.
	const starts = demoThemes.map((theme) => {
		const kickOff = kickOffs.find((event) => event.title === theme.kickOff)
		return { theme, kickOff, startsOn: kickOff ? dayOf(kickOff.starts_at) : today }
	})
	const stamp = now.toISOString()
	const followers = await db
		.selectFrom('signature')
		.select('user_id')
		.where('status', '=', 'confirmed')
		.orderBy('user_id')
		.limit(12)
		.execute()
	// Drawn and stored before the themes' transaction: saveImage writes files, which no rollback undoes.
	const imageIds = new Map<string, number>()
	for (const theme of demoThemes)
		imageIds.set(theme.slug, await saveDrawing(db, theme.picture.svg, theme.picture.alt, theme.en))
	await db.transaction().execute(async (trx) => {
		for (const [index, { theme, kickOff, startsOn }] of starts.entries()) {
			const next = starts[index + 1]
			const endsOn = next ? addToLocalDate(next.startsOn, { days: -1 }) : addToLocalDate(startsOn, { months: 6 })
			// The first theme's followers: the first dozen signatories; the second's: a third of them.
			const following = index === 0 ? followers : followers.filter((_, i) => i % 3 === 0)
			const row = await trx
				.insertInto('theme')
				.values({
					slug: theme.slug,
					title_sv: theme.sv,
					title_en: theme.en,
					description_sv: theme.descriptionSv,
					description_en: theme.descriptionEn,
					starts_on: startsOn,
					ends_on: endsOn,
					colour: theme.colour,
					icon: theme.icon,
					image_id: imageIds.get(theme.slug) ?? null,
					kick_off_event_id: kickOff?.id ?? null,
					commitment_category: theme.category,
					follower_count: following.length,
					created_at: stamp,
					updated_at: stamp,
				})
				.returning('id')
				.executeTakeFirstOrThrow()
			const inPeriod = await trx
				.selectFrom('event')
				.select(['id', 'title', 'starts_at'])
				.where('theme_id', 'is', null)
				.execute()
			const members = inPeriod.filter(
				(event) =>
					event.id === kickOff?.id ||
					(theme.events.test(event.title) && dayOf(event.starts_at) >= startsOn && dayOf(event.starts_at) <= endsOn),
			)
			if (members.length > 0)
				await trx
					.updateTable('event')
					.set({ theme_id: row.id })
					.where(
						'id',
						'in',
						members.map((event) => event.id),
					)
					.execute()
			if (following.length > 0)
				await trx
					.insertInto('theme_follow')
					.values(following.map(({ user_id }) => ({ theme_id: row.id, user_id, created_at: stamp })))
					.execute()
		}
	})
}
