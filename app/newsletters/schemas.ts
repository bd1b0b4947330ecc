import { z } from 'zod'
import { isLocalDate, isLocalTime } from '#app/common/time.ts'
import { residencies } from './segments.ts'
import { tooLong } from '#app/common/form.ts'

/** Shared by the compose form in the browser and its action on the server. */
export const limits = { title: 120, subject: 150, preheader: 200, body: 50_000, testAddresses: 5 } as const

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, tooLong(max))
		.optional()
		.transform((v) => v ?? '')

const localDate = z
	.string()
	.trim()
	.optional()
	.refine((v) => !v || isLocalDate(v), 'newsletters:errors.date')

export const composeIntents = ['save', 'preview', 'count', 'test', 'send', 'schedule'] as const
export type ComposeIntent = (typeof composeIntents)[number]

export const composeSchema = z
	.object({
		intent: z.enum(composeIntents).default('save'),
		previewLanguage: z.enum(['sv', 'en']).default('sv'),
		title: z.string({ error: 'form.required' }).trim().min(1, 'form.required').max(limits.title, tooLong(limits.title)),
		subjectSv: optionalText(limits.subject),
		preheaderSv: optionalText(limits.preheader),
		bodySv: optionalText(limits.body),
		subjectEn: optionalText(limits.subject),
		preheaderEn: optionalText(limits.preheader),
		bodyEn: optionalText(limits.body),
		steps: z.array(z.coerce.number().int().min(1).max(4)).max(4).default([]),
		districts: optionalText(2000),
		residency: z.enum(residencies).default('all'),
		eventId: z.coerce.number().int().positive().optional(),
		signedFrom: localDate,
		signedTo: localDate,
		testAddresses: optionalText(1000),
		scheduledDate: localDate,
		scheduledTime: z
			.string()
			.trim()
			.optional()
			.refine((v) => !v || isLocalTime(v), 'newsletters:errors.time'),
	})
	.superRefine((value, ctx) => {
		for (const language of ['Sv', 'En'] as const) {
			const subject = value[`subject${language}`]
			const body = value[`body${language}`]
			if (subject && !body) ctx.addIssue({ code: 'custom', path: [`body${language}`], message: 'newsletters:errors.bodyMissing' })
			if (body && !subject) ctx.addIssue({ code: 'custom', path: [`subject${language}`], message: 'newsletters:errors.subjectMissing' })
		}
		const complete = (['Sv', 'En'] as const).some((l) => value[`subject${l}`] && value[`body${l}`])
		if (['preview', 'test', 'send', 'schedule'].includes(value.intent) && !complete) {
			ctx.addIssue({ code: 'custom', path: ['subjectSv'], message: 'newsletters:errors.noVersion' })
		}
		if (value.signedFrom && value.signedTo && value.signedFrom > value.signedTo) {
			ctx.addIssue({ code: 'custom', path: ['signedTo'], message: 'newsletters:errors.dateOrder' })
		}
		if (value.intent === 'test') {
			const addresses = splitList(value.testAddresses)
			if (addresses.length > limits.testAddresses) ctx.addIssue({ code: 'custom', path: ['testAddresses'], message: `newsletters:errors.tooManyAddresses|{"max":${limits.testAddresses}}` })
			const bad = addresses.find((a) => !z.email().safeParse(a).success)
			if (bad) ctx.addIssue({ code: 'custom', path: ['testAddresses'], message: `newsletters:errors.badAddress|{"address":${JSON.stringify(bad)}}` })
		}
		if (value.intent === 'schedule' && (!value.scheduledDate || !value.scheduledTime)) {
			ctx.addIssue({ code: 'custom', path: ['scheduledDate'], message: 'newsletters:errors.scheduleMissing' })
		}
	})

export type ComposeInput = z.infer<typeof composeSchema>

/** "a@x.se, b@y.se; c" → ['a@x.se', 'b@y.se', 'c']. */
export function splitList(value: string): string[] {
	return value
		.split(/[,;\n]/)
		.map((part) => part.trim())
		.filter(Boolean)
}

export const controlSchema = z.object({ intent: z.enum(['pause', 'resume', 'cancel']) })

export const digestFrequencies = ['weekly', 'monthly', 'off'] as const

export const preferencesSchema = z.object({
	token: z.string().max(200).optional(),
	digestFrequency: z.enum(digestFrequencies, { error: 'form.required' }),
	newsletters: z.literal('on').optional().transform(Boolean),
	eventReminders: z.literal('on').optional().transform(Boolean),
	levelUpEmails: z.literal('on').optional().transform(Boolean),
})

/** The compose form's flat fields as the newsletter's versions and audience. */
export function newsletterFromForm(value: ComposeInput) {
	return {
		title: value.title,
		versions: {
			sv: { subject: value.subjectSv, preheader: value.preheaderSv, body: value.bodySv },
			en: { subject: value.subjectEn, preheader: value.preheaderEn, body: value.bodyEn },
		},
		segment: {
			steps: [...new Set(value.steps)].sort(),
			districts: splitList(value.districts),
			residency: value.residency,
			eventId: value.eventId,
			signedFrom: value.signedFrom || undefined,
			signedTo: value.signedTo || undefined,
		},
	}
}
