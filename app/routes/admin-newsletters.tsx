import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-newsletters'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { createNewsletter, listNewsletters } from '#app/newsletters/campaigns.server.ts'
import { createNewNewsletterSchema } from '#app/newsletters/schemas.ts'
import { formatDate } from '#app/common/format.ts'
import { TextField } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/newsletters/newsletters.css'

export const handle: I18nHandle = { i18n: ['newsletters'] }

/** Every newsletter, newest first, and a way to start a new one. */
export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'newsletters:send')
	const t = await getT(request, 'newsletters')
	return { title: t('list.title'), newsletters: await listNewsletters(getDb()), timeZone: config.timeZone }
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requirePermission(request, 'newsletters:send')
	const t = await getT(request, 'newsletters')
	const submission = parseWithZod(await request.formData(), { schema: createNewNewsletterSchema(t) })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const id = await createNewsletter(getDb(), user.id, submission.value.title)
	return redirect(`/admin/newsletters/${id}`)
}

export default function AdminNewsletters({ loaderData, actionData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation('newsletters')
	const [form, fields] = useForm({
		id: 'new-newsletter',
		lastResult: actionData,
		constraint: getZodConstraint(createNewNewsletterSchema(t)),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createNewNewsletterSchema(t) }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="page">
			<h1>{t('list.title')}</h1>
			<p className="lead">{t('list.lead')}</p>
			<section aria-labelledby="new-heading" className="card">
				<h2 id="new-heading">{t('list.new')}</h2>
				<Form method="post" className="form" {...getFormProps(form)}>
					<TextField meta={fields.title} label={t('compose.title')} hint={t('compose.titleHint')} />
					<div className="button-row">
						<button type="submit" className="primary">
							{t('list.create')}
						</button>
					</div>
				</Form>
			</section>
			<h2>{t('list.all')}</h2>
			{loaderData.newsletters.length === 0 ? (
				<p>{t('list.empty')}</p>
			) : (
				<div className="table-wrap" tabIndex={0} role="region" aria-label={t('list.all')}>
					<table>
						<thead>
							<tr>
								<th scope="col">{t('list.columns.title')}</th>
								<th scope="col">{t('list.columns.status')}</th>
								<th scope="col">{t('list.columns.when')}</th>
								<th scope="col" className="numeric">
									{t('list.columns.recipients')}
								</th>
							</tr>
						</thead>
						<tbody>
							{loaderData.newsletters.map((n) => {
								const when = n.finished_at ?? n.queued_at ?? n.scheduled_at ?? n.updated_at
								return (
									<tr key={n.id}>
										<td>
											<Link to={`/admin/newsletters/${n.id}`}>{n.title}</Link>
										</td>
										<td>{t(`status.${n.status}`)}</td>
										<td>{formatDate(when, i18n.language, loaderData.timeZone)}</td>
										<td className="numeric">{n.recipient_count ?? '–'}</td>
									</tr>
								)
							})}
						</tbody>
					</table>
				</div>
			)}
		</div>
	)
}
