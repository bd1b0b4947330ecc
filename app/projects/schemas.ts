import { z } from 'zod'
import {
	hasControlCharacters,
	oncePerT,
	optionalLine,
	requiredLine,
	requiredText,
	tooLong,
	type SchemaT,
} from '#app/common/form.ts'
import { isLocalDate } from '#app/common/time.ts'
import type { ProjectStatus } from '#db/schema.ts'

/**
 * The projects area's forms, shared by the browser (Conform) and the server, which checks them
 * again and then what only it knows (which partners are approved, who acts for which).
 */
type ProjectsT = SchemaT<'projects'>

export const projectStatuses = ['idea', 'under-way', 'completed', 'paused'] as const satisfies readonly ProjectStatus[]

/** A status from the address (`?status=under-way`), or null for all. */
export function statusParam(value: string | null): ProjectStatus | null {
	return projectStatuses.find((status) => status === value) ?? null
}

export const limits = { title: 140, description: 10_000, update: 5_000 } as const

const line = (t: ProjectsT, max: number) => requiredLine(t, max, t('errors.controlCharacters'))
const text = (t: ProjectsT, max: number) => requiredText(t, max, t('errors.controlCharacters'))

/** Text of several lines that may be left empty (the English description): empty becomes null. */
function optionalText(t: ProjectsT, max: number) {
	return z
		.string()
		.optional()
		.transform((value) => value?.trim() || null)
		.refine((value) => value === null || value.length <= max, tooLong(t, max))
		.refine((value) => value === null || !hasControlCharacters(value.replace(/[\n\r\t]/g, ' ')), {
			message: t('errors.controlCharacters'),
		})
}

/** A partner or an update, by the id the form sends. */
function id(message: string) {
	return z
		.string({ error: message })
		.regex(/^[1-9]\d{0,11}$/, message)
		.transform(Number)
}

export const projectFormSchema = oncePerT((t: ProjectsT) =>
	z
		.object({
			title: line(t, limits.title),
			titleEn: optionalLine(t, limits.title, t('errors.controlCharacters')),
			description: text(t, limits.description),
			descriptionEn: optionalText(t, limits.description),
			status: z.enum(projectStatuses, { error: t('errors.status') }),
			startsOn: z
				.string({ error: t('errors.startsOn') })
				.trim()
				.refine((value) => isLocalDate(value), t('errors.startsOn')),
			partners: z
				.array(z.coerce.number().int().positive(), { error: t('errors.partners') })
				.min(1, t('errors.partners'))
				.transform((ids) => [...new Set(ids)]),
			leadId: id(t('errors.lead')),
		})
		.superRefine((value, ctx) => {
			if (!value.partners.includes(value.leadId))
				ctx.addIssue({ code: 'custom', path: ['leadId'], message: t('errors.leadTakesPart') })
		}),
)
export type ProjectInput = z.output<ReturnType<typeof projectFormSchema>>

/** An update by someone who acts for a participating partner: text and, if it changed, the new status. */
export const updateSchema = oncePerT((t: ProjectsT) =>
	z.object({
		partnerId: id(t('errors.notParticipating')),
		body: text(t, limits.update),
		// An empty select ("no change") is left out of the form's data.
		newStatus: z.enum(projectStatuses, { error: t('errors.status') }).optional(),
	}),
)
export type UpdateInput = z.output<ReturnType<typeof updateSchema>>

/** A coordinator corrects an update's text. */
export const editUpdateSchema = oncePerT((t: ProjectsT) =>
	z.object({ updateId: id(t('errors.unknownUpdate')), body: text(t, limits.update) }),
)
