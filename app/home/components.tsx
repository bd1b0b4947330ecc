// The sections of the home page that depend on who is looking (app/routes/home.tsx renders them).
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { Picture } from '#app/images/picture.tsx'
import { ThemeIcon } from '#app/themes/components.tsx'
import type { MemberHomeData } from './member.server.ts'

/** The first names of the newest who chose to show them: the pact is people, not a number. */
export function FirstNames({ names }: { names: string[] }) {
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
export function MemberHome({ member, counter }: { member: MemberHomeData; counter: ReactNode }) {
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
