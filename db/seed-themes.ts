import { config } from '#app/config.server.ts'
import { addToLocalDate, utcToLocal } from '#app/common/time.ts'
import type { DB } from './index.ts'
import type { CommitmentCategory } from './schema.ts'

/**
 * Demo content for themes: the pact's two focus themes of the year, each opened by the kick-off
 * that db/seed-events.ts plans, with a few of the year's events in it and some followers. The
 * first runs today, the second starts with its kick-off, so /themes and the home page show a
 * current and an upcoming theme whatever the day. Does nothing when themes already exist.
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
					image_id: null,
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
