import { z } from 'zod'
import { oncePerT, type SchemaT } from '#app/common/form.ts'

/**
 * Deleting an account is confirmed by typing the page's word (RADERA, DELETE, SLET, SLETT): a
 * stray click or a form sent from elsewhere cannot do it. Capitals only, spaces around ignored.
 */
export const createDeleteAccountSchema = oncePerT((t: SchemaT<'privacy'>) => {
	const word = t('delete.confirmWord')
	return z.object({
		confirm: z
			.string({ error: t('delete.wrongWord', { word }) })
			.trim()
			.refine((value) => value === word, { error: t('delete.wrongWord', { word }) }),
	})
})
