import { z } from 'zod'
import { oncePerT, requiredLine, tooLong, type SchemaT } from '#app/common/form.ts'

/** The pact's own pages. Their addresses are fixed, and the same in every language (README). */
export const contentPageSlugs = ['about', 'faq', 'contact', 'privacy', 'accessibility'] as const
export type ContentPageSlug = (typeof contentPageSlugs)[number]

export function isContentPageSlug(value: unknown): value is ContentPageSlug {
	return contentPageSlugs.includes(value as ContentPageSlug)
}

export const pageLimits = { title: 120, body: 20_000 } as const

/** The coordinators' editor: a title and the page in markdown. */
export const createContentPageSchema = oncePerT((t: SchemaT<'pages'>) =>
	z.object({
		title: requiredLine(t, pageLimits.title, t('errors.controlCharacters')),
		body: z
			.string({ error: t('common:form.required') })
			.trim()
			.min(1, t('common:form.required'))
			.max(pageLimits.body, tooLong(t, pageLimits.body)),
	}),
)
