import { z } from 'zod'
import type { CommitmentCategory, PledgeProgress } from '#db/schema.ts'
import { hasControlCharacters, oncePerT, optionalLine, requiredLine, tooLong, type SchemaT } from '#app/common/form.ts'

/**
 * The pledge area's forms, one schema each, shared by the browser (Conform) and the server. Each
 * is made from a t function, so its messages are the finished texts in the page's language:
 * `useTranslation('pledge').t` in the browser, `getT(request, 'pledge')` in the action.
 */
type PledgeT = SchemaT<'pledge'>

/** The version of the consent text shown on the sign form; recorded with every signature. */
export const CONSENT_VERSION = '2026-11-01'

export const commitmentCategories = [
	'transport',
	'food',
	'energy',
	'consumption',
	'engagement',
] as const satisfies readonly CommitmentCategory[]
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

// The pledge area's own wording of the control-character error (app/common/form.ts).
const requiredText = (t: PledgeT, max: number) => requiredLine(t, max, t('errors.controlCharacters'))
const optionalText = (t: PledgeT, max: number) => optionalLine(t, max, t('errors.controlCharacters'))

function email(t: PledgeT) {
	return z
		.string({ error: t('common:form.required') })
		.trim()
		.max(limits.email, tooLong(t, limits.email))
		.pipe(z.email({ error: t('common:form.invalidEmail') }))
}

function livesInMunicipality(t: PledgeT) {
	return z.enum(['yes', 'no'], { error: t('errors.livesInMunicipalityRequired') }).transform((value) => value === 'yes')
}

function commitmentIds(t: PledgeT) {
	const unknown = t('errors.unknownCommitment')
	return (
		z
			.array(z.number({ error: unknown }).int(unknown).positive(unknown))
			.max(limits.commitmentsPerForm, t('errors.tooManyCommitments'))
			// The same box twice (a crafted form) counts once.
			.transform((ids) => [...new Set(ids)])
	)
}

/** Up to five lines in the person's own words; the empty inputs of the form are left out. */
function ownWords(t: PledgeT) {
	return z
		.array(
			z
				.string()
				.trim()
				.max(limits.ownWords, tooLong(t, limits.ownWords))
				.refine((value) => !hasControlCharacters(value), t('errors.controlCharacters'))
				.optional(),
		)
		.max(limits.ownWordsLines, t('errors.tooManyOwnWords', { max: limits.ownWordsLines }))
		.transform((lines) => lines.filter((line): line is string => Boolean(line)))
}

const checkbox = z.boolean().default(false)

/** Catalogue ids that are no longer (or never were) offered are refused by the field. */
function onlyOffered(t: PledgeT, ids: number[], offered: ReadonlySet<number> | undefined, ctx: z.RefinementCtx) {
	if (offered && ids.some((id) => !offered.has(id))) {
		ctx.addIssue({ code: 'custom', path: ['commitmentIds'], message: t('errors.unknownCommitment') })
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

function buildSignSchema(t: PledgeT, offered?: ReadonlySet<number>) {
	return z
		.object({
			name: requiredText(t, limits.name),
			email: email(t),
			livesInMunicipality: livesInMunicipality(t),
			district: optionalText(t, limits.district),
			commitmentIds: commitmentIds(t),
			ownWords: ownWords(t),
			showFirstName: checkbox,
			newsletterConsent: checkbox,
			consent: z.literal(true, { error: t('errors.consentRequired') }),
		})
		.refine(hasACommitment, {
			path: ['commitmentIds'],
			message: t('errors.commitmentRequired'),
			when: commitmentsParsed,
		})
		.superRefine((value, ctx) => onlyOffered(t, value.commitmentIds, offered, ctx))
}
const signSchemaFor = oncePerT(buildSignSchema)

/**
 * The sign form. On the server pass the ids the catalogue offers now, so a retired or invented
 * commitment is refused by the field instead of failing later.
 */
export function createSignSchema(t: PledgeT, offered?: ReadonlySet<number>) {
	return offered ? buildSignSchema(t, offered) : signSchemaFor(t)
}
export type SignInput = z.output<ReturnType<typeof createSignSchema>>

/** My pledge: my details. */
export const createDetailsSchema = oncePerT((t: PledgeT) =>
	z.object({
		intent: z.literal('details'),
		name: requiredText(t, limits.name),
		livesInMunicipality: livesInMunicipality(t),
		district: optionalText(t, limits.district),
		showFirstName: checkbox,
		newsletterConsent: checkbox,
	}),
)
export type DetailsInput = z.output<ReturnType<typeof createDetailsSchema>>

function buildAddCommitmentsSchema(t: PledgeT, offered?: ReadonlySet<number>) {
	return z
		.object({
			intent: z.literal('add'),
			commitmentIds: commitmentIds(t),
			ownWords: ownWords(t),
		})
		.refine(hasACommitment, { path: ['commitmentIds'], message: t('errors.chooseSomething'), when: commitmentsParsed })
		.superRefine((value, ctx) => onlyOffered(t, value.commitmentIds, offered, ctx))
}
const addCommitmentsSchemaFor = oncePerT(buildAddCommitmentsSchema)

/** My pledge: more commitments, from the catalogue or in my own words (offered: as for signing). */
export function createAddCommitmentsSchema(t: PledgeT, offered?: ReadonlySet<number>) {
	return offered ? buildAddCommitmentsSchema(t, offered) : addCommitmentsSchemaFor(t)
}

// The buttons on each commitment: a failure here is a crafted or stale form, answered with one
// general message by the action, so these schemas carry no texts of their own.
const pledgeCommitmentId = z.number().int().positive()

/** My pledge: the buttons on each commitment, and withdrawing. */
export const progressSchema = z.object({
	intent: z.literal('progress'),
	pledgeCommitmentId,
	progress: z.enum(pledgeProgressSteps),
})
export const dropSchema = z.object({ intent: z.literal('drop'), pledgeCommitmentId })
export const withdrawSchema = z.object({ intent: z.literal('withdraw') })

/** The coordinators' catalogue form. */
export const createCommitmentSchema = oncePerT((t: PledgeT) => {
	/** A title typed in a textarea: line breaks become spaces. */
	const oneLine = z
		.string({ error: t('common:form.required') })
		.transform((value) => value.replace(/\s*[\r\n]+\s*/g, ' '))
	const wholeNumber = t('errors.wholeNumber')
	return z.object({
		category: z.enum(commitmentCategories, { error: t('errors.categoryRequired') }),
		titleSv: oneLine.pipe(requiredText(t, limits.commitmentTitle)),
		titleEn: oneLine.pipe(requiredText(t, limits.commitmentTitle)),
		kgCo2ePerYear: z
			.number({ error: wholeNumber })
			.int(wholeNumber)
			.min(0, wholeNumber)
			.max(limits.kgCo2ePerYear, t('errors.tooLarge', { max: limits.kgCo2ePerYear }))
			.optional()
			.transform((value) => value ?? null),
		source: optionalText(t, limits.commitmentSource),
	})
})
export type CommitmentInput = z.output<ReturnType<typeof createCommitmentSchema>>
