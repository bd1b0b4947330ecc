// The home page for someone signed in: what the pledge, the ladder, the events and the themes
// each say about this person, put together. The home page is where the areas meet, so it has a
// folder of its own rather than living in any one of them.
import type { SessionUser } from '#app/auth/session.server.ts'
import { formatEventWhen } from '#app/common/format.ts'
import { firstName } from '#app/common/names.ts'
import { config } from '#app/config.server.ts'
import { withTitleIn } from '#app/events/languages.ts'
import { joinableEvents } from '#app/events/participation.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { stepAndNextStep } from '#app/ladder/my-ladder.server.ts'
import { currentTheme } from '#app/themes/themes.server.ts'
import type { DB } from '#db/index.ts'

/**
 * What a signed-in person's home page shows: where they stand on the ladder and one concrete next
 * step, the next events they can still join, and the theme the pact is working on now.
 */
export async function homeForMember(db: DB, user: SessionUser, language: SupportedLanguage) {
	const now = new Date()
	const [ladder, events, theme] = await Promise.all([
		stepAndNextStep(db, user.id, now),
		joinableEvents(db, user.id, now),
		currentTheme(db, language, now),
	])
	const when = (e: { startsAt: string; endsAt: string }) =>
		formatEventWhen(e.startsAt, e.endsAt, language, config.timeZone)
	const next = ladder.next
	// The concrete suggestion: the events or helper shifts the ladder picked, at most two, each
	// event's title in the reader's language (a shift's own title is only ever Swedish).
	const suggestions =
		next.kind === 'event'
			? [...next.going, ...next.events].map((e) => {
					const { title, titleLang } = withTitleIn(e, language)
					return { slug: e.slug, title, titleLang, when: when(e) }
				})
			: next.kind === 'help' || next.kind === 'plan' || next.kind === 'top'
				? [
						...(next.kind === 'help' ? next.mine : []),
						...(next.kind === 'plan' ? next.planning.map((e) => ({ event: e, title: null })) : []),
						...next.shifts,
					].map((s) => {
						const event = withTitleIn(s.event, language)
						return {
							slug: s.event.slug,
							title: s.title ? `${event.title}: ${s.title}` : event.title,
							titleLang: event.titleLang,
							when: when(s.event),
						}
					})
				: []
	return {
		firstName: firstName(user.name),
		signatory: ladder.signatureStatus === 'confirmed',
		pending: ladder.signatureStatus === 'pending',
		step: ladder.step,
		suggestions: suggestions.slice(0, 2),
		events: events
			.slice(0, 3)
			.map((e) => withTitleIn(e, language))
			.map((e) => ({
				slug: e.slug,
				title: e.title,
				titleLang: e.titleLang,
				when: when(e),
				place: e.place,
				going: e.going,
				placesLeft: e.placesLeft,
			})),
		theme: theme
			? {
					slug: theme.slug,
					title: theme.title,
					summary: theme.summary,
					colour: theme.colour,
					icon: theme.icon,
					image: theme.image,
				}
			: null,
	}
}

export type MemberHomeData = Awaited<ReturnType<typeof homeForMember>>
