import { z } from 'zod'
import type { ProposalOutcome, ProposalStatus } from '#db/schema.ts'
import { oncePerT, optionalLine, requiredLine, requiredText, type SchemaT } from '#app/common/form.ts'

/**
 * The proposals area's forms, each a factory taking the area's t (decision 0015): the browser's
 * `useTranslation('proposals').t`, the action's `getT(request, 'proposals')`.
 */
type ProposalsT = SchemaT<'proposals'>

export const proposalStatuses = ['draft', 'open', 'submitted', 'answered'] as const satisfies readonly ProposalStatus[]
/** What the public tracker can be filtered by: every status but the draft. */
export const publicStatuses = ['open', 'submitted', 'answered'] as const satisfies readonly ProposalStatus[]
export const proposalOutcomes = [
	'accepted',
	'partly-accepted',
	'rejected',
] as const satisfies readonly ProposalOutcome[]

export const limits = {
	title: 140,
	summary: 600,
	body: 20_000,
	reference: 60,
	url: 500,
	answer: 10_000,
	reason: 1_000,
} as const

const line = (t: ProposalsT, max: number) => requiredLine(t, max, t('errors.controlCharacters'))

const text = (t: ProposalsT, max: number) => requiredText(t, max, t('errors.controlCharacters'))

/** A day as the city writes it on its documents, YYYY-MM-DD (an <input type="date">). */
function day(t: ProposalsT) {
	return z
		.string({ error: t('errors.dayRequired') })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, t('errors.dayRequired'))
		.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), t('errors.dayRequired'))
}

function themeId(t: ProposalsT) {
	return z.coerce
		.number({ error: t('errors.unknownTheme') })
		.int(t('errors.unknownTheme'))
		.positive(t('errors.unknownTheme'))
		.optional()
		.transform((value) => value ?? null)
}

export const createDraftSchema = oncePerT((t: ProposalsT) =>
	z.object({
		title: line(t, limits.title),
		summary: text(t, limits.summary),
		body: text(t, limits.body),
		themeId: themeId(t),
	}),
)
export type DraftInput = z.output<ReturnType<typeof createDraftSchema>>

export const createSubmitSchema = oncePerT((t: ProposalsT) =>
	z.object({
		intent: z.literal('submit'),
		submittedOn: day(t),
		reference: line(t, limits.reference),
		cityUrl: optionalLine(t, limits.url, t('errors.controlCharacters')).refine(
			(value) => value === null || /^https?:\/\/\S+$/i.test(value),
			t('errors.url'),
		),
	}),
)
export type SubmitInput = z.output<ReturnType<typeof createSubmitSchema>>

export const createAnswerSchema = oncePerT((t: ProposalsT) =>
	z.object({
		intent: z.literal('answer'),
		outcome: z.enum(proposalOutcomes, { error: t('errors.outcomeRequired') }),
		answer: text(t, limits.answer),
		answeredOn: day(t),
	}),
)
export type AnswerInput = z.output<ReturnType<typeof createAnswerSchema>>

/** A report by anyone signed in, and a coordinator's reason for hiding: both a reason in words. */
export const createReasonSchema = oncePerT((t: ProposalsT) =>
	z.object({
		intent: z.enum(['report', 'hide']),
		reason: text(t, limits.reason),
	}),
)

/** The buttons on a proposal's page that carry nothing but what they do. */
export const simpleIntents = ['publish', 'support', 'withdraw-support', 'unhide', 'resolve-reports'] as const
export type SimpleIntent = (typeof simpleIntents)[number]

export function isSimpleIntent(value: unknown): value is SimpleIntent {
	return simpleIntents.includes(value as SimpleIntent)
}

/** The tracker's filters, from the address: unknown values are ignored rather than refused. */
export function trackerFilter(url: URL): { status: (typeof publicStatuses)[number] | null; themeId: number | null } {
	const status = url.searchParams.get('status')
	const theme = Number(url.searchParams.get('theme'))
	return {
		status: publicStatuses.includes(status as (typeof publicStatuses)[number])
			? (status as (typeof publicStatuses)[number])
			: null,
		themeId: Number.isInteger(theme) && theme > 0 ? theme : null,
	}
}
