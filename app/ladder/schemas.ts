import { z } from 'zod'
import { activityFilters } from './filters.ts'
import { ladderSteps, volunteerInterests } from './rules.ts'
import { tooLong } from '#app/common/form.ts'

/** The ladder's forms and filters, one schema each, shared by the browser (Conform) and the server. */

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

const stepField = z.coerce
	.number({ error: 'ladder:errors.stepRequired' })
	.int('ladder:errors.stepRequired')
	.refine((n) => (ladderSteps as readonly number[]).includes(n), 'ladder:errors.stepRequired')

export const coordinatorChangeSchema = z.object({
	step: stepField,
	reason: z
		.string({ error: 'ladder:errors.reasonRequired' })
		.trim()
		.min(1, 'ladder:errors.reasonRequired')
		.max(limits.reason, tooLong(limits.reason)),
})

function threshold(max: number) {
	const message = `ladder:errors.threshold|${JSON.stringify({ min: 1, max })}`
	return z.number({ error: message }).int(message).min(1, message).max(max, message)
}

export const settingsSchema = z.object({
	eventsForStep2: threshold(limits.thresholdMax),
	helperEventsForStep3: threshold(limits.thresholdMax),
	helperWindowMonths: threshold(limits.windowMax),
})

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
	return memberFilterSchema.parse(raw) as { step?: 1 | 2 | 3 | 4; district?: string; interest?: (typeof volunteerInterests)[number]; activity?: (typeof activityFilters)[number] }
}
