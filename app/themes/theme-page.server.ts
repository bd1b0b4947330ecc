import { config } from '#app/config.server.ts'
import { formatDate, formatShortDate, formatTimeRange } from '#app/common/format.ts'
import { markdownToHtml, webProfile } from '#app/common/markdown.server.ts'
import { eventTitle } from '#app/events/languages.ts'
import { getEvent, listEvents, type EventListItem } from '#app/events/listing.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { offeredCommitments, toOffered } from '#app/pledge/catalogue.server.ts'
import { themeProposals } from '#app/proposals/tracker.server.ts'
import type { OfferedCommitment } from '#app/pledge/components.tsx'
import type { DB } from '#db/index.ts'
import { isFollowing } from './follow.server.ts'
import { descriptionIn, toSummary, type ThemeRow, type ThemeSummary } from './themes.server.ts'

/**
 * Everything `/themes/<slug>` gathers, each part asked of the area that owns it: the kick-off and
 * the theme's events (events), the commitments of its category (pledge), whether the visitor
 * follows it (here).
 */

export type ThemeEvent = EventListItem & { date: string; time: string }

export interface ThemePage extends ThemeSummary {
	descriptionHtml: string
	period: { from: string; to: string }
	kickOff: { slug: string; title: string; titleLang: 'sv' | 'en'; when: string; place: string | null } | null
	upcoming: ThemeEvent[]
	past: ThemeEvent[]
	commitmentCategory: string | null
	commitments: OfferedCommitment[]
	/** Its public citizen proposals, most supported first. */
	proposals: Array<{ id: number; title: string; summary: string; supportCount: number }>
	followerCount: number
	following: boolean
}

/** "28 mars 2027" for a theme's YYYY-MM-DD day: noon UTC is that day in every European zone. */
export function formatThemeDay(day: string, language: SupportedLanguage): string {
	return formatDate(`${day}T12:00:00Z`, language, 'UTC')
}

export async function themePage(
	db: DB,
	theme: ThemeRow,
	language: SupportedLanguage,
	userId: number | null,
	now = new Date(),
): Promise<ThemePage> {
	const asThemeEvent = (e: EventListItem): ThemeEvent => ({
		...e,
		date: formatShortDate(e.starts_at, language, config.timeZone),
		time: formatTimeRange(e.starts_at, e.ends_at, language, config.timeZone),
	})
	const [kickOff, upcoming, past, catalogue, following, proposals] = await Promise.all([
		theme.kick_off_event_id === null ? undefined : getEvent(db, theme.kick_off_event_id),
		listEvents(db, { when: 'upcoming', themeId: theme.id }, now),
		listEvents(db, { when: 'past', themeId: theme.id }, now),
		theme.commitment_category === null ? [] : offeredCommitments(db),
		userId === null ? false : isFollowing(db, theme.id, userId),
		themeProposals(db, theme.id),
	])
	// A kick-off still in draft is the organisers' business, not yet the public's.
	const publicKickOff = kickOff && kickOff.published_at !== null ? kickOff : null
	const kickOffTitle = publicKickOff ? eventTitle(publicKickOff, language) : null
	return {
		...toSummary(theme, language),
		descriptionHtml: markdownToHtml(descriptionIn(theme, language), webProfile),
		period: { from: formatThemeDay(theme.starts_on, language), to: formatThemeDay(theme.ends_on, language) },
		kickOff:
			publicKickOff && kickOffTitle
				? {
						slug: publicKickOff.slug,
						title: kickOffTitle.text,
						titleLang: kickOffTitle.lang,
						when: formatShortDate(publicKickOff.starts_at, language, config.timeZone),
						place: publicKickOff.place,
					}
				: null,
		upcoming: upcoming.events.map(asThemeEvent),
		past: past.events.map(asThemeEvent),
		commitmentCategory: theme.commitment_category,
		commitments: catalogue
			.filter((entry) => entry.category === theme.commitment_category)
			.map((entry) => toOffered(entry, language)),
		proposals: proposals.map(({ id, title, summary, supportCount }) => ({ id, title, summary, supportCount })),
		followerCount: theme.follower_count,
		following,
	}
}
