import { Link } from 'react-router'
import type { Route } from './+types/themes'
import { config } from '#app/config.server.ts'
import { socialMeta } from '#app/common/social.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ThemeCard } from '#app/themes/components.tsx'
import { formatThemeDay } from '#app/themes/theme-page.server.ts'
import { publicThemes, type ThemeSummary } from '#app/themes/themes.server.ts'
import { getDb } from '#db/index.ts'
import '#app/themes/themes.css'

export const handle: I18nHandle = { i18n: ['themes'] }

/** The pact's focus themes: running now, coming, and past. */

export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	return [
		{ title: data.documentTitle },
		{ name: 'description', content: data.description },
		...socialMeta({ title: data.title, description: data.description, url: data.url }),
	]
}

export async function loader({ request }: Route.LoaderArgs) {
	const [t, language] = [await getT(request, 'themes'), await getLanguage(request)]
	const { current, upcoming, past } = await publicThemes(getDb(), language)
	const withPeriod = (theme: ThemeSummary) => ({
		...theme,
		period: t('list.period', {
			from: formatThemeDay(theme.startsOn, language),
			to: formatThemeDay(theme.endsOn, language),
		}),
	})
	return {
		title: t('list.title'),
		documentTitle: `${t('list.title')} – ${config.pact.name}`,
		description: t('list.lead'),
		url: `${config.appUrl}/themes`,
		current: current.map(withPeriod),
		upcoming: upcoming.map(withPeriod),
		past: past.map(withPeriod),
	}
}

export default function Themes({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('themes')
	const { current, upcoming, past } = loaderData
	const sections = [
		{ key: 'current', title: t('list.current'), themes: current },
		{ key: 'upcoming', title: t('list.upcoming'), themes: upcoming },
		{ key: 'past', title: t('list.past'), themes: past },
	].filter((section) => section.themes.length > 0)
	return (
		<div className="page themes-page">
			<h1>{t('list.title')}</h1>
			<p className="lead">{t('list.lead')}</p>
			{sections.length === 0 ? <p>{t('list.empty')}</p> : null}
			{sections.map((section) => (
				<section key={section.key} aria-labelledby={`themes-${section.key}`}>
					<h2 id={`themes-${section.key}`}>{section.title}</h2>
					<ul className="theme-cards" role="list">
						{section.themes.map((theme) => (
							<li key={theme.slug}>
								<ThemeCard theme={theme} />
							</li>
						))}
					</ul>
				</section>
			))}
			<p className="muted">
				<Link to="/events">{t('page.allEvents')}</Link>
			</p>
		</div>
	)
}
