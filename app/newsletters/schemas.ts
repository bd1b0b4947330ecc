import { z } from 'zod'
import { isLocalDate, isLocalTime } from '#app/common/time.ts'
import { residencies } from './segments.ts'
import { oncePerT, tooLong, type SchemaT } from '#app/common/form.ts'

/**
 * Shared by the compose form in the browser and its action on the server. Each is made from a t
 * function, so its messages are the finished texts in the page's language:
 * `useTranslation('newsletters').t` in the browser, `getT(request, 'newsletters')` in the action.
 */
type NewslettersT = SchemaT<'newsletters'>

export const limits = { title: 120, subject: 150, preheader: 200, body: 50_000, testAddresses: 5 } as const

const optionalText = (t: NewslettersT, max: number) =>
	z
		.string()
		.trim()
		.max(max, tooLong(t, max))
		.optional()
		.transform((v) => v ?? '')

const localDate = (t: NewslettersT) =>
	z
		.string()
		.trim()
		.optional()
		.refine((v) => !v || isLocalDate(v), t('errors.date'))

const required = (t: NewslettersT, max: number) =>
	z
		.string({ error: t('common:form.required') })
		.trim()
		.min(1, t('common:form.required'))
		.max(max, tooLong(t, max))

/** Starting a newsletter: only its title. */
export const createNewNewsletterSchema = oncePerT((t: NewslettersT) => z.object({ title: required(t, limits.title) }))

export const composeIntents = ['save', 'preview', 'count', 'test', 'send', 'schedule', 'place-story'] as const
export type ComposeIntent = (typeof composeIntents)[number]

export const createComposeSchema = oncePerT((t: NewslettersT) =>
	z
		.object({
			intent: z.enum(composeIntents).default('save'),
			previewLanguage: z.enum(['sv', 'en']).default('sv'),
			title: required(t, limits.title),
			subjectSv: optionalText(t, limits.subject),
			preheaderSv: optionalText(t, limits.preheader),
			bodySv: optionalText(t, limits.body),
			subjectEn: optionalText(t, limits.subject),
			preheaderEn: optionalText(t, limits.preheader),
			bodyEn: optionalText(t, limits.body),
			steps: z.array(z.coerce.number().int().min(1).max(4)).max(4).default([]),
			districts: optionalText(t, 2000),
			residency: z.enum(residencies).default('all'),
			eventId: z.coerce.number().int().positive().optional(),
			themeId: z.coerce.number().int().positive().optional(),
			signedFrom: localDate(t),
			signedTo: localDate(t),
			testAddresses: optionalText(t, 1000),
			/** A partner story to place in a version (issue 11); the action checks that it is published. */
			storyId: z.coerce
				.number({ error: t('errors.storyNotPublished') })
				.int(t('errors.storyNotPublished'))
				.positive(t('errors.storyNotPublished'))
				.optional(),
			storyVersion: z.enum(['sv', 'en']).default('sv'),
			scheduledDate: localDate(t),
			scheduledTime: z
				.string()
				.trim()
				.optional()
				.refine((v) => !v || isLocalTime(v), t('errors.time')),
		})
		.superRefine((value, ctx) => {
			for (const language of ['Sv', 'En'] as const) {
				const subject = value[`subject${language}`]
				const body = value[`body${language}`]
				if (subject && !body)
					ctx.addIssue({ code: 'custom', path: [`body${language}`], message: t('errors.bodyMissing') })
				if (body && !subject)
					ctx.addIssue({ code: 'custom', path: [`subject${language}`], message: t('errors.subjectMissing') })
			}
			const complete = (['Sv', 'En'] as const).some((l) => value[`subject${l}`] && value[`body${l}`])
			if (['preview', 'test', 'send', 'schedule'].includes(value.intent) && !complete) {
				ctx.addIssue({ code: 'custom', path: ['subjectSv'], message: t('errors.noVersion') })
			}
			if (value.signedFrom && value.signedTo && value.signedFrom > value.signedTo) {
				ctx.addIssue({ code: 'custom', path: ['signedTo'], message: t('errors.dateOrder') })
			}
			if (value.intent === 'test') {
				const addresses = splitList(value.testAddresses)
				if (addresses.length > limits.testAddresses) {
					ctx.addIssue({
						code: 'custom',
						path: ['testAddresses'],
						message: t('errors.tooManyAddresses', { max: limits.testAddresses }),
					})
				}
				const bad = addresses.find((a) => !z.email().safeParse(a).success)
				if (bad)
					ctx.addIssue({ code: 'custom', path: ['testAddresses'], message: t('errors.badAddress', { address: bad }) })
			}
			if (value.intent === 'place-story' && value.storyId === undefined) {
				ctx.addIssue({ code: 'custom', path: ['storyId'], message: t('errors.storyMissing') })
			}
			if (value.intent === 'schedule' && (!value.scheduledDate || !value.scheduledTime)) {
				ctx.addIssue({ code: 'custom', path: ['scheduledDate'], message: t('errors.scheduleMissing') })
			}
		}),
)

export type ComposeInput = z.infer<ReturnType<typeof createComposeSchema>>

/** "a@x.se, b@y.se; c" → ['a@x.se', 'b@y.se', 'c']. */
export function splitList(value: string): string[] {
	return value
		.split(/[,;\n]/)
		.map((part) => part.trim())
		.filter(Boolean)
}

export const controlSchema = z.object({ intent: z.enum(['pause', 'resume', 'cancel']) })

/** The second step of "send now": the number of recipients the coordinator was shown and agreed to. */
export const confirmSendSchema = z.object({
	intent: z.literal('confirm-send'),
	count: z.coerce.number().int().min(0).max(10_000_000),
})

export const digestFrequencies = ['weekly', 'monthly', 'off'] as const

export const createPreferencesSchema = oncePerT((t: NewslettersT) =>
	z.object({
		token: z.string().max(200).optional(),
		digestFrequency: z.enum(digestFrequencies, { error: t('common:form.required') }),
		newsletters: z.literal('on').optional().transform(Boolean),
		eventReminders: z.literal('on').optional().transform(Boolean),
		levelUpEmails: z.literal('on').optional().transform(Boolean),
	}),
)

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
			themeId: value.themeId,
			signedFrom: value.signedFrom || undefined,
			signedTo: value.signedTo || undefined,
		},
	}
}
