import { config } from '#app/config.server.ts'
import { utcToLocal } from '#app/common/time.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import type { PictureImage } from '#app/images/sources.ts'
import type { DB } from '#db/index.ts'
import type { Theme } from '#db/schema.ts'
import { colourHex, iconName, type ThemeIconName } from './palette.ts'

/**
 * What residents see of the focus themes: the one featured now, the list, and what a theme's page
 * needs of its own row. The pact picks about two a year, so every list here is short.
 */

/** Today in the pact's time zone, as themes' periods are written: YYYY-MM-DD. */
export function localToday(now = new Date(), timeZone = config.timeZone): string {
	return utcToLocal(now, timeZone).date
}

/**
 * The plain first paragraph of a markdown description, cut at a word within `max` characters:
 * the line under a theme's title in lists, on the home page, in digests and link previews.
 */
export function summaryOf(markdown: string, max = 200): string {
	const first =
		markdown
			.split(/\n\s*\n/)
			.map((block) => block.trim())
			.find((block) => block && !/^#{1,6}\s/.test(block)) ?? ''
	const plain = first
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s*(?:[-*+>]|\d+\.)\s+/gm, '')
		.replace(/[*_`~#]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
	if (plain.length <= max) return plain
	const cut = plain.slice(0, max - 1)
	const lastSpace = cut.lastIndexOf(' ')
	return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '')}…`
}

/** A theme as lists and the home page show it, in one language. */
export interface ThemeSummary {
	id: number
	slug: string
	title: string
	summary: string
	colour: string
	icon: ThemeIconName | null
	image: PictureImage | null
	startsOn: string
	endsOn: string
}

function titleIn(theme: Pick<Theme, 'title_sv' | 'title_en'>, language: SupportedLanguage): string {
	return language === 'en' ? theme.title_en : theme.title_sv
}

export function descriptionIn(theme: Pick<Theme, 'description_sv' | 'description_en'>, language: SupportedLanguage) {
	return language === 'en' ? theme.description_en : theme.description_sv
}

/** A theme's row with its image's alt text and size (the images area keeps them with the image). */
export type ThemeRow = Theme & { image_alt: string | null; image_width: number | null; image_height: number | null }

/** Themes with their image's alt text and size, enough to show it: the one join every read here shares. */
function themes(db: DB) {
	return db
		.selectFrom('theme')
		.leftJoin('image', 'image.id', 'theme.image_id')
		.selectAll('theme')
		.select(['image.alt as image_alt', 'image.width as image_width', 'image.height as image_height'])
}

export function toSummary(theme: ThemeRow, language: SupportedLanguage): ThemeSummary {
	return {
		id: theme.id,
		slug: theme.slug,
		title: titleIn(theme, language),
		summary: summaryOf(descriptionIn(theme, language)),
		colour: colourHex(theme.colour),
		icon: iconName(theme.icon),
		image:
			theme.image_id === null || theme.image_width === null || theme.image_height === null
				? null
				: { id: theme.image_id, alt: theme.image_alt ?? '', width: theme.image_width, height: theme.image_height },
		startsOn: theme.starts_on,
		endsOn: theme.ends_on,
	}
}

/**
 * The theme to feature: the one whose period includes today, else the nearest upcoming one, else
 * none. Two running at once (a coordinator let them overlap): the one that began last.
 */
export async function currentTheme(
	db: DB,
	language: SupportedLanguage,
	now = new Date(),
): Promise<{
	slug: string
	title: string
	summary: string
	colour: string
	icon: ThemeIconName | null
	image: PictureImage | null
	startsOn: string
	endsOn: string
} | null> {
	const theme = await currentThemeRow(db, now)
	if (!theme) return null
	const { slug, title, summary, colour, icon, image, startsOn, endsOn } = toSummary(theme, language)
	return { slug, title, summary, colour, icon, image, startsOn, endsOn }
}

/** The row behind currentTheme, for the digest and anything else that needs its id. */
export async function currentThemeRow(db: DB, now = new Date()): Promise<ThemeRow | undefined> {
	const today = localToday(now)
	const running = await themes(db)
		.where('theme.starts_on', '<=', today)
		.where('theme.ends_on', '>=', today)
		.orderBy('theme.starts_on', 'desc')
		.orderBy('theme.id', 'desc')
		.limit(1)
		.executeTakeFirst()
	if (running) return running
	return themes(db)
		.where('theme.starts_on', '>', today)
		.orderBy('theme.starts_on')
		.orderBy('theme.id')
		.limit(1)
		.executeTakeFirst()
}

/** `/themes`: running now, coming (soonest first) and past (latest first). */
export async function publicThemes(
	db: DB,
	language: SupportedLanguage,
	now = new Date(),
): Promise<{ current: ThemeSummary[]; upcoming: ThemeSummary[]; past: ThemeSummary[] }> {
	const today = localToday(now)
	const rows = await themes(db).orderBy('theme.starts_on').orderBy('theme.id').limit(500).execute()
	const summaries = rows.map((theme) => toSummary(theme, language))
	return {
		current: summaries.filter((s) => s.startsOn <= today && s.endsOn >= today),
		upcoming: summaries.filter((s) => s.startsOn > today),
		past: summaries.filter((s) => s.endsOn < today).reverse(),
	}
}

export async function findThemeBySlug(db: DB, slug: string): Promise<ThemeRow | undefined> {
	return themes(db).where('theme.slug', '=', slug).executeTakeFirst()
}

export async function getTheme(db: DB, id: number): Promise<ThemeRow | undefined> {
	return themes(db).where('theme.id', '=', id).executeTakeFirst()
}

/** Every theme for coordinators, latest period first. */
export async function listThemes(db: DB): Promise<Theme[]> {
	return db.selectFrom('theme').selectAll().orderBy('starts_on', 'desc').orderBy('id', 'desc').limit(500).execute()
}

/** Themes to choose from (an event's theme, a newsletter's audience), latest first, in one language. */
export async function themeChoices(db: DB, language: SupportedLanguage): Promise<Array<{ id: number; title: string }>> {
	const themes = await listThemes(db)
	return themes.map((theme) => ({ id: theme.id, title: titleIn(theme, language) }))
}

/** The ids of every theme, for forms that let one be chosen (checked on the server). */
export async function themeIds(db: DB): Promise<Set<number>> {
	const rows = await db.selectFrom('theme').select('id').execute()
	return new Set(rows.map((row) => row.id))
}
