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
import { HomeNews } from '#app/stories/components.tsx'
import { homeNews } from '#app/stories/home.server.ts'
import { FirstNames, MemberHome } from '#app/home/components.tsx'
import { homeForMember } from '#app/home/member.server.ts'
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
