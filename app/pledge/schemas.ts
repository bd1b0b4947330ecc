import { z } from 'zod'
import type { CommitmentCategory, PledgeProgress } from '#db/schema.ts'
import { tooLong } from '#app/common/form.ts'

/**
 * The pledge area's forms, one schema each, shared by the browser (Conform) and the server.
 * Messages are i18n keys: "form.*" from common, "pledge:errors.*" from this area.
 */

/** The version of the consent text shown on the sign form; recorded with every signature. */
export const CONSENT_VERSION = '2026-11-01'

export const commitmentCategories = ['transport', 'food', 'energy', 'consumption', 'engagement'] as const satisfies readonly CommitmentCategory[]
export const pledgeProgressSteps = ['chosen', 'started', 'everyday'] as const satisfies readonly PledgeProgress[]

export const limits = {
	name: 100,
	email: 254,
	district: 80,
	ownWords: 200,
	ownWordsLines: 5,
	commitmentsPerForm: 60,
	commitmentTitle: 160,
	commitmentSource: 200,
	kgCo2ePerYear: 100_000,
} as const

// Control characters have no place in a one-line text (they break emails and exports).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hasControlCharacters = (value: string) => /[\u0000-\u001f\u007f]/.test(value)

function requiredText(max: number) {
	return z
		.string({ error: 'form.required' })
		.trim()
		.min(1, 'form.required')
		.max(max, tooLong(max))
		.refine((value) => !hasControlCharacters(value), 'pledge:errors.controlCharacters')
}

function optionalText(max: number) {
	return z
		.string()
		.trim()
		.max(max, tooLong(max))
		.refine((value) => !hasControlCharacters(value), 'pledge:errors.controlCharacters')
		.optional()
		.transform((value) => (value ? value : null))
}

const email = z
	.string({ error: 'form.required' })
	.trim()
	.max(limits.email, tooLong(limits.email))
	.pipe(z.email({ error: 'form.invalidEmail' }))

const livesInMunicipality = z.enum(['yes', 'no'], { error: 'pledge:errors.livesInMunicipalityRequired' }).transform((value) => value === 'yes')

const commitmentIds = z
	.array(z.number({ error: 'pledge:errors.unknownCommitment' }).int('pledge:errors.unknownCommitment').positive('pledge:errors.unknownCommitment'))
	.max(limits.commitmentsPerForm, 'pledge:errors.tooManyCommitments')
	// The same box twice (a crafted form) counts once.
	.transform((ids) => [...new Set(ids)])

/** Up to five lines in the person's own words; the empty inputs of the form are left out. */
const ownWords = z
	.array(
		z
			.string()
			.trim()
			.max(limits.ownWords, tooLong(limits.ownWords))
			.refine((value) => !hasControlCharacters(value), 'pledge:errors.controlCharacters')
			.optional(),
	)
	.max(limits.ownWordsLines, `pledge:errors.tooManyOwnWords|${JSON.stringify({ max: limits.ownWordsLines })}`)
	.transform((lines) => lines.filter((line): line is string => Boolean(line)))

const checkbox = z.boolean().default(false)

/** Catalogue ids that are no longer (or never were) offered are refused by the field. */
function onlyOffered(ids: number[], offered: ReadonlySet<number> | undefined, ctx: z.RefinementCtx) {
	if (offered && ids.some((id) => !offered.has(id))) {
		ctx.addIssue({ code: 'custom', path: ['commitmentIds'], message: 'pledge:errors.unknownCommitment' })
	}
}

/** At least one commitment, from the catalogue or in one's own words. */
function hasACommitment(value: { commitmentIds: number[]; ownWords: string[] }): boolean {
	return value.commitmentIds.length + value.ownWords.length > 0
}

/**
 * Checked even when other fields have errors, so an empty form shows every message at once;
 * skipped when the commitment fields themselves are malformed (they have their own message).
 */
function commitmentsParsed(payload: z.core.ParsePayload): boolean {
	const value = payload.value as { commitmentIds?: unknown; ownWords?: unknown } | undefined
	return (
		Array.isArray(value?.commitmentIds) &&
		Array.isArray(value?.ownWords) &&
		!payload.issues.some((issue) => issue.path?.[0] === 'commitmentIds' || issue.path?.[0] === 'ownWords')
	)
}

/**
 * The sign form. On the server pass the ids the catalogue offers now, so a retired or invented
 * commitment is refused by the field instead of failing later.
 */
export function createSignSchema(offered?: ReadonlySet<number>) {
	return z
		.object({
			name: requiredText(limits.name),
			email,
			livesInMunicipality,
			district: optionalText(limits.district),
			commitmentIds,
			ownWords,
			showFirstName: checkbox,
			newsletterConsent: checkbox,
			consent: z.literal(true, { error: 'pledge:errors.consentRequired' }),
		})
		.refine(hasACommitment, { path: ['commitmentIds'], message: 'pledge:errors.commitmentRequired', when: commitmentsParsed })
		.superRefine((value, ctx) => onlyOffered(value.commitmentIds, offered, ctx))
}
export const signSchema = createSignSchema()
export type SignInput = z.output<typeof signSchema>

/** My pledge: my details. */
export const detailsSchema = z.object({
	intent: z.literal('details'),
	name: requiredText(limits.name),
	livesInMunicipality,
	district: optionalText(limits.district),
	showFirstName: checkbox,
	newsletterConsent: checkbox,
})
export type DetailsInput = z.output<typeof detailsSchema>

/** My pledge: more commitments, from the catalogue or in my own words. */
export function createAddCommitmentsSchema(offered?: ReadonlySet<number>) {
	return z
		.object({
			intent: z.literal('add'),
			commitmentIds,
			ownWords,
		})
		.refine(hasACommitment, { path: ['commitmentIds'], message: 'pledge:errors.chooseSomething', when: commitmentsParsed })
		.superRefine((value, ctx) => onlyOffered(value.commitmentIds, offered, ctx))
}
export const addCommitmentsSchema = createAddCommitmentsSchema()

const pledgeCommitmentId = z.number({ error: 'form.invalid' }).int('form.invalid').positive('form.invalid')

/** My pledge: the buttons on each commitment, and withdrawing. */
export const progressSchema = z.object({
	intent: z.literal('progress'),
	pledgeCommitmentId,
	progress: z.enum(pledgeProgressSteps, { error: 'form.invalid' }),
})
export const dropSchema = z.object({ intent: z.literal('drop'), pledgeCommitmentId })
export const withdrawSchema = z.object({ intent: z.literal('withdraw') })

/** A title typed in a textarea: line breaks become spaces. */
const oneLine = z.string({ error: 'form.required' }).transform((value) => value.replace(/\s*[\r\n]+\s*/g, ' '))

/** The coordinators' catalogue form. */
export const commitmentSchema = z.object({
	category: z.enum(commitmentCategories, { error: 'pledge:errors.categoryRequired' }),
	titleSv: oneLine.pipe(requiredText(limits.commitmentTitle)),
	titleEn: oneLine.pipe(requiredText(limits.commitmentTitle)),
	kgCo2ePerYear: z
		.number({ error: 'pledge:errors.wholeNumber' })
		.int('pledge:errors.wholeNumber')
		.min(0, 'pledge:errors.wholeNumber')
		.max(limits.kgCo2ePerYear, `pledge:errors.tooLarge|${JSON.stringify({ max: limits.kgCo2ePerYear })}`)
		.optional()
		.transform((value) => value ?? null),
	source: optionalText(limits.commitmentSource),
})
export type CommitmentInput = z.output<typeof commitmentSchema>
