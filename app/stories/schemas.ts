import { z } from 'zod'
import type { NomineeKind } from '#db/schema.ts'
import { oncePerT, optionalLine, requiredLine, requiredText, type SchemaT } from '#app/common/form.ts'

/**
 * The stories area's forms (partner stories and the award of the month), each a factory taking the
 * area's t (decision 0015): `useTranslation('stories').t` in the browser, `getT(request, 'stories')`
 * in the action.
 */
type StoriesT = SchemaT<'stories'>

export const limits = {
	title: 140,
	body: 20_000,
	comment: 2_000,
	name: 120,
	action: 2_000,
	citation: 1_000,
} as const

export const nomineeKinds = ['resident', 'partner'] as const satisfies readonly NomineeKind[]

const line = (t: StoriesT, max: number) => requiredLine(t, max, t('errors.controlCharacters'))
const text = (t: StoriesT, max: number) => requiredText(t, max, t('errors.controlCharacters'))

/** An id from a select or a radio button; anything else is "choose one of the list". */
function listChoice(message: string) {
	return z
		.string({ error: message })
		.regex(/^[1-9]\d{0,11}$/, message)
		.transform(Number)
}

export const createStorySchema = oncePerT((t: StoriesT) =>
	z.object({
		partnerId: listChoice(t('errors.unknownPartner')),
		title: line(t, limits.title),
		body: text(t, limits.body),
	}),
)
export type StoryInput = z.output<ReturnType<typeof createStorySchema>>

/** A coordinator's decision: approving may carry a comment, not publishing must say why. */
export const createReviewSchema = oncePerT((t: StoriesT) =>
	z
		.object({
			storyId: listChoice(t('errors.alreadyReviewed')),
			decision: z.enum(['approve', 'reject']),
			comment: optionalLine(t, limits.comment, t('errors.controlCharacters')),
		})
		.superRefine((value, ctx) => {
			if (value.decision === 'reject' && !value.comment)
				ctx.addIssue({ code: 'custom', path: ['comment'], message: t('errors.commentRequired') })
		}),
)
export type ReviewInput = z.output<ReturnType<typeof createReviewSchema>>

/** A nomination: a resident by name, or a partner from the directory, and what they did. */
export const createNominationSchema = oncePerT((t: StoriesT) =>
	z
		.object({
			nomineeKind: z.enum(nomineeKinds, { error: t('errors.kindRequired') }),
			nomineeName: optionalLine(t, limits.name, t('errors.controlCharacters')),
			// Conform leaves an empty select out, so a resident's nomination has none.
			partnerId: listChoice(t('errors.unknownPartner')).optional(),
			action: text(t, limits.action),
		})
		.superRefine((value, ctx) => {
			if (value.nomineeKind === 'resident' && !value.nomineeName)
				ctx.addIssue({ code: 'custom', path: ['nomineeName'], message: t('common:form.required') })
			if (value.nomineeKind === 'partner' && value.partnerId === undefined)
				ctx.addIssue({ code: 'custom', path: ['partnerId'], message: t('errors.unknownPartner') })
		}),
)
export type NominationInput = z.output<ReturnType<typeof createNominationSchema>>

export const createAwardSchema = oncePerT((t: StoriesT) =>
	z.object({
		month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, t('errors.unknownNomination')),
		nominationId: listChoice(t('errors.unknownNomination')),
		citation: text(t, limits.citation),
	}),
)
export type AwardInput = z.output<ReturnType<typeof createAwardSchema>>

/** A YYYY-MM month from the address, or null when it is not one. */
export function monthParam(value: string | null): string | null {
	return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null
}
