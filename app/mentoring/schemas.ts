import { z } from 'zod'
import { hasControlCharacters, oncePerT, tooLong, type SchemaT } from '#app/common/form.ts'
import { isLocalDate } from '#app/common/time.ts'

/**
 * The mentoring area's forms, shared by the browser (Conform) and the server, which checks them
 * again and then the rules only it can (approved agreements, a running mentorship, today's date).
 */
type MentoringT = SchemaT<'mentoring'>

export const limits = { note: 2000 } as const

/** A partner, or a mentorship, chosen from the page's list: its id as the form sends it. */
function chosenId(message: string) {
	return z
		.string({ error: message })
		.regex(/^[1-9]\d{0,11}$/, message)
		.transform(Number)
}

export const pairSchema = oncePerT((t: MentoringT) =>
	z
		.object({
			menteeId: chosenId(t('errors.choosePartner')),
			mentorId: chosenId(t('errors.choosePartner')),
		})
		.superRefine((value, ctx) => {
			if (value.menteeId === value.mentorId)
				ctx.addIssue({ code: 'custom', path: ['mentorId'], message: t('errors.samePartner') })
		}),
)
export type PairInput = z.output<ReturnType<typeof pairSchema>>

export const endSchema = oncePerT((t: MentoringT) => z.object({ mentorshipId: chosenId(t('errors.notRunning')) }))

/** A meeting: the day it was (checked against today on the server) and an optional note of several lines. */
export const meetingSchema = oncePerT((t: MentoringT) =>
	z.object({
		mentorshipId: chosenId(t('errors.notRunning')),
		metOn: z
			.string({ error: t('errors.date') })
			.trim()
			.refine((value) => isLocalDate(value), t('errors.date')),
		note: z
			.string()
			.trim()
			.max(limits.note, tooLong(t, limits.note))
			.refine((value) => !hasControlCharacters(value.replace(/[\n\r\t]/g, ' ')), t('errors.controlCharacters'))
			.optional()
			// Browsers send a textarea's lines with CRLF; one kind of line break is kept.
			.transform((value) => value?.replace(/\r\n?/g, '\n') || null),
	}),
)
export type MeetingInput = z.output<ReturnType<typeof meetingSchema>>
