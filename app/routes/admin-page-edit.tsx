import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-page-edit'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import { isSupportedLanguage, type I18nHandle } from '#app/i18n/i18n.ts'
import { contentPageToEdit, saveContentPage } from '#app/pages/pages.server.ts'
import { createContentPageSchema, isContentPageSlug } from '#app/pages/schemas.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { FormErrors, TextareaField, TextField } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/pages/pages.css'

export const handle: I18nHandle = { i18n: ['pages'] }

/** A coordinator writes one of the pact's pages in one language, in markdown. */

const messages = { saved: 'admin.saved' } as const

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

function pageOr404(params: Route.LoaderArgs['params']) {
	const { slug, language } = params
	if (!isContentPageSlug(slug) || !isSupportedLanguage(language)) throw new Response('Not found', { status: 404 })
	return { slug, language }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	await requirePermission(request, 'pages:edit')
	const { slug, language } = pageOr404(params)
	const [t, page] = await Promise.all([getT(request, 'pages'), contentPageToEdit(getDb(), slug, language)])
	return {
		title: `${t('admin.title')} – ${config.pact.name}`,
		slug,
		language,
		page: page ? { title: page.title, body: page.body } : null,
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const editor = await requirePermission(request, 'pages:edit')
	const { slug, language } = pageOr404(params)
	const submission = parseWithZod(await request.formData(), {
		schema: createContentPageSchema(await getT(request, 'pages')),
	})
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	await saveContentPage(getDb(), { slug, language, ...submission.value }, editor.id)
	return redirect(withFlash(`/admin/pages/${slug}/${language}`, 'saved'), 303)
}

export default function AdminPageEdit({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('pages')
	const { t: tCommon } = useTranslation()
	const { slug, language, page, flash } = loaderData
	const [form, fields] = useForm({
		id: `page-${slug}-${language}`,
		lastResult: actionData,
		defaultValue: page ?? undefined,
		constraint: getZodConstraint(createContentPageSchema(t)),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createContentPageSchema(t) }),
	})
	const pageName = tCommon(`footer.pages.${slug}`)
	const languageName = tCommon(`language.${language}`)
	return (
		<div className="page narrow page-editor">
			<p>
				<Link to="/admin/pages">← {t('admin.back')}</Link>
			</p>
			<h1>{t('admin.editTitle', { page: pageName, language: languageName })}</h1>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<Form method="post" className="form card" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<TextField meta={fields.title} label={t('admin.fields.title')} />
				<TextareaField meta={fields.body} label={t('admin.fields.body')} hint={t('admin.fields.bodyHint')} rows={18} />
				<div className="button-row">
					<button type="submit" className="primary">
						{t('admin.save')}
					</button>
					<Link to={`/${slug}`}>{t('admin.view')}</Link>
				</div>
			</Form>
		</div>
	)
}
