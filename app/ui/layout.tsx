import { useTranslation } from '#app/i18n/use-translation.ts'
import { useEffect, useRef } from 'react'
import { Form, Link, NavLink, useLocation } from 'react-router'
import { useRootData } from '#app/ui/use-root-data.ts'
import { supportedLanguages } from '#app/i18n/i18n.ts'
import './layout.css'

/** Matches layout.css: from this width the menu is a row, not a disclosure. */
const wideScreen = '(min-width: 62rem)'

/**
 * The header. On a phone the menu folds into one "Menu" button (a <details>, so it opens without
 * JavaScript and says whether it is open); on a desktop it is one row, with a coordinator's
 * pages grouped under one "Coordinate" disclosure so the row stays a row.
 */
export function SiteHeader() {
	const { t } = useTranslation()
	const root = useRootData()
	const location = useLocation()
	const here = location.pathname + location.search
	const permissions = root?.permissions ?? []
	const can = (permission: string) => permissions.includes(permission)
	const menu = useRef<HTMLDetailsElement>(null)
	const admin = useRef<HTMLDetailsElement>(null)

	// After following a link the page changes without a reload: fold what was opened to get there.
	useEffect(() => {
		if (admin.current) admin.current.open = false
		if (menu.current) menu.current.open = window.matchMedia(wideScreen).matches
	}, [location.pathname])

	const adminLinks = [
		can('events:organise') ? { to: '/organise/events', label: t('nav.organise') } : null,
		can('catalogue:manage') ? { to: '/admin/commitments', label: t('nav.catalogue') } : null,
		can('members:manage') ? { to: '/admin/ladder', label: t('nav.ladderAdmin') } : null,
		can('newsletters:send') ? { to: '/admin/newsletters', label: t('nav.newsletters') } : null,
		can('pages:edit') ? { to: '/admin/pages', label: t('nav.pages') } : null,
		can('proposals:manage') ? { to: '/admin/proposals', label: t('nav.proposalsAdmin') } : null,
		can('partners:manage') ? { to: '/admin/partners', label: t('nav.partnersAdmin') } : null,
		can('partners:manage') ? { to: '/admin/mentoring', label: t('nav.mentoringAdmin') } : null,
		can('partners:manage') ? { to: '/admin/projects', label: t('nav.projectsAdmin') } : null,
		can('partners:manage') ? { to: '/admin/partnership-days', label: t('nav.partnershipDaysAdmin') } : null,
		can('climate-reports:manage') ? { to: '/admin/climate-reports', label: t('nav.climateReportsAdmin') } : null,
		can('stories:manage') ? { to: '/admin/stories', label: t('nav.storiesAdmin') } : null,
		can('stories:manage') ? { to: '/admin/awards', label: t('nav.awardsAdmin') } : null,
	].filter((link) => link !== null)

	return (
		<header className="site-header">
			<a className="skip-link" href="#main">
				{t('skipToContent')}
			</a>
			<div className="site-header-inner">
				<Link to="/" className="brand">
					{root?.pact.name ?? 'Klimatpakt'}
				</Link>
				<details className="site-menu" ref={menu}>
					<summary className="site-menu-button">
						<span className="site-menu-icon" aria-hidden="true" />
						{t('nav.menu')}
					</summary>
					<div className="site-menu-content">
						<nav aria-label={t('nav.label')}>
							<ul className="nav-list">
								{root?.user ? (
									<>
										<li>
											<NavLink to="/my-pledge">{t('nav.myPledge')}</NavLink>
										</li>
										<li>
											<NavLink to="/ladder" end>
												{t('nav.ladder')}
											</NavLink>
										</li>
									</>
								) : (
									<li>
										<NavLink to="/sign">{t('nav.sign')}</NavLink>
									</li>
								)}
								<li>
									<NavLink to="/events" end>
										{t('nav.events')}
									</NavLink>
								</li>
								<li>
									<NavLink to="/themes">{t('nav.themes')}</NavLink>
								</li>
								<li>
									<NavLink to="/proposals">{t('nav.proposals')}</NavLink>
								</li>
								<li>
									<NavLink to="/partners">{t('nav.partners')}</NavLink>
								</li>
								{root?.user ? (
									<li>
										<NavLink to="/preferences">{t('nav.preferences')}</NavLink>
									</li>
								) : null}
								{adminLinks.length === 1 ? (
									<li>
										<NavLink to={adminLinks[0]!.to}>{adminLinks[0]!.label}</NavLink>
									</li>
								) : adminLinks.length > 1 ? (
									<li>
										<details className="nav-admin" ref={admin}>
											<summary>{t('nav.admin')}</summary>
											<ul>
												{adminLinks.map((link) => (
													<li key={link.to}>
														<NavLink to={link.to}>{link.label}</NavLink>
													</li>
												))}
											</ul>
										</details>
									</li>
								) : null}
								<li>
									{root?.user ? (
										<Form method="post" action="/logout">
											<button type="submit" className="link-button">
												{t('nav.signOut')}
											</button>
										</Form>
									) : (
										<NavLink to={`/login?${new URLSearchParams({ redirectTo: here })}`}>{t('nav.signIn')}</NavLink>
									)}
								</li>
							</ul>
						</nav>
						<LanguageSwitcher redirectTo={here} />
					</div>
				</details>
			</div>
		</header>
	)
}

/** A plain form per language: works without JavaScript, and the choice is remembered. */
function LanguageSwitcher({ redirectTo }: { redirectTo: string }) {
	const { t, i18n } = useTranslation()
	// The pact's offered languages (LANGUAGES); all of them on an error page without the root's data.
	const offered = useRootData()?.languages ?? supportedLanguages
	return (
		<Form method="post" action="/language" className="language-switcher" aria-label={t('language.switchTo')}>
			<input type="hidden" name="redirectTo" value={redirectTo} />
			{offered.map((language) => (
				<button
					key={language}
					type="submit"
					name="language"
					value={language}
					lang={language}
					aria-pressed={i18n.language === language}
					className="language-button"
				>
					{t(`language.${language}`)}
				</button>
			))}
		</Form>
	)
}

/** The pact's own pages (app/pages), each in the reader's language. */
const footerPages = [
	{ to: '/about', key: 'about' },
	{ to: '/faq', key: 'faq' },
	{ to: '/contact', key: 'contact' },
	{ to: '/privacy', key: 'privacy' },
	{ to: '/accessibility', key: 'accessibility' },
] as const

export function SiteFooter() {
	const { t } = useTranslation()
	const root = useRootData()
	return (
		<footer className="site-footer">
			<nav aria-label={t('footer.pagesLabel')} className="footer-nav">
				<ul>
					{footerPages.map((page) => (
						<li key={page.key}>
							<Link to={page.to}>{t(`footer.pages.${page.key}`)}</Link>
						</li>
					))}
					<li>
						<Link to="/numbers">{t('nav.numbers')}</Link>
					</li>
					<li>
						<Link to="/stories">{t('nav.stories')}</Link>
					</li>
					<li>
						<Link to="/projects">{t('nav.projects')}</Link>
					</li>
					<li>
						<Link to="/awards">{t('nav.awards')}</Link>
					</li>
					{root?.mailboxOpen ? (
						<li>
							<Link to="/dev/mail">{t('nav.devMail')}</Link>
						</li>
					) : null}
				</ul>
			</nav>
			<p>{t('footer.about', { pact: root?.pact.name ?? 'Klimatpakt' })}</p>
			<p>{t('footer.privacy')}</p>
		</footer>
	)
}
