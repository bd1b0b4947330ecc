import { useTranslation } from '#app/i18n/use-translation.ts'
import { Link } from 'react-router'
import type { Route } from './+types/home'
import { getUser } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { mostChosenCommitments } from '#app/pledge/catalogue.server.ts'
import { readPactCounts } from '#app/pledge/counts.server.ts'
import { newestShownFirstNames } from '#app/pledge/shown-names.server.ts'
import { formatNumber } from '#app/common/format.ts'
import { socialMeta } from '#app/common/social.ts'
import { getDb } from '#db/index.ts'
import { withTitleIn } from '#app/events/languages.ts'
import { joinableEvents } from '#app/events/participation.server.ts'
import { stepAndNextStep } from '#app/ladder/my-ladder.server.ts'
import { Picture } from '#app/images/picture.tsx'
import { ThemeIcon } from '#app/themes/components.tsx'
import { currentTheme } from '#app/themes/themes.server.ts'
import { formatEventWhen } from '#app/common/format.ts'
import { firstName } from '#app/common/names.ts'
import type { SessionUser } from '#app/auth/session.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import type { DB } from '#db/index.ts'
import type { ReactNode } from 'react'
import { HomeNews } from '#app/stories/components.tsx'
import { homeNews } from '#app/stories/home.server.ts'
import '#app/pledge/pledge.css'

export const handle: I18nHandle = { i18n: ['pledge', 'pages', 'ladder', 'events', 'stories'] }

/** The busiest page: its numbers come from the kept counts, never a count over every row. */
export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	return [
		{ title: data.title },
		{ name: 'description', content: data.description },
		...socialMeta({ title: data.title, description: data.description, url: `${data.appUrl}/` }),
	]
}

export async function loader({ request }: Route.LoaderArgs) {
	const db = getDb()
	const [language, t, counts, top, firstNames, user] = await Promise.all([
		getLanguage(request),
		getT(request, 'pledge'),
		readPactCounts(db),
		mostChosenCommitments(db, 5),
		newestShownFirstNames(db, 30),
		getUser(request),
	])
	const { name, city, cityNetZeroYear, nationalNetZeroYear } = config.pact
	// A visitor's page stays the four reads above; only a signed-in person's asks for more.
	const member = user ? await homeForMember(db, user, language) : null
	// Partner stories and the award of the month: read at most once a minute (app/stories/home.server.ts).
	const news = await homeNews(db)
	return {
		title: name,
		appUrl: config.appUrl,
		member,
		news,
		timeZone: config.timeZone,
		firstNames,
		description: t('home.description', { city, year: cityNetZeroYear }),
		pact: { name, city, cityNetZeroYear, nationalNetZeroYear },
		counts,
		mostChosen: top.map((c) => ({
			id: c.id,
			category: c.category,
			title: language === 'en' ? c.title_en : c.title_sv,
			count: c.chosen_count,
		})),
	}
}

/**
 * What a signed-in person's home page shows: where they stand on the ladder and one concrete next
 * step, the next events they can still join, and the theme the pact is working on now.
 */
async function homeForMember(db: DB, user: SessionUser, language: SupportedLanguage) {
	const now = new Date()
	const [ladder, events, theme] = await Promise.all([
		stepAndNextStep(db, user.id, now),
		joinableEvents(db, user.id, now),
		currentTheme(db, language, now),
	])
	const when = (e: { startsAt: string; endsAt: string }) =>
		formatEventWhen(e.startsAt, e.endsAt, language, config.timeZone)
	const next = ladder.next
	// The concrete suggestion: the events or helper shifts the ladder picked, at most two, each
	// event's title in the reader's language (a shift's own title is only ever Swedish).
	const suggestions =
		next.kind === 'event'
			? [...next.going, ...next.events].map((e) => {
					const { title, titleLang } = withTitleIn(e, language)
					return { slug: e.slug, title, titleLang, when: when(e) }
				})
			: next.kind === 'help' || next.kind === 'plan' || next.kind === 'top'
				? [
						...(next.kind === 'help' ? next.mine : []),
						...(next.kind === 'plan' ? next.planning.map((e) => ({ event: e, title: null })) : []),
						...next.shifts,
					].map((s) => {
						const event = withTitleIn(s.event, language)
						return {
							slug: s.event.slug,
							title: s.title ? `${event.title}: ${s.title}` : event.title,
							titleLang: event.titleLang,
							when: when(s.event),
						}
					})
				: []
	return {
		firstName: firstName(user.name),
		signatory: ladder.signatureStatus === 'confirmed',
		pending: ladder.signatureStatus === 'pending',
		step: ladder.step,
		suggestions: suggestions.slice(0, 2),
		events: events
			.slice(0, 3)
			.map((e) => withTitleIn(e, language))
			.map((e) => ({
				slug: e.slug,
				title: e.title,
				titleLang: e.titleLang,
				when: when(e),
				place: e.place,
				going: e.going,
				placesLeft: e.placesLeft,
			})),
		theme: theme
			? {
					slug: theme.slug,
					title: theme.title,
					summary: theme.summary,
					colour: theme.colour,
					icon: theme.icon,
					image: theme.image,
				}
			: null,
	}
}

type MemberHomeData = Awaited<ReturnType<typeof homeForMember>>

export default function Home({ loaderData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation('pledge')
	const { t: tPages } = useTranslation('pages')
	const { pact, counts, mostChosen, member, firstNames } = loaderData
	const n = (value: number) => formatNumber(value, i18n.language)
	const yearsEarlier = pact.nationalNetZeroYear - pact.cityNetZeroYear
	const total = counts.residents + counts.others
	const maxChosen = Math.max(1, ...mostChosen.map((c) => c.count))

	const counter = (
		<aside className="counter" aria-labelledby="counter-title">
			<h2 id="counter-title" className="visually-hidden">
				{t('home.counterTitle')}
			</h2>
			{total === 0 ? (
				<p className="counter-first">{t('home.beTheFirst', { city: pact.city })}</p>
			) : (
				<>
					<p className="counter-main">
						<span className="count-number">{n(counts.residents)}</span>
						<span className="count-label">
							{t('home.residentsSigned', { count: counts.residents, city: pact.city })}
						</span>
					</p>
					{counts.others > 0 ? (
						<p className="counter-others">
							{t('home.othersSigned', { count: counts.others, number: n(counts.others) })}
						</p>
					) : null}
				</>
			)}
			<p className="counter-note">{t('home.counterNote')}</p>
		</aside>
	)
	const names = <FirstNames names={firstNames} />

	// A signatory has done what the visitor's page asks: theirs shows what to do next instead.
	if (member?.signatory) {
		return (
			<div className="home">
				<MemberHome member={member} counter={counter} />
				<HomeNews news={loaderData.news} timeZone={loaderData.timeZone} />
				{names}
			</div>
		)
	}

	return (
		<div className="home">
			<section className="hero" aria-labelledby="home-title">
				<div className="hero-inner">
					<div className="hero-text">
						<p className="eyebrow">{t('home.eyebrow')}</p>
						<h1 id="home-title">{t('home.title', { city: pact.city })}</h1>
						<p className="hero-lead">{t('home.lead', { city: pact.city })}</p>
						{member?.pending ? <p className="notice">{tPages('home.welcomePending')}</p> : null}
						<div className="button-row">
							<Link to="/sign" className="button primary big">
								{t('home.signButton')}
							</Link>
							<a href="#why" className="quiet-link">
								{t('home.readWhy')}
							</a>
						</div>
					</div>

					{counter}
				</div>
			</section>

			<section className="home-section" id="why" aria-labelledby="why-title">
				<div className="section-inner why">
					<div>
						<h2 id="why-title">{t('home.whyTitle')}</h2>
						<p className="section-lead">
							{yearsEarlier > 0
								? t('home.whyEarlier', {
										city: pact.city,
										cityYear: pact.cityNetZeroYear,
										nationalYear: pact.nationalNetZeroYear,
										count: yearsEarlier,
									})
								: t('home.whySame', {
										city: pact.city,
										cityYear: pact.cityNetZeroYear,
										nationalYear: pact.nationalNetZeroYear,
									})}
						</p>
						<p>{t('home.whyTogether', { city: pact.city })}</p>
					</div>
					<div className="goal-years" role="group" aria-label={t('home.goalsLabel')}>
						<div className="goal goal-city">
							<span className="goal-year">{pact.cityNetZeroYear}</span>
							<span className="goal-what">{t('home.goalCity', { city: pact.city })}</span>
						</div>
						<div className="goal goal-nation">
							<span className="goal-year">{pact.nationalNetZeroYear}</span>
							<span className="goal-what">{t('home.goalNation')}</span>
						</div>
					</div>
				</div>
				<div className="section-inner">
					<ul className="reasons">
						{(['act', 'together', 'community'] as const).map((reason) => (
							<li key={reason} className={`reason reason-${reason}`}>
								<h3>{t(`home.reasons.${reason}.title`)}</h3>
								<p>{t(`home.reasons.${reason}.text`, { city: pact.city })}</p>
							</li>
						))}
					</ul>
				</div>
			</section>

			{mostChosen.length > 0 ? (
				<section className="home-section alt" aria-labelledby="chosen-title">
					<div className="section-inner">
						<h2 id="chosen-title">{t('home.mostChosenTitle')}</h2>
						<p className="section-lead">{t('home.mostChosenLead')}</p>
						<ol className="most-chosen">
							{mostChosen.map((commitment) => (
								<li key={commitment.id}>
									<span className="most-chosen-title">
										<span className={`category-dot category-${commitment.category}`} aria-hidden="true" />
										{commitment.title}
										<span className="visually-hidden"> ({t(`categories.${commitment.category}`)})</span>
									</span>
									<span className="most-chosen-count">
										{t('home.chosenBy', { count: commitment.count, number: n(commitment.count) })}
									</span>
									<span className="most-chosen-bar" aria-hidden="true">
										<span style={{ width: `${Math.round((commitment.count / maxChosen) * 100)}%` }} />
									</span>
								</li>
							))}
						</ol>
					</div>
				</section>
			) : null}

			<section className="home-section" aria-labelledby="ladder-title">
				<div className="section-inner">
					<h2 id="ladder-title">{t('home.ladderTitle')}</h2>
					<p className="section-lead">{t('home.ladderLead')}</p>
					<ol className="ladder">
						{([1, 2, 3, 4] as const).map((step) => (
							<li key={step} className={`ladder-step ladder-step-${step}`}>
								<span className="ladder-number" aria-hidden="true">
									{step}
								</span>
								<h3>{t(`ladder.step${step}.title`)}</h3>
								<p>{t(`ladder.step${step}.text`)}</p>
							</li>
						))}
					</ol>
				</div>
			</section>

			<HomeNews news={loaderData.news} timeZone={loaderData.timeZone} />

			{names}

			<section className="home-section closing" aria-labelledby="closing-title">
				<div className="section-inner closing-inner">
					<h2 id="closing-title">
						{total > 0 ? t('home.closingTitle', { count: total, number: n(total) }) : t('home.closingTitleFirst')}
					</h2>
					<p>{t('home.closingText', { city: pact.city })}</p>
					<Link to="/sign" className="button big">
						{t('home.signButton')}
					</Link>
				</div>
			</section>
		</div>
	)
}

/** The first names of the newest who chose to show them: the pact is people, not a number. */
function FirstNames({ names }: { names: string[] }) {
	const { t } = useTranslation('pages')
	if (names.length === 0) return null
	return (
		<section className="home-section first-names-section" aria-labelledby="names-title">
			<div className="section-inner">
				<h2 id="names-title">{t('home.namesTitle')}</h2>
				<p className="section-lead">{t('home.namesLead')}</p>
				<ul className="first-names" aria-label={t('home.namesLabel')}>
					{names.map((name, index) => (
						<li key={`${index}-${name}`}>
							<bdi>{name}</bdi>
						</li>
					))}
				</ul>
			</div>
		</section>
	)
}

/** A signatory's home: greeting and counter, then the next step, the next events and the theme. */
function MemberHome({ member, counter }: { member: MemberHomeData; counter: ReactNode }) {
	const { t } = useTranslation('pages')
	const { t: tLadder } = useTranslation('ladder')
	const { t: tEvents } = useTranslation('events')
	const { step } = member
	return (
		<>
			<section className="hero member-hero" aria-labelledby="home-title">
				<div className="hero-inner">
					<div className="hero-text">
						<h1 id="home-title">{t('home.welcome', { name: member.firstName })}</h1>
						<p className="hero-lead">{t('home.welcomeLead')}</p>
					</div>
					{counter}
				</div>
			</section>
			<div className="home-section member-cards">
				<div className="section-inner member-grid">
					<section className="card member-card" aria-labelledby="next-step-title">
						<h2 id="next-step-title">{t('home.nextStepTitle')}</h2>
						{step >= 1 ? (
							<p>{t('home.stepNow', { step, title: tLadder(`steps.${step as 1 | 2 | 3 | 4}.title`) })}</p>
						) : null}
						{step >= 1 && step < 4 ? (
							<>
								<p className="member-next">
									<strong>{t('home.nextStepIs', { title: tLadder(`steps.${(step + 1) as 2 | 3 | 4}.title`) })}</strong>
								</p>
								<p>{tLadder(`steps.${(step + 1) as 2 | 3 | 4}.text`)}</p>
							</>
						) : step === 4 ? (
							<p>{t('home.nextStepTop')}</p>
						) : null}
						{member.suggestions.length > 0 ? (
							<ul className="member-list">
								{member.suggestions.map((s) => (
									<li key={`${s.slug}-${s.title}`}>
										<Link to={`/events/${s.slug}`} lang={s.titleLang}>
											{s.title}
										</Link>
										<span className="muted">{s.when}</span>
									</li>
								))}
							</ul>
						) : null}
						<p>
							<Link to="/ladder">{t('home.openLadder')}</Link>
						</p>
					</section>

					<section className="card member-card" aria-labelledby="next-events-title">
						<h2 id="next-events-title">{t('home.eventsTitle')}</h2>
						{member.events.length === 0 ? (
							<p>{t('home.noEvents')}</p>
						) : (
							<ul className="member-list">
								{member.events.map((e) => (
									<li key={e.slug}>
										<Link to={`/events/${e.slug}`} lang={e.titleLang}>
											{e.title}
										</Link>
										<span className="muted">
											{e.when}
											{e.place ? `, ${e.place}` : ''}
										</span>
										{e.going ? (
											<span className="badge">{t('home.going')}</span>
										) : e.placesLeft === 0 ? (
											<span className="badge badge-full">{tEvents('places.full')}</span>
										) : null}
									</li>
								))}
							</ul>
						)}
						<p className="member-links">
							<Link to="/events">{t('home.allEvents')}</Link>
							<Link to="/events/mine">{t('home.myEvents')}</Link>
						</p>
					</section>

					{member.theme ? (
						<section
							className="card member-card member-theme"
							aria-labelledby="theme-title"
							style={{ borderTopColor: member.theme.colour }}
						>
							{member.theme.image ? (
								<Picture
									image={member.theme.image}
									className="member-theme-picture"
									sizes="(min-width: 60rem) 20rem, calc(100vw - 4rem)"
								/>
							) : null}
							<p className="eyebrow">{t('home.themeTitle')}</p>
							<h2 id="theme-title">
								{member.theme.icon ? <ThemeIcon name={member.theme.icon} /> : null}
								{member.theme.title}
							</h2>
							<p>{member.theme.summary}</p>
							<p>
								<Link to={`/themes/${member.theme.slug}`}>{t('home.themeLink', { title: member.theme.title })}</Link>
							</p>
						</section>
					) : null}
				</div>
			</div>
		</>
	)
}
