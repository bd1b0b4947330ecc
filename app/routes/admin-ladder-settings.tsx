import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-ladder-settings'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { readLadderSettings, updateLadderSettings } from '#app/ladder/ladder.server.ts'
import { createSettingsSchema } from '#app/ladder/schemas.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate } from '#app/common/format.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { FormErrors, TextField } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/ladder/ladder.css'

export const handle: I18nHandle = { i18n: ['ladder'] }

/** The ladder's thresholds; saving re-evaluates everyone (promotes, never lowers). */

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

/** The confirmation this page shows after saving, with how many the new thresholds promoted (app/common/flash.ts). */
const messages = { saved: 'settings.saved' } as const

export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'members:manage')
	const db = getDb()
	const [language, t, settings, last] = await Promise.all([
		getLanguage(request),
		getT(request, 'ladder'),
		readLadderSettings(db),
		db
			.selectFrom('ladder_setting')
			.leftJoin('user', 'user.id', 'ladder_setting.updated_by')
			.select(['ladder_setting.updated_at', 'user.name'])
			.where('ladder_setting.updated_at', 'is not', null)
			.orderBy('ladder_setting.updated_at', 'desc')
			.executeTakeFirst(),
	])
	return {
		title: t('settings.title'),
		settings,
		updated: last?.updated_at
			? { date: formatDate(last.updated_at, language, config.timeZone), name: last.name ?? '–' }
			: null,
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request }: Route.ActionArgs) {
	const coordinator = await requirePermission(request, 'members:manage')
	const submission = parseWithZod(await request.formData(), {
		schema: createSettingsSchema(await getT(request, 'ladder')),
	})
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { promoted } = await updateLadderSettings(getDb(), submission.value, coordinator.id)
	return redirect(withFlash('/admin/ladder/settings', 'saved', promoted), 303)
}

export default function AdminLadderSettings({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('ladder')
	const { settings } = loaderData
	const [form, fields] = useForm({
		id: 'ladder-settings',
		lastResult: actionData?.result,
		constraint: getZodConstraint(createSettingsSchema(t)),
		defaultValue: {
			eventsForStep2: String(settings.eventsForStep2),
			helperEventsForStep3: String(settings.helperEventsForStep3),
			helperWindowMonths: String(settings.helperWindowMonths),
		},
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createSettingsSchema(t) }),
	})
	return (
		<div className="page narrow lad-admin">
			<p>
				<Link to="/admin/ladder">← {t('person.back')}</Link>
			</p>
			<h1>{t('settings.title')}</h1>
			<p className="lead">{t('settings.lead')}</p>
			<FlashMessage>
				{loaderData.flash ? t(messages[loaderData.flash.key], { count: loaderData.flash.count }) : null}
			</FlashMessage>
			<Form method="post" className="form card" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<TextField
					meta={fields.eventsForStep2}
					label={t('settings.eventsForStep2')}
					type="number"
					inputMode="numeric"
				/>
				<TextField
					meta={fields.helperEventsForStep3}
					label={t('settings.helperEventsForStep3')}
					hint={t('settings.doneHint')}
					type="number"
					inputMode="numeric"
				/>
				<TextField
					meta={fields.helperWindowMonths}
					label={t('settings.helperWindowMonths')}
					type="number"
					inputMode="numeric"
				/>
				<div className="button-row">
					<button type="submit" className="primary">
						{t('settings.save')}
					</button>
				</div>
			</Form>
			{loaderData.updated ? <p className="hint">{t('settings.updated', loaderData.updated)}</p> : null}
		</div>
	)
}
