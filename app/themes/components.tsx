import { Link } from 'react-router'
import { Picture } from '#app/images/picture.tsx'
import type { PictureImage } from '#app/images/sources.ts'
import { themeIconPaths } from './icons.ts'
import type { ThemeIconName } from './palette.ts'

/**
 * A theme's icon, drawn inline in the text's colour at the size of its letters. Decorative: the
 * theme's title beside it says what it is, so screen readers skip it.
 */
export function ThemeIcon({ name, className = 'theme-icon' }: { name: ThemeIconName; className?: string }) {
	return (
		<svg
			className={className}
			viewBox="0 0 24 24"
			width="1em"
			height="1em"
			fill="none"
			stroke="currentColor"
			strokeWidth={2}
			strokeLinecap="round"
			strokeLinejoin="round"
			aria-hidden="true"
			focusable="false"
		>
			<path d={themeIconPaths[name]} />
		</svg>
	)
}

/** One theme in a list: its colour and icon, title, period and summary, linked to its page, and its picture. */
export function ThemeCard({
	theme,
}: {
	theme: {
		slug: string
		title: string
		summary: string
		colour: string
		icon: ThemeIconName | null
		image: PictureImage | null
		period: string
	}
}) {
	return (
		<article
			className={theme.image ? 'theme-card has-image' : 'theme-card'}
			style={{ '--theme-colour': theme.colour } as React.CSSProperties}
		>
			<h3>
				{theme.icon ? <ThemeIcon name={theme.icon} /> : null}
				<Link to={`/themes/${theme.slug}`}>{theme.title}</Link>
			</h3>
			<p className="theme-period">{theme.period}</p>
			<p>{theme.summary}</p>
			{/* Last in the document, so the title comes first to a screen reader; drawn on top (themes.css). */}
			{theme.image ? (
				<Picture
					image={theme.image}
					className="theme-card-image"
					sizes="(min-width: 48rem) 24rem, calc(100vw - 4rem)"
				/>
			) : null}
		</article>
	)
}
