import { z } from 'zod'
import { isLocalDate } from '#app/common/time.ts'
import { oncePerT, requiredLine as requiredLineOf, tooLong, type SchemaT } from '#app/common/form.ts'
import type { CommitmentCategory } from '#db/schema.ts'
import { themeColourNames, themeIconNames } from './palette.ts'

/**
 * The themes area's forms, shared by the browser (Conform) and the server. Made from a t function
 * so the messages are finished texts in the page's language.
 */
type ThemesT = SchemaT<'themes'>

export const themeCategories = [
	'transport',
	'food',
	'energy',
	'consumption',
	'engagement',
] as const satisfies readonly CommitmentCategory[]

export const limits = {
	title: 120,
	description: 5000,
	slug: 60,
} as const

const requiredLine = (t: ThemesT, max: number) => requiredLineOf(t, max, t('errors.controlCharacters'))

function description(t: ThemesT) {
	const required = t('common:form.required')
	return z.string({ error: required }).trim().min(1, required).max(limits.description, tooLong(t, limits.description))
}

function localDate(t: ThemesT) {
	return z.string({ error: t('common:form.required') }).refine(isLocalDate, t('errors.invalidDate'))
}

/** Lower-case letters, digits and single hyphens: the theme's address, /themes/<slug>. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const themeFields = oncePerT((t: ThemesT) =>
	z.object({
		titleSv: requiredLine(t, limits.title),
		titleEn: requiredLine(t, limits.title),
		slug: z
			.string({ error: t('common:form.required') })
			.trim()
			.toLowerCase()
			.max(limits.slug, tooLong(t, limits.slug))
			.regex(slugPattern, t('errors.slug')),
		descriptionSv: description(t),
		descriptionEn: description(t),
		startsOn: localDate(t),
		endsOn: localDate(t),
		colour: z.enum(themeColourNames as [string, ...string[]], { error: t('errors.colour') }),
		icon: z
			.enum(themeIconNames, { error: t('errors.icon') })
			.optional()
			.transform((value) => value ?? null),
		kickOffEventId: z
			.number({ error: t('errors.unknownEvent') })
			.int()
			.positive()
			.optional()
			.transform((value) => value ?? null),
		commitmentCategory: z
			.enum(themeCategories, { error: t('errors.category') })
			.optional()
			.transform((value) => value ?? null),
	}),
)

/**
 * Create and edit a theme. On the server pass the events that may open it, so an invented or
 * deleted event is refused by its field instead of failing when saved.
 */
export function themeFormSchema(t: ThemesT, eventIds?: ReadonlySet<number>) {
	return themeFields(t).superRefine(
		(value, ctx) => {
			const v = value as Partial<typeof value>
			if (
				typeof v.startsOn === 'string' &&
				typeof v.endsOn === 'string' &&
				isLocalDate(v.startsOn) &&
				isLocalDate(v.endsOn) &&
				v.endsOn < v.startsOn
			)
				ctx.addIssue({ code: 'custom', path: ['endsOn'], message: t('errors.endsBeforeStart') })
			if (eventIds && typeof v.kickOffEventId === 'number' && !eventIds.has(v.kickOffEventId))
				ctx.addIssue({ code: 'custom', path: ['kickOffEventId'], message: t('errors.unknownEvent') })
		},
		{ when: () => true },
	)
}
export type ThemeInput = z.output<ReturnType<typeof themeFormSchema>>

/** The follow button on a theme's page. */
export const followSchema = z.object({ intent: z.enum(['follow', 'unfollow']) })
