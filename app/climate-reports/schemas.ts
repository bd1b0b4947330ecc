import { z } from 'zod'
import { oncePerT, requiredText, type SchemaT } from '#app/common/form.ts'

/**
 * The climate report's form, a factory taking the area's t (decision 0015). What needs the
 * partner's other reports (a year before the baseline, the same year twice, a figure a thousand
 * times off) is checked on the server by `checkReport` (rules.ts) and shown by the same fields.
 */
type ReportsT = SchemaT<'reports'>

export const limits = { actions: 10_000, tonnes: 100_000_000, firstYear: 1990, lastYear: 2100 } as const

/** Tonnes CO₂e as people type them: "12,5" or "12.5", spaces between thousands allowed. */
function tonnes(t: ReportsT) {
	return z.string({ error: t('errors.tonnesRequired') }).transform((value, ctx) => {
		const number = Number(value.replace(/[\s\u00a0]/g, '').replace(',', '.'))
		const message = !Number.isFinite(number)
			? t('errors.notANumber')
			: number < 0
				? t('errors.negative')
				: number > limits.tonnes
					? t('errors.tooLarge')
					: null
		if (message) {
			ctx.addIssue({ code: 'custom', message })
			return z.NEVER
		}
		return number
	})
}

export const createReportSchema = oncePerT((t: ReportsT) =>
	z.object({
		year: z
			.number({ error: t('errors.yearRequired') })
			.int(t('errors.yearRequired'))
			.min(limits.firstYear, t('errors.yearRange', { first: limits.firstYear }))
			.max(limits.lastYear, t('errors.futureYear')),
		scope1: tonnes(t),
		scope2: tonnes(t),
		scope3: tonnes(t)
			.optional()
			.transform((value) => value ?? null),
		actions: requiredText(t, limits.actions, t('errors.controlCharacters'))
			.optional()
			.transform((value) => value ?? ''),
	}),
)
export type ReportInput = z.output<ReturnType<typeof createReportSchema>>
