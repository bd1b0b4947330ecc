import { useTranslation } from '#app/i18n/use-translation.ts'
import { Form, Link, NavLink, useLocation } from 'react-router'
import { useRootData } from '#app/ui/use-root-data.ts'
import { supportedLanguages } from '#app/i18n/i18n.ts'

export function SiteHeader() {
	const { t } = useTranslation()
	const root = useRootData()
	const location = useLocation()
	const here = location.pathname + location.search
	const canManageCatalogue = root?.permissions.includes('catalogue:manage')
	return (
		<header className="site-header">
			<a className="skip-link" href="#main">
				{t('skipToContent')}
			</a>
			<div className="site-header-inner">
				<Link to="/" className="brand">
					{root?.pact.name ?? 'Klimatpakt'}
				</Link>
				<nav aria-label={t('nav.label')}>
					<ul className="nav-list">
						{root?.user ? (
							<>
								<li>
									<NavLink to="/my-pledge">{t('nav.myPledge')}</NavLink>
								</li>
								<li>
									<NavLink to="/preferences">{t('nav.preferences')}</NavLink>
								</li>
							</>
						) : (
							<li>
								<NavLink to="/sign">{t('nav.sign')}</NavLink>
							</li>
						)}
						<li>
							<NavLink to="/events">{t('nav.events')}</NavLink>
						</li>
						{root?.permissions.includes('events:organise') ? (
							<li>
								<NavLink to="/organise/events">{t('nav.organise')}</NavLink>
							</li>
						) : null}
						{canManageCatalogue ? (
							<li>
								<NavLink to="/admin/commitments">{t('nav.catalogue')}</NavLink>
							</li>
						) : null}
						{root?.permissions.includes('members:manage') ? (
							<li>
								<NavLink to="/admin/ladder">{t('nav.ladderAdmin')}</NavLink>
							</li>
						) : null}
						{root?.permissions.includes('newsletters:send') ? (
							<li>
								<NavLink to="/admin/newsletters">{t('nav.newsletters')}</NavLink>
							</li>
						) : null}
						{root?.mailboxOpen ? (
							<li>
								<NavLink to="/dev/mail">{t('nav.devMail')}</NavLink>
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
		</header>
	)
}

/** A plain form per language: works without JavaScript, and the choice is remembered. */
function LanguageSwitcher({ redirectTo }: { redirectTo: string }) {
	const { t, i18n } = useTranslation()
	return (
		<Form method="post" action="/language" className="language-switcher" aria-label={t('language.switchTo')}>
			<input type="hidden" name="redirectTo" value={redirectTo} />
			{supportedLanguages.map((language) => (
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

export function SiteFooter() {
	const { t } = useTranslation()
	const root = useRootData()
	return (
		<footer className="site-footer">
			<p>{t('footer.about', { pact: root?.pact.name ?? 'Klimatpakt' })}</p>
			<p>{t('footer.privacy')}</p>
		</footer>
	)
}
