import { z } from 'zod'
import { oncePerT, tooLong, type SchemaT } from '#app/common/form.ts'

/**
 * The sign-in forms, shared by the browser (Conform) and the server. Each is made from a t
 * function, so its messages are the finished texts in the page's language:
 * `useTranslation('auth').t` in the browser, `getT(request, 'auth')` in the action.
 */
type AuthT = SchemaT<'auth'>

export const purposeSchema = z.enum(['sign-in', 'confirm-signature'])
export type Purpose = z.infer<typeof purposeSchema>

export const createEmailSchema = oncePerT((t: AuthT) =>
	z
		.string({ error: t('common:form.required') })
		.trim()
		.max(254, tooLong(t, 254))
		.email(t('common:form.invalidEmail')),
)

/** Asking for a code or link by email. */
export const createLoginSchema = oncePerT((t: AuthT) =>
	z.object({
		email: createEmailSchema(t),
		redirectTo: z.string().max(2000).optional(),
	}),
)

/** The six digits from the email, with the address and purpose they were sent for. */
export const createCodeSchema = oncePerT((t: AuthT) =>
	z.object({
		email: createEmailSchema(t),
		purpose: purposeSchema,
		code: z.string({ error: t('errors.codeFormat') }).regex(/^\s*\d{3}\s?\d{3}\s*$/, t('errors.codeFormat')),
		redirectTo: z.string().max(2000).optional(),
	}),
)

/** The button on the page an emailed link opens; a failure is answered by the page, not a field. */
export const linkSchema = z.object({
	token: z.string().trim().min(1).max(200),
	redirectTo: z.string().max(2000).optional(),
})
