import { z } from 'zod'
import { activityFilters } from './filters.ts'
import { ladderSteps, volunteerInterests } from './rules.ts'
import { oncePerT, tooLong, type SchemaT } from '#app/common/form.ts'

/**
 * The ladder's forms and filters, one schema each, shared by the browser (Conform) and the server.
 * The coordinators' forms are made from a t function, so their messages are the finished texts in
 * the page's language: `useTranslation('ladder').t` in the browser, `getT(request, 'ladder')` in
 * the action.
 */
type LadderT = SchemaT<'ladder'>

export const limits = { reason: 500, thresholdMax: 50, windowMax: 60 } as const

export const interestsSchema = z.object({
	intent: z.literal('interests'),
	interests: z.array(z.enum(volunteerInterests)).max(volunteerInterests.length).default([]),
})

export const emailSettingSchema = z.object({
	intent: z.literal('email-setting'),
	levelUpEmails: z.literal('on').optional(),
})

export const myLadderSchema = z.discriminatedUnion('intent', [interestsSchema, emailSettingSchema])

export const createCoordinatorChangeSchema = oncePerT((t: LadderT) => {
	const stepRequired = t('errors.stepRequired')
	const reasonRequired = t('errors.reasonRequired')
	return z.object({
		step: z.coerce
			.number({ error: stepRequired })
			.int(stepRequired)
			.refine((n) => (ladderSteps as readonly number[]).includes(n), stepRequired),
		reason: z
			.string({ error: reasonRequired })
			.trim()
			.min(1, reasonRequired)
			.max(limits.reason, tooLong(t, limits.reason)),
	})
})

function threshold(t: LadderT, max: number) {
	const message = t('errors.threshold', { min: 1, max })
	return z.number({ error: message }).int(message).min(1, message).max(max, message)
}

export const createSettingsSchema = oncePerT((t: LadderT) =>
	z.object({
		eventsForStep2: threshold(t, limits.thresholdMax),
		helperEventsForStep3: threshold(t, limits.thresholdMax),
		helperWindowMonths: threshold(t, limits.windowMax),
	}),
)

/** The coordinators' list filters, from the query string; anything unknown is ignored. */
export const memberFilterSchema = z.object({
	step: z.coerce
		.number()
		.int()
		.refine((n) => (ladderSteps as readonly number[]).includes(n))
		.optional()
		.catch(undefined),
	district: z.string().trim().min(1).max(80).optional().catch(undefined),
	interest: z.enum(volunteerInterests).optional().catch(undefined),
	activity: z.enum(activityFilters).optional().catch(undefined),
})

export function parseMemberFilter(url: URL) {
	const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ''))
	return memberFilterSchema.parse(raw) as {
		step?: 1 | 2 | 3 | 4
		district?: string
		interest?: (typeof volunteerInterests)[number]
		activity?: (typeof activityFilters)[number]
	}
}
