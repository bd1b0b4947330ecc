import { listThemes } from '#app/themes/themes.server.ts'
import type { DB } from './index.ts'
import type { ProposalOutcome, ProposalStatus } from './schema.ts'

/**
 * Demo content for citizen proposals and questions to politicians, after the people, events and
 * themes exist: proposals at every stage (several answered, as Helsingborg's pact has sent
 * fifteen), with supporters and their timelines, one draft, and questions with votes for the
 * politician Q&As. Written as rows, without emails. Does nothing when proposals already exist.
 */

interface DemoProposal {
	title: string
	summary: string
	body: string
	/** Theme by the words its Swedish title contains, when the demo has such a theme. */
	theme?: RegExp
	status: ProposalStatus
	supporters: number
	/** Days before today: published, submitted, answered. */
	days: [number, number?, number?]
	reference?: string
	outcome?: ProposalOutcome
	answer?: string
}

const demoProposals: DemoProposal[] = [
	{
		title: 'Säkra cykelparkeringar vid alla stationer',
		summary:
			'Låsbara, väderskyddade cykelparkeringar vid Knutpunkten och varje pågatågsstation, så att fler kan cykla till tåget.',
		body: 'Många av oss skulle cykla till tåget om cykeln stod säkert. I dag blir cyklar stulna eller står i regnet.\n\n## Vi föreslår\n\n- låsbara cykelgarage vid Knutpunkten\n- väderskydd vid alla pågatågsstationer\n- laddplatser för elcyklar\n\nDet gör det lättare att lämna bilen hemma på vägen till jobbet.',
		theme: /transport|resor|cykel/i,
		status: 'answered',
		supporters: 31,
		days: [420, 380, 200],
		reference: 'KS 2025/0412',
		outcome: 'partly-accepted',
		answer:
			'Kommunen bygger ett låsbart cykelgarage vid Knutpunkten under nästa år. Väderskydd vid övriga stationer tas upp i cykelplanen, men det finns inga pengar avsatta ännu.',
	},
	{
		title: 'Mer vegetariskt i skolans matsal',
		summary: 'Två vegetariska dagar i veckan i alla kommunala skolor, med mat som barnen har fått tycka till om.',
		body: 'Skolmaten är en av kommunens största inköp av livsmedel. Fler vegetariska dagar minskar klimatavtrycket utan att kosta mer.\n\nVi vill att eleverna får vara med och välja rätterna, så att maten också blir uppäten.',
		theme: /mat|food/i,
		status: 'answered',
		supporters: 26,
		days: [560, 520, 400],
		reference: 'KS 2024/1187',
		outcome: 'accepted',
		answer:
			'Barn- och utbildningsnämnden inför två vegetariska dagar i veckan från höstterminen, och elevråden bjuds in att tycka till om menyn.',
	},
	{
		title: 'Gratis kollektivtrafik för unga under 20',
		summary: 'Låt alla under 20 år åka gratis med stadsbussarna, så att vanan att åka kollektivt börjar tidigt.',
		body: 'Unga som vänjer sig vid bussen tar den också som vuxna. Flera kommuner har redan prövat det med goda resultat.',
		theme: /transport|resor|cykel/i,
		status: 'answered',
		supporters: 18,
		days: [640, 600, 480],
		reference: 'KS 2024/0733',
		outcome: 'rejected',
		answer:
			'Kommunen avslår förslaget av ekonomiska skäl. Sommarlovskortet för unga finns kvar och utvidgas till höstlovet.',
	},
	{
		title: 'Solceller på kommunens egna tak',
		summary:
			'En plan för att sätta solceller på alla kommunala tak som passar för det, med början på skolor och sporthallar.',
		body: 'Kommunen äger hundratals tak. En plan med tydliga år gör det möjligt att bygga ut i takt med att taken renoveras.',
		status: 'answered',
		supporters: 22,
		days: [720, 690, 560],
		reference: 'KS 2024/0291',
		outcome: 'accepted',
		answer:
			'Fastighetsförvaltningen har tagit fram en plan för solceller på 40 tak fram till 2030. De första tio byggs nästa år.',
	},
	{
		title: 'Klädbytesrum på biblioteken',
		summary: 'Ett hörn på varje bibliotek där man kan lämna och hämta barnkläder, året runt.',
		body: 'Barn växer ur kläderna fort. Ett fast klädbytesrum på biblioteken gör det lätt att byta i stället för att köpa nytt.',
		status: 'submitted',
		supporters: 14,
		days: [150, 60],
		reference: 'KS 2026/0905',
	},
	{
		title: 'Fler laddplatser för elbilspooler i bostadsområden',
		summary:
			'Reservera laddplatser för bilpooler på kommunens gator, så att fler kan dela bil i stället för att äga en.',
		body: 'En delad bil ersätter flera privata. Men bilpoolerna behöver platser nära bostäderna för att fungera.',
		theme: /transport|resor|cykel/i,
		status: 'submitted',
		supporters: 11,
		days: [120, 30],
		reference: 'KS 2026/1033',
	},
	{
		title: 'Vattenpåfyllning i alla parker',
		summary: 'Dricksvattenkranar i parkerna så att ingen behöver köpa vatten på flaska en varm sommardag.',
		body: 'Vatten på flaska kostar både pengar och plast. Kranar i parkerna är enkla att sätta upp och används mycket.',
		status: 'open',
		supporters: 9,
		days: [40],
	},
	{
		title: 'Matsvinnskylskåp i varje stadsdel',
		summary: 'Kylskåp där butiker och grannar kan lämna mat som annars slängs, med kommunen som värd.',
		body: 'Gemensamma kylskåp finns redan i några städer. Kommunen kan stå för platsen och städningen, grannarna för maten.',
		theme: /mat|food/i,
		status: 'open',
		supporters: 5,
		days: [12],
	},
]

const demoQuestions = [
	'Hur ska Helsingborg halvera utsläppen från trafiken till 2030, och vad gör ni nästa år?',
	'Kommer kommunen att sluta köpa in nötkött till skolorna?',
	'När blir cykelbanan mellan Råå och centrum klar hela vägen?',
	'Vad gör ni för att fler ska kunna bo bra utan egen bil?',
	'Hur följer ni upp klimatavtalets medborgarförslag efter att de har besvarats?',
]

export async function seedProposals(db: DB, now = new Date()): Promise<void> {
	const any = await db.selectFrom('proposal').select('id').limit(1).executeTakeFirst()
	if (any) return
	const day = 24 * 60 * 60 * 1000
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day).toISOString()
	const dayOf = (daysAgo: number) => at(daysAgo).slice(0, 10)
	// People with a confirmed signature write and back proposals.
	const signatories = (
		await db.selectFrom('signature').select('user_id').where('status', '=', 'confirmed').orderBy('user_id').execute()
	).map((row) => row.user_id)
	if (signatories.length < 3) return
	const coordinator = await db
		.selectFrom('user_role')
		.select('user_id')
		.where('role', '=', 'coordinator')
		.executeTakeFirst()
	const themes = await listThemes(db)
	const themeFor = (pattern?: RegExp) =>
		pattern ? (themes.find((theme) => pattern.test(theme.title_sv) || pattern.test(theme.title_en))?.id ?? null) : null

	for (const [i, demo] of demoProposals.entries()) {
		const authorId = signatories[(i * 5 + 3) % signatories.length]!
		const [published, submitted, answered] = demo.days
		const moves: Array<[ProposalStatus, ProposalStatus, number]> = [['draft', 'open', published]]
		if (submitted !== undefined) moves.push(['open', 'submitted', submitted])
		if (answered !== undefined) moves.push(['submitted', 'answered', answered])
		const supporters = signatories.filter((id) => id !== authorId).slice(i, i + demo.supporters)
		const proposal = await db
			.insertInto('proposal')
			.values({
				author_id: authorId,
				theme_id: themeFor(demo.theme),
				title: demo.title,
				summary: demo.summary,
				body: demo.body,
				status: demo.status,
				support_count: supporters.length,
				submitted_on: submitted !== undefined ? dayOf(submitted) : null,
				city_reference: demo.reference ?? null,
				city_url: null,
				outcome: demo.outcome ?? null,
				answer: demo.answer ?? null,
				answered_on: answered !== undefined ? dayOf(answered) : null,
				hidden_at: null,
				hidden_reason: null,
				hidden_by: null,
				published_at: at(published),
				created_at: at(published + 10),
				updated_at: at(answered ?? submitted ?? published),
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		if (supporters.length > 0)
			await db
				.insertInto('proposal_support')
				.values(
					supporters.map((userId, k) => ({
						proposal_id: proposal.id,
						user_id: userId,
						created_at: at(published - k * 0.1),
					})),
				)
				.execute()
		await db
			.insertInto('proposal_change')
			.values(
				moves.map(([from, to, daysAgo]) => ({
					proposal_id: proposal.id,
					from_status: from,
					to_status: to,
					changed_by: to === 'open' ? authorId : (coordinator?.user_id ?? null),
					changed_at: at(daysAgo),
				})),
			)
			.execute()
	}

	await seedQuestions(db, signatories, now)
}

/** Questions with votes for the next politician Q&A, and answered ones for the last. */
async function seedQuestions(db: DB, people: number[], now: Date) {
	const stamp = now.toISOString()
	const qas = await db
		.selectFrom('event')
		.select(['id', 'starts_at', 'organiser_id'])
		.where('type', '=', 'politician-qa')
		.where('status', '=', 'published')
		.orderBy('starts_at')
		.execute()
	const next = qas.find((event) => event.starts_at > stamp)
	const last = qas.filter((event) => event.starts_at <= stamp).at(-1)
	for (const [event, answered] of [
		[next, false],
		[last, true],
	] as const) {
		if (!event) continue
		for (const [i, text] of demoQuestions.entries()) {
			const voters = people.slice(i * 2, i * 2 + 14 - i * 3)
			const createdAt = new Date(new Date(event.starts_at).getTime() - (20 - i) * 86_400_000).toISOString()
			const question = await db
				.insertInto('question')
				.values({
					event_id: event.id,
					author_id: voters[0] ?? people[0]!,
					text,
					vote_count: voters.length,
					asked_at: answered && i < 3 ? event.starts_at : null,
					answer:
						answered && i < 2
							? 'Partierna var överens om att frågan är viktig. Majoriteten lovade en plan till våren, som vi följer upp.'
							: null,
					answered_at: answered && i < 2 ? event.starts_at : null,
					follow_up_on: answered && i < 2 ? new Date(now.getTime() + 90 * 86_400_000).toISOString().slice(0, 10) : null,
					answered_by: answered && i < 2 ? event.organiser_id : null,
					created_at: createdAt,
				})
				.returning('id')
				.executeTakeFirstOrThrow()
			if (voters.length > 0)
				await db
					.insertInto('question_vote')
					.values(voters.map((userId) => ({ question_id: question.id, user_id: userId, created_at: createdAt })))
					.execute()
		}
	}
}
