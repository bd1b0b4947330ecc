import { parseWithZod } from '@conform-to/zod/v4'
import type { SubmissionResult } from '@conform-to/react'
import { config } from '#app/config.server.ts'
import { formatShortDate } from '#app/common/format.ts'
import type { SchemaT } from '#app/common/form.ts'
import { listEventsForOrganisers } from '#app/events/listing.server.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'
import { readUploadForm, takeImageField } from '#app/images/upload.server.ts'
import type { DB } from '#db/index.ts'
import { createTheme, updateTheme } from './manage.server.ts'
import { iconName } from './palette.ts'
import { themeFormSchema } from './schemas.ts'
import type { ThemeFormValues } from './theme-form.tsx'
import type { ThemeRow } from './themes.server.ts'

/** The coordinators' pages' server side: the events to choose a kick-off from, and saving the form. */

/** Events that may open a theme: upcoming ones first (soonest first), then the past, drafts too. */
export async function kickOffChoices(
	db: DB,
	language: SupportedLanguage,
	now = new Date(),
): Promise<Array<{ id: number; label: string }>> {
	const { upcoming, past } = await listEventsForOrganisers(db, now)
	return [...upcoming, ...past]
		.filter((event) => event.status !== 'cancelled')
		.map((event) => ({
			id: event.id,
			label: `${event.title} (${formatShortDate(event.starts_at, language, config.timeZone)})`,
		}))
}

export type ThemeFormOutcome = { kind: 'saved'; id: number } | { kind: 'invalid'; result: SubmissionResult<string[]> }

/**
 * Reads, checks and saves the theme form, new (`themeId` null) or an edit. Every refusal comes
 * back as messages beside the fields, with what was typed; nothing is written unless the whole
 * form is good, except an image that was good while another field was not (it is kept for the
 * next try, as the images area does for every form).
 */
export async function submitThemeForm(
	db: DB,
	request: Request,
	t: SchemaT<'themes'>,
	{ themeId, userId, now = new Date() }: { themeId: number | null; userId: number; now?: Date },
): Promise<ThemeFormOutcome> {
	const upload = await readUploadForm(request)
	const eventIds = new Set((await kickOffChoices(db, 'sv', now)).map((event) => event.id))
	const submission = parseWithZod(upload.formData, { schema: themeFormSchema(t, eventIds) })
	const image = await takeImageField(db, upload, { name: 'image', createdBy: userId })
	if (submission.status !== 'success' || image.error) {
		const imageErrors = image.error
			? { [image.error === 'altMissing' ? 'imageAlt' : 'image']: [t(`errors.${image.error}`)] }
			: {}
		// A fresh parse of the form data as takeImageField left it, so a kept image's id goes back to the page.
		const again = parseWithZod(upload.formData, { schema: themeFormSchema(t, eventIds) })
		return {
			kind: 'invalid',
			result: again.reply({ fieldErrors: imageErrors }),
		}
	}
	const outcome =
		themeId === null
			? await createTheme(db, submission.value, image.imageId, now)
			: await updateTheme(db, themeId, submission.value, image.imageId, now)
	if (outcome.kind === 'slugTaken')
		return { kind: 'invalid', result: submission.reply({ fieldErrors: { slug: [t('errors.slugTaken')] } }) }
	if (outcome.kind === 'unavailable') throw new Response('Not found', { status: 404 })
	return { kind: 'saved', id: outcome.id }
}

/** A stored theme as the form's starting values. */
export function themeFormDefaults(theme: ThemeRow): Partial<ThemeFormValues> {
	return {
		titleSv: theme.title_sv,
		titleEn: theme.title_en,
		slug: theme.slug,
		descriptionSv: theme.description_sv,
		descriptionEn: theme.description_en,
		startsOn: theme.starts_on,
		endsOn: theme.ends_on,
		colour: theme.colour,
		// A stored name no longer drawn starts the form at "no icon", as the old list did.
		icon: iconName(theme.icon) ?? '',
		kickOffEventId: theme.kick_off_event_id === null ? '' : String(theme.kick_off_event_id),
		commitmentCategory: theme.commitment_category ?? '',
		imageAlt: theme.image_alt ?? '',
		imageId: theme.image_id === null ? '' : String(theme.image_id),
	}
}
