import { z } from 'zod'
import { hasControlCharacters, oncePerT, optionalLine, requiredText, type SchemaT } from '#app/common/form.ts'
import { isLocalTime } from '#app/common/time.ts'
import type { ActionPledgeAnswer } from '#db/schema.ts'

/** How many rounds a number of partners allows (the form's hint and limit). */
export { maxRounds } from './matchmaking.ts'

/**
 * The partnership day's forms, shared by the browser (Conform) and the server, which always checks
 * them again; each a factory taking the area's t (decision 0015), so messages are finished text.
 */
type DayT = SchemaT<'partnership-day'>

export const limits = {
	tag: 40,
	tagsPerKind: 15,
	pledge: 500,
	comment: 1000,
	minutes: { min: 2, max: 60 },
	/** A day of up to ~60 partners: 59 or 60 rounds is the most any day could hold. */
	rounds: 60,
} as const

export const pledgeAnswers = ['done', 'in-progress', 'dropped'] as const satisfies readonly ActionPledgeAnswer[]

/** " Solceller  på taket " → "solceller på taket": how a tag is stored and compared. */
export function normaliseTag(raw: string): string {
	return raw.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv')
}

/** Tags as typed (separated by commas, semicolons or new lines), normalised, each once, in the order given. */
export function parseTags(value: string): string[] {
	return [
		...new Set(
			value
				.split(/[,;\n]/)
				.map(normaliseTag)
				.filter(Boolean),
		),
	]
}

function tagList(t: DayT) {
	return z
		.string()
		.optional()
		.refine((value) => !hasControlCharacters((value ?? '').replace(/[\n\r\t]/g, ' ')), t('errors.controlCharacters'))
		.transform((value) => parseTags(value ?? ''))
		.superRefine((tags, ctx) => {
			const long = tags.find((tag) => tag.length > limits.tag)
			if (long) ctx.addIssue({ code: 'custom', message: t('errors.tagTooLong', { tag: long, max: limits.tag }) })
			if (tags.length > limits.tagsPerKind)
				ctx.addIssue({ code: 'custom', message: t('errors.tooManyTags', { max: limits.tagsPerKind }) })
		})
}

/** A partner's sign-up: what it offers and seeks. At least one tag, or there is nothing to match on. */
export const registrationSchema = oncePerT((t: DayT) =>
	z
		.object({
			partnerId: z
				.number({ error: t('errors.unknownPartner') })
				.int()
				.positive(),
			offers: tagList(t),
			seeks: tagList(t),
		})
		.superRefine((value, ctx) => {
			if (value.offers.length + value.seeks.length === 0)
				ctx.addIssue({ code: 'custom', path: ['offers'], message: t('errors.noTags') })
		}),
)
export type RegistrationInput = z.output<ReturnType<typeof registrationSchema>>

/** An id chosen in a select; anything else is "choose one of the list". */
function listChoice(message: string) {
	return z
		.string({ error: message })
		.regex(/^[1-9]\d{0,11}$/, message)
		.transform(Number)
}

function wholeNumber(t: DayT, min: number, max: number, message: string) {
	return z
		.number({ error: t('common:form.required') })
		.int(message)
		.min(min, message)
		.max(max, message)
}

/** Generating the rounds: how many, how long, from when (the event's day, local time). */
export const roundsSchema = oncePerT((t: DayT) =>
	z.object({
		rounds: wholeNumber(t, 1, limits.rounds, t('errors.rounds', { max: limits.rounds })),
		minutes: wholeNumber(
			t,
			limits.minutes.min,
			limits.minutes.max,
			t('errors.minutes', { min: limits.minutes.min, max: limits.minutes.max }),
		),
		startTime: z.string({ error: t('common:form.required') }).refine(isLocalTime, t('errors.startTime')),
		// Replacing rounds people may have printed, once the day has started, needs a tick.
		confirm: z
			.literal('on')
			.optional()
			.transform((value) => value === 'on'),
	}),
)
export type RoundsInput = z.output<ReturnType<typeof roundsSchema>>
export type RoundsFormValues = z.input<ReturnType<typeof roundsSchema>>

/** A coordinator records what a partner pledged on the day. */
export const pledgeSchema = oncePerT((t: DayT) =>
	z.object({
		partnerId: listChoice(t('errors.choosePartner')),
		text: requiredText(t, limits.pledge, t('errors.controlCharacters')),
	}),
)
export type PledgeInput = z.output<ReturnType<typeof pledgeSchema>>

/** Someone who acts for the partner answers the follow-up for one pledge. */
export const answerSchema = oncePerT((t: DayT) =>
	z.object({
		pledgeId: z.number().int().positive(),
		answer: z.enum(pledgeAnswers, { error: t('errors.chooseAnswer') }),
		comment: optionalLine(t, limits.comment, t('errors.controlCharacters')),
	}),
)
export type AnswerInput = z.output<ReturnType<typeof answerSchema>>

/** A coordinator turns an upcoming event into a partnership day. */
export const createDaySchema = oncePerT((t: DayT) => z.object({ eventId: listChoice(t('errors.chooseEvent')) }))
