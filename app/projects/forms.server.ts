import { parseWithZod } from '@conform-to/zod/v4'
import type { SubmissionResult } from '@conform-to/react'
import { requirePermission } from '#app/auth/session.server.ts'
import type { SchemaT } from '#app/common/form.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import { imageFieldAfter, readUploadForm, takeImageField } from '#app/images/upload.server.ts'
import type { ImageFieldView } from '#app/images/sources.ts'
import { getDb, type DB } from '#db/index.ts'
import { saveProject } from './projects.server.ts'
import { projectFormSchema } from './schemas.ts'

/** What the projects area's pages start with, and reading the coordinators' project form. */

/** The area's t, the page's language and the head of its loader data (for `titleMeta`). */
export async function projectsPage(request: Request) {
	const [t, language] = await Promise.all([getT(request, 'projects'), getLanguage(request)])
	return { db: getDb(), t, language, head: (title: string) => ({ pactName: config.pact.name, title }) }
}

/** The coordinators' pages: only someone who may manage partners gets further. */
export async function coordinatorsPage(request: Request) {
	const coordinator = await requirePermission(request, 'partners:manage')
	return { coordinator, ...(await projectsPage(request)) }
}

export type ProjectFormOutcome =
	| { kind: 'saved'; id: number; slug: string }
	| { kind: 'invalid'; result: SubmissionResult<string[]>; image: ImageFieldView }
	| { kind: 'gone' }

/**
 * A new project (`projectId` null) or an edit. Every refusal comes back as messages beside the
 * fields with what was typed; nothing is written unless the whole form is good (an image that was
 * good while another field was not is kept for the next try, as for every image).
 */
export async function submitProjectForm(
	db: DB,
	request: Request,
	t: SchemaT<'projects'>,
	{ projectId, userId, now = new Date() }: { projectId: number | null; userId: number; now?: Date },
): Promise<ProjectFormOutcome> {
	const upload = await readUploadForm(request)
	const image = await takeImageField(db, upload, { createdBy: userId })
	const submission = parseWithZod(upload.formData, { schema: projectFormSchema(t) })
	const invalid = async (result: SubmissionResult<string[]>) =>
		({ kind: 'invalid', result, image: await imageFieldAfter(db, request, image) }) as const
	if (submission.status !== 'success' || image.error) return invalid(submission.reply())
	const outcome = await saveProject(db, projectId, submission.value, { imageId: image.imageId, userId, now })
	if (outcome.kind === 'unknown-partner')
		return invalid(submission.reply({ fieldErrors: { partners: [t('errors.unknownPartner')] } }))
	return outcome
}
