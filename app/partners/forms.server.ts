import { parseWithZod } from '@conform-to/zod/v4'
import type { SubmissionResult } from '@conform-to/react'
import { refusePublicForm } from '#app/auth/rate-limit.server.ts'
import { requirePermission } from '#app/auth/session.server.ts'
import type { SchemaT } from '#app/common/form.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import { imageFieldAfter, readUploadForm, takeImageField } from '#app/images/upload.server.ts'
import type { ImageFieldView } from '#app/images/sources.ts'
import { getDb, type DB } from '#db/index.ts'
import { signAgreement } from './agreements.server.ts'
import { registerPartner, requirePartnerContact, updatePartner } from './partners.server.ts'
import { agreementFormSchema, partnerFormSchema } from './schemas.ts'

/**
 * Reading and saving the partners area's forms for its routes. Every refusal comes back as messages
 * beside the fields with what was typed, and nothing is written unless the whole form is good (a
 * logo that was good while another field was not is kept for the next try, as for every image).
 */

/**
 * What the contacts' own pages (manage, sign) start with: the partner by its address, guarded so
 * that only its contacts get further (`requirePartnerContact`), the contact, and the area's t.
 */
export async function contactsPage(request: Request, slug: string | undefined) {
	const db = getDb()
	const { partner, user } = await requirePartnerContact(db, request, slug)
	return { db, partner, user, t: await getT(request, 'partners') }
}

/** What the coordinators' partner pages start with: only someone who may manage partners gets further. */
export async function coordinatorsPage(request: Request) {
	const coordinator = await requirePermission(request, 'partners:manage')
	return { db: getDb(), coordinator, t: await getT(request, 'partners') }
}

export type PartnerFormOutcome =
	| { kind: 'saved'; id: number; slug: string }
	| { kind: 'invalid'; result: SubmissionResult<string[]>; logo: ImageFieldView }
	/** A filled honeypot (400) or too many tries (429): nothing was stored, not even the logo. */
	| { kind: 'refused'; status: 400 | 429; result: SubmissionResult<string[]> }

/** The organisation's details: a new partner (`partnerId` null, the person becomes its contact) or an edit. */
export async function submitPartnerForm(
	db: DB,
	request: Request,
	t: SchemaT<'partners'>,
	{
		partnerId,
		userId,
		clientIp,
		now = new Date(),
	}: { partnerId: number | null; userId: number; clientIp?: string; now?: Date },
): Promise<PartnerFormOutcome> {
	const upload = await readUploadForm(request)
	const submission = parseWithZod(upload.formData, { schema: partnerFormSchema(t) })
	// The form carries the honeypot wherever it shows (docs/decisions/0020); joining is a public
	// form with limits too, a partner's own edits are not.
	const limit = clientIp === undefined ? undefined : { form: 'partner-join' as const, clientIp, person: userId }
	const refused = await refusePublicForm(db, request, upload.formData, limit, now)
	if (refused) return { kind: 'refused', status: refused.status, result: submission.reply(refused) }
	const logo = await takeImageField(db, upload, { name: 'logo', createdBy: userId })
	if (submission.status !== 'success' || logo.error) {
		const logoView = await imageFieldAfter(db, request, logo)
		return { kind: 'invalid', result: submission.reply(), logo: logoView }
	}
	if (partnerId === null) {
		const partner = await registerPartner(db, userId, submission.value, logo.imageId, now)
		return { kind: 'saved', id: partner.id, slug: partner.slug }
	}
	await updatePartner(db, partnerId, submission.value, logo.imageId)
	return { kind: 'saved', id: partnerId, slug: '' }
}

export type AgreementFormOutcome =
	| { kind: 'signed' }
	| { kind: 'invalid'; result: SubmissionResult<string[]> }
	| { kind: 'not-editable' }
	| { kind: 'refused'; status: 400 | 429; result: SubmissionResult<string[]> }

/** The contact signs the partner's open agreement. */
export async function submitAgreementForm(
	db: DB,
	formData: FormData,
	t: SchemaT<'partners'>,
	{
		agreementId,
		partnerId,
		userId,
		clientIp,
		now = new Date(),
	}: { agreementId: number; partnerId: number; userId: number; clientIp: string; now?: Date },
	request: Request,
): Promise<AgreementFormOutcome> {
	const submission = parseWithZod(formData, { schema: agreementFormSchema(t) })
	const refused = await refusePublicForm(db, request, formData, { form: 'agreement', clientIp, person: userId }, now)
	if (refused) return { kind: 'refused', status: refused.status, result: submission.reply(refused) }
	if (submission.status !== 'success') return { kind: 'invalid', result: submission.reply() }
	const outcome = await signAgreement(db, agreementId, partnerId, userId, submission.value, now)
	if (outcome === 'unknown-challenge')
		return {
			kind: 'invalid',
			result: submission.reply({ fieldErrors: { challenges: [t('errors.unknownChallenge')] } }),
		}
	if (outcome === 'not-editable') return { kind: 'not-editable' }
	return { kind: 'signed' }
}
