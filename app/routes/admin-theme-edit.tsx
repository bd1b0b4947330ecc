import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-theme-edit'
import { requirePermission } from '#app/auth/session.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { idOr404 } from '#app/common/params.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { kickOffChoices, submitThemeForm, themeFormDefaults } from '#app/themes/admin.server.ts'
import { deleteTheme } from '#app/themes/manage.server.ts'
import { ThemeForm } from '#app/themes/theme-form.tsx'
import { getTheme } from '#app/themes/themes.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { getDb } from '#db/index.ts'
import '#app/themes/themes.css'

export const handle: I18nHandle = { i18n: ['themes', 'pledge'] }

/** One theme for coordinators: edit every field, or delete it. */

const messages = { created: 'admin.saved.created', saved: 'admin.saved.saved' } as const

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

async function themeOr404(params: Route.LoaderArgs['params']) {
	const theme = await getTheme(getDb(), idOr404(params.themeId))
	if (!theme) throw new Response('Not found', { status: 404 })
	return theme
}

export async function loader({ request, params }: Route.LoaderArgs) {
	await requirePermission(request, 'themes:manage')
	const theme = await themeOr404(params)
	const [t, language] = [await getT(request, 'themes'), await getLanguage(request)]
	return {
		title: t('admin.editTitle'),
		theme: {
			id: theme.id,
			slug: theme.slug,
			title: language === 'en' ? theme.title_en : theme.title_sv,
			image: theme.image_id === null ? null : { id: theme.image_id, alt: theme.image_alt ?? '' },
		},
		defaults: themeFormDefaults(theme),
		events: await kickOffChoices(getDb(), language),
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const coordinator = await requirePermission(request, 'themes:manage')
	const db = getDb()
	const theme = await themeOr404(params)
	if (new URL(request.url).searchParams.get('intent') === 'delete') {
		await deleteTheme(db, theme.id)
		return redirect(withFlash('/admin/themes', 'deleted'))
	}
	const outcome = await submitThemeForm(db, request, await getT(request, 'themes'), {
		themeId: theme.id,
		userId: coordinator.id,
	})
	if (outcome.kind === 'invalid') return data(outcome.result, { status: 400 })
	return redirect(withFlash(`/admin/themes/${theme.id}`, 'saved'))
}

export default function AdminThemeEdit({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('themes')
	const { theme, flash } = loaderData
	return (
		<div className="page narrow">
			<p>
				<Link to="/admin/themes">← {t('admin.back')}</Link>
			</p>
			<h1>{t('admin.editTitle')}</h1>
			<p className="lead">
				<bdi>{theme.title}</bdi> · <Link to={`/themes/${theme.slug}`}>{t('admin.view')}</Link>
			</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<ThemeForm
				id={`theme-${theme.id}`}
				lastResult={actionData}
				submitLabel={t('admin.save')}
				events={loaderData.events}
				image={theme.image}
				defaultValue={loaderData.defaults}
			/>
			<section aria-labelledby="delete-title" className="retire">
				<h2 id="delete-title" className="small-heading">
					{t('admin.deleteTitle')}
				</h2>
				<p>{t('admin.deleteText')}</p>
				{/* The intent rides in the address: the form's body may be multipart or not, either way it is not read. */}
				<Form method="post" action={`/admin/themes/${theme.id}?intent=delete`}>
					<button type="submit" className="danger">
						{t('admin.delete')}
					</button>
				</Form>
			</section>
		</div>
	)
}
