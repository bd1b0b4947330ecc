import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/organise-event-new'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { withFlash } from '#app/common/flash.ts'
import { EventForm } from '#app/events/components/event-form.tsx'
import { createEvents } from '#app/events/life-cycle.server.ts'
import { newEventDefaults } from '#app/events/form-defaults.ts'
import { eventFormSchema } from '#app/events/schemas.ts'
import { imageFieldAfter, imageFieldView, readUploadForm, takeImageField } from '#app/images/upload.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { themeChoices, themeIds } from '#app/themes/themes.server.ts'
import { getDb } from '#db/index.ts'
import '#app/events/events.css'

export const handle: I18nHandle = { i18n: ['events', 'images'] }

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'events:organise')
	const t = await getT(request, 'events')
	return {
		title: t('organise.newTitle'),
		defaults: newEventDefaults(new Date(), config.timeZone),
		timeZone: config.timeZone,
		image: await imageFieldView(getDb(), null),
		themes: await themeChoices(getDb(), await getLanguage(request)),
	}
}

export async function action({ request }: Route.ActionArgs) {
	const organiser = await requirePermission(request, 'events:organise')
	const now = new Date()
	const t = await getT(request, 'events')
	// The image is stored first, so a form shown again for another field's error keeps it.
	const upload = await readUploadForm(request)
	const image = await takeImageField(getDb(), upload, { createdBy: organiser.id })
	const submission = parseWithZod(upload.formData, {
		schema: eventFormSchema(t, { timeZone: config.timeZone, now, themeIds: await themeIds(getDb()) }),
	})
	if (submission.status !== 'success' || image.error) {
		const imageView = await imageFieldAfter(getDb(), request, image)
		const result = submission.reply({ fieldErrors: imageView.error ? { image: [imageView.error] } : {} })
		return data({ result, image: imageView }, { status: 400 })
	}
	const { intent, repeat, ...input } = submission.value
	const publish = intent === 'publish'
	const events = await createEvents(getDb(), organiser.id, input, { publish, repeat }, now)
	const here = `/organise/events/${events[0]!.id}`
	if (events.length > 1) return redirect(withFlash(here, 'series', events.length))
	return redirect(withFlash(here, publish ? 'created-published' : 'created'))
}

export default function NewEvent({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('events')
	return (
		<div className="page narrow">
			<p>
				<Link to="/organise/events">← {t('organise.backToList')}</Link>
			</p>
			<h1>{t('organise.newTitle')}</h1>
			<EventForm
				mode="new"
				status="draft"
				defaultValue={loaderData.defaults}
				lastResult={actionData?.result}
				timeZone={loaderData.timeZone}
				image={actionData?.image ?? loaderData.image}
				themes={loaderData.themes}
			/>
		</div>
	)
}
