import { z } from 'zod'
import { isLocalDate } from '#app/common/time.ts'

/**
 * A newsletter's audience: conditions that all hold at once (an empty condition matches
 * everyone). Whatever the conditions, only people who confirmed their signature, said yes to
 * newsletters and whose address is not suppressed are ever included.
 */
export const residencies = ['all', 'residents', 'others'] as const
export const ladderStepChoices = [1, 2, 3, 4] as const

const localDate = z.string().trim().refine(isLocalDate, 'newsletters:errors.date').optional()

export const segmentSchema = z
	.object({
		steps: z.array(z.coerce.number().int().min(1).max(4)).max(4).default([]),
		districts: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
		residency: z.enum(residencies).default('all'),
		eventId: z.coerce.number().int().positive().optional(),
		/** People who follow this focus theme (app/themes). */
		themeId: z.coerce.number().int().positive().optional(),
		signedFrom: localDate,
		signedTo: localDate,
	})
	.refine((s) => !s.signedFrom || !s.signedTo || s.signedFrom <= s.signedTo, {
		message: 'newsletters:errors.dateOrder',
		path: ['signedTo'],
	})

export type Segment = z.infer<typeof segmentSchema>

export const everyone: Segment = { steps: [], districts: [], residency: 'all' }

/** The stored JSON back to a segment; anything unreadable means everyone (who consented). */
export function parseSegment(json: string): Segment {
	try {
		const parsed = segmentSchema.safeParse(JSON.parse(json))
		return parsed.success ? parsed.data : everyone
	} catch {
		return everyone
	}
}
