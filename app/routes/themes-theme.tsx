import { Form, Link, redirect } from 'react-router'
import type { Route } from './+types/themes-theme'
import { getUser, requireUser } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatNumber } from '#app/common/format.ts'
import { socialMeta } from '#app/common/social.ts'
import { EventCard } from '#app/events/components/event-card.tsx'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { getPicture, openGraphImageUrl } from '#app/images/images.server.ts'
import { Picture } from '#app/images/picture.tsx'
import { CommitmentEstimate } from '#app/pledge/components.tsx'
import { ThemeIcon } from '#app/themes/components.tsx'
import { followTheme, unfollowTheme } from '#app/themes/follow.server.ts'
import { followSchema } from '#app/themes/schemas.ts'
import { themePage } from '#app/themes/theme-page.server.ts'
import { findThemeBySlug } from '#app/themes/themes.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { getDb } from '#db/index.ts'
import '#app/events/events.css'
import '#app/images/images.css'
import '#app/themes/themes.css'

export const handle: I18nHandle = { i18n: ['themes', 'events', 'pledge'] }

/** One focus theme: what it is about, its kick-off and events, its commitments, and following it. */

const messages = { followed: 'flash.followed', unfollowed: 'flash.unfollowed' } as const

export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	const { theme } = data
	return [
		{ title: data.documentTitle },
		{ name: 'description', content: theme.summary },
		...socialMeta({ title: theme.title, description: theme.summary, url: data.url, image: data.shareImage }),
	]
}

async function themeOr404(slug: string) {
	const theme = await findThemeBySlug(getDb(), slug)
	if (!theme) throw new Response('Not found', { status: 404 })
	return theme
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const db = getDb()
	const row = await themeOr404(params.slug)
	const [language, user] = await Promise.all([getLanguage(request), getUser(request)])
	const theme = await themePage(db, row, language, user?.id ?? null)
	const picture = await getPicture(db, row.image_id)
	return {
		documentTitle: `${theme.title} – ${config.pact.name}`,
		url: `${config.appUrl}/themes/${theme.slug}`,
		shareImage: picture ? { url: openGraphImageUrl(picture.id), alt: picture.alt } : null,
		theme,
		picture,
		signedIn: user !== null,
		loginUrl: `/login?${new URLSearchParams({ redirectTo: `/themes/${theme.slug}` })}`,
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const db = getDb()
	const theme = await themeOr404(params.slug)
	const parsed = followSchema.safeParse(Object.fromEntries(await request.formData()))
	// Only a crafted form sends anything else: the page's buttons always send one of the two.
	if (!parsed.success) throw new Response('Bad request', { status: 400 })
	if (parsed.data.intent === 'follow') await followTheme(db, theme.id, user.id)
	else await unfollowTheme(db, theme.id, user.id)
	return redirect(withFlash(`/themes/${theme.slug}`, parsed.data.intent === 'follow' ? 'followed' : 'unfollowed'))
}

export default function ThemePage({ loaderData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation('themes')
	const { theme, picture, signedIn, loginUrl, flash } = loaderData
	return (
		<div className="page theme-page" style={{ '--theme-colour': theme.colour } as React.CSSProperties}>
			<p>
				<Link to="/themes">← {t('page.back')}</Link>
			</p>
			<header className="theme-hero">
				<div className="theme-hero-text">
					<h1>
						{theme.icon ? <ThemeIcon name={theme.icon} /> : null}
						{theme.title}
					</h1>
					<p className="theme-period">{t('page.period', theme.period)}</p>
				</div>
				{picture ? (
					<Picture image={picture} sizes="(min-width: 60rem) 28rem, 100vw" eager className="theme-picture" />
				) : null}
			</header>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>

			<div className="theme-columns">
				<div className="theme-intro">
					<div className="prose" dangerouslySetInnerHTML={{ __html: theme.descriptionHtml }} />

					{theme.kickOff ? (
						<section aria-labelledby="kick-off" className="card theme-kick-off">
							<h2 id="kick-off">{t('page.kickOff')}</h2>
							<p>
								<strong>
									<Link to={`/events/${theme.kickOff.slug}`} lang={theme.kickOff.titleLang}>
										{theme.kickOff.title}
									</Link>
								</strong>
							</p>
							<p className="muted">
								{theme.kickOff.when}
								{theme.kickOff.place ? ` · ${theme.kickOff.place}` : null}
							</p>
						</section>
					) : null}
				</div>

				<aside className="theme-side">
					<section aria-labelledby="follow-title" className="card theme-follow">
						<h2 id="follow-title" className="small-heading">
							{theme.following ? t('page.following') : t('page.follow')}
						</h2>
						<p>{t('page.followLead')}</p>
						<p className="muted">
							{t('page.followers', {
								count: theme.followerCount,
								formatted: formatNumber(theme.followerCount, i18n.language),
							})}
						</p>
						{signedIn ? (
							<Form method="post">
								<input type="hidden" name="intent" value={theme.following ? 'unfollow' : 'follow'} />
								<button type="submit" className={theme.following ? 'secondary' : 'primary'}>
									{theme.following ? t('page.unfollow') : t('page.follow')}
								</button>
							</Form>
						) : (
							<Link to={loginUrl} className="button secondary">
								{t('page.signInToFollow')}
							</Link>
						)}
					</section>

					{theme.commitments.length > 0 ? (
						<section aria-labelledby="theme-commitments" className="card theme-commitments">
							<h2 id="theme-commitments" className="small-heading">
								{t('page.commitments')}
							</h2>
							<p>{t('page.commitmentsLead')}</p>
							<ul>
								{theme.commitments.map((commitment) => (
									<li key={commitment.id}>
										{commitment.title}
										<br />
										<CommitmentEstimate kgCo2ePerYear={commitment.kgCo2ePerYear} source={commitment.source} />
									</li>
								))}
							</ul>
							<p className="button-row">
								<Link to="/sign" className="button">
									{t('page.sign')}
								</Link>
							</p>
							<p>
								<Link to="/my-pledge">{t('page.signedAlready')}</Link>
							</p>
						</section>
					) : null}
				</aside>

				<div className="theme-events-column">
					<section aria-labelledby="theme-upcoming">
						<h2 id="theme-upcoming">{t('page.upcomingEvents')}</h2>
						{theme.upcoming.length === 0 ? <p>{t('page.noEvents')}</p> : null}
						<ul className="event-list theme-events" role="list">
							{theme.upcoming.map((event) => (
								<li key={event.id}>
									<EventCard event={event} past={false} />
								</li>
							))}
						</ul>
					</section>
					{theme.proposals.length > 0 ? (
						<section aria-labelledby="theme-proposals">
							<h2 id="theme-proposals">{t('page.proposals')}</h2>
							<ul className="theme-proposals">
								{theme.proposals.map((proposal) => (
									<li key={proposal.id}>
										<Link to={`/proposals/${proposal.id}`}>{proposal.title}</Link>
										<p>{proposal.summary}</p>
										<p className="muted">
											{t('page.backedBy', {
												count: proposal.supportCount,
												formatted: formatNumber(proposal.supportCount, i18n.language),
											})}
										</p>
									</li>
								))}
							</ul>
						</section>
					) : null}
					{theme.past.length > 0 ? (
						<section aria-labelledby="theme-past">
							<h2 id="theme-past">{t('page.pastEvents')}</h2>
							<ul className="event-list theme-events" role="list">
								{theme.past.map((event) => (
									<li key={event.id}>
										<EventCard event={event} past />
									</li>
								))}
							</ul>
						</section>
					) : null}
				</div>
			</div>
		</div>
	)
}
