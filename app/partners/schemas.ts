import { z } from 'zod'
import {
	oncePerT,
	optionalLine as optionalLineOf,
	requiredLine as requiredLineOf,
	requiredText as requiredTextOf,
	type SchemaT,
} from '#app/common/form.ts'
import type { PartnerSize, PartnerType } from '#db/schema.ts'

/**
 * The partners area's forms, shared by the browser (Conform) and the server, which always checks
 * them again. Made from the area's t so every message is finished text in the page's language.
 */
type PartnersT = SchemaT<'partners'>

export const partnerTypes = [
	'business',
	'association',
	'school',
	'public-body',
] as const satisfies readonly PartnerType[]
export const partnerSizes = ['1-9', '10-49', '50-249', '250+'] as const satisfies readonly PartnerSize[]
/** An agreement names at least this many climate challenges (the Hjørring model). */
export const MIN_CHALLENGES = 3

export const limits = {
	name: 120,
	sector: 80,
	district: 80,
	website: 300,
	description: 3000,
	commitment: 2000,
} as const

const requiredLine = (t: PartnersT, max: number) => requiredLineOf(t, max, t('errors.controlCharacters'))
const optionalLine = (t: PartnersT, max: number) => optionalLineOf(t, max, t('errors.controlCharacters'))
const requiredText = (t: PartnersT, max: number) => requiredTextOf(t, max, t('errors.controlCharacters'))

/** A web address people can follow: http or https with a host that has a dot (or localhost). */
export function isWebsite(value: string): boolean {
	try {
		const url = new URL(value)
		return (url.protocol === 'https:' || url.protocol === 'http:') && /\.|^localhost$/.test(url.hostname)
	} catch {
		return false
	}
}

export const partnerFormSchema = oncePerT((t: PartnersT) =>
	z.object({
		name: requiredLine(t, limits.name),
		type: z.enum(partnerTypes, { error: t('errors.type') }),
		sector: requiredLine(t, limits.sector),
		size: z.enum(partnerSizes, { error: t('errors.size') }),
		district: optionalLine(t, limits.district),
		website: optionalLine(t, limits.website)
			// People type "bageriet.se"; the address is stored with its scheme so the link works.
			.transform((value) => (value && !/^[a-z]+:/i.test(value) ? `https://${value}` : value))
			.refine((value) => value === null || isWebsite(value), t('errors.website')),
		description: requiredText(t, limits.description),
	}),
)
export type PartnerInput = z.output<ReturnType<typeof partnerFormSchema>>

function wholeNumber(t: PartnersT, min: number, max: number, message: string) {
	return z
		.number({ error: t('common:form.required') })
		.int(t('errors.wholeNumber'))
		.min(min, message)
		.max(max, message)
}

/** Signing an agreement: the three tracks, at least three challenges, and the contact's confirmation. */
export const agreementFormSchema = oncePerT((t: PartnersT) => {
	const thisYear = new Date().getUTCFullYear()
	return z.object({
		communication: requiredText(t, limits.commitment),
		education: requiredText(t, limits.commitment),
		baselineYear: wholeNumber(t, 1990, thisYear, t('errors.baselineYear', { max: thisYear })),
		target2030Percent: wholeNumber(t, 1, 100, t('errors.targetPercent')),
		climateNeutralYear: wholeNumber(t, thisYear, 2100, t('errors.neutralYear', { min: thisYear })),
		challenges: z
			.array(z.coerce.number().int().positive(), { error: t('errors.challenges', { min: MIN_CHALLENGES }) })
			.min(MIN_CHALLENGES, t('errors.challenges', { min: MIN_CHALLENGES }))
			.transform((ids) => [...new Set(ids)]),
		confirm: z.literal('on', { error: t('errors.confirm') }),
	})
})
export type AgreementInput = z.output<ReturnType<typeof agreementFormSchema>>

/** A coordinator's review: approve, or send back with a comment the contact reads. */
export const reviewSchema = oncePerT((t: PartnersT) =>
	z.discriminatedUnion('intent', [
		z.object({ intent: z.literal('approve'), agreementId: z.number().int().positive() }),
		z.object({
			intent: z.literal('return'),
			agreementId: z.number().int().positive(),
			comment: requiredText(t, limits.commitment),
		}),
	]),
)

export const memberSchema = oncePerT((t: PartnersT) =>
	z.object({
		email: z
			.string({ error: t('common:form.required') })
			.trim()
			.toLowerCase()
			.pipe(z.email({ error: t('common:form.invalidEmail') })),
	}),
)

export const challengeSchema = oncePerT((t: PartnersT) =>
	z.object({
		titleSv: requiredLine(t, 120),
		titleEn: requiredLine(t, 120),
		description: optionalLine(t, 500).transform((value) => value ?? ''),
	}),
)
