import { Link } from 'react-router'

/** One theme in a list: its colour and icon, title, period and summary, linked to its page. */
export function ThemeCard({
	theme,
}: {
	theme: { slug: string; title: string; summary: string; colour: string; icon: string | null; period: string }
}) {
	return (
		<article className="theme-card" style={{ '--theme-colour': theme.colour } as React.CSSProperties}>
			<h3>
				{theme.icon ? (
					<span className="theme-icon" aria-hidden="true">
						{theme.icon}
					</span>
				) : null}
				<Link to={`/themes/${theme.slug}`}>{theme.title}</Link>
			</h3>
			<p className="theme-period">{theme.period}</p>
			<p>{theme.summary}</p>
		</article>
	)
}
