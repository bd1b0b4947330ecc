import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-theme-new'
import { requirePermission } from '#app/auth/session.server.ts'
import { withFlash } from '#app/common/flash.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { kickOffChoices, submitThemeForm } from '#app/themes/admin.server.ts'
import { ThemeForm } from '#app/themes/theme-form.tsx'
import { getDb } from '#db/index.ts'
import '#app/themes/themes.css'

export const handle: I18nHandle = { i18n: ['themes', 'pledge'] }

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'themes:manage')
	const t = await getT(request, 'themes')
	return { title: t('admin.newTitle'), events: await kickOffChoices(getDb(), await getLanguage(request)) }
}

export async function action({ request }: Route.ActionArgs) {
	const coordinator = await requirePermission(request, 'themes:manage')
	const outcome = await submitThemeForm(getDb(), request, await getT(request, 'themes'), {
		themeId: null,
		userId: coordinator.id,
	})
	if (outcome.kind === 'invalid') return data(outcome.result, { status: 400 })
	return redirect(withFlash(`/admin/themes/${outcome.id}`, 'created'))
}

export default function AdminThemeNew({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('themes')
	return (
		<div className="page narrow">
			<p>
				<Link to="/admin/themes">← {t('admin.back')}</Link>
			</p>
			<h1>{t('admin.newTitle')}</h1>
			<ThemeForm
				id="theme-new"
				lastResult={actionData}
				submitLabel={t('admin.create')}
				events={loaderData.events}
				defaultValue={{ colour: 'forest' }}
			/>
		</div>
	)
}
