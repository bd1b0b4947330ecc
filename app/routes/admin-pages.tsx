import { useTranslation } from '#app/i18n/use-translation.ts'
import { Link } from 'react-router'
import type { Route } from './+types/admin-pages'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { formatDate } from '#app/common/format.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import { supportedLanguages, type I18nHandle } from '#app/i18n/i18n.ts'
import { listContentPages } from '#app/pages/pages.server.ts'
import { contentPageSlugs } from '#app/pages/schemas.ts'
import { getDb } from '#db/index.ts'
import '#app/pages/pages.css'

export const handle: I18nHandle = { i18n: ['pages'] }

/** The coordinators' list of the pact's own pages: each page in each language, and when it last changed. */

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'pages:edit')
	const [t, language, pages] = await Promise.all([
		getT(request, 'pages'),
		getLanguage(request),
		listContentPages(getDb()),
	])
	return {
		title: `${t('admin.title')} – ${config.pact.name}`,
		rows: contentPageSlugs.flatMap((slug) =>
			supportedLanguages.map((lang) => {
				const page = pages.find((p) => p.slug === slug && p.language === lang)
				return {
					slug,
					language: lang,
					title: page?.title ?? null,
					changed: page ? formatDate(page.updatedAt, language, config.timeZone) : null,
					changedBy: page?.updatedBy ?? null,
				}
			}),
		),
	}
}

export default function AdminPages({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('pages')
	const { t: tCommon } = useTranslation()
	return (
		<div className="page">
			<h1>{t('admin.title')}</h1>
			<p className="lead">{t('admin.lead')}</p>
			<div className="table-wrap">
				<table className="pages-table">
					<thead>
						<tr>
							<th scope="col">{t('admin.page')}</th>
							<th scope="col">{t('admin.language')}</th>
							<th scope="col">{t('admin.changed')}</th>
							<th scope="col">{t('admin.address')}</th>
						</tr>
					</thead>
					<tbody>
						{loaderData.rows.map((row) => {
							const page = tCommon(`footer.pages.${row.slug}`)
							const language = tCommon(`language.${row.language}`)
							return (
								<tr key={`${row.slug}-${row.language}`}>
									<td>
										<Link
											to={`/admin/pages/${row.slug}/${row.language}`}
											aria-label={t(row.title ? 'admin.edit' : 'admin.write', { page, language })}
										>
											{row.title ?? page}
										</Link>
									</td>
									<td lang={row.language}>{language}</td>
									<td>
										{row.changed
											? row.changedBy
												? t('admin.changedBy', { date: row.changed, name: row.changedBy })
												: row.changed
											: t('admin.notWritten')}
									</td>
									<td>
										<Link to={`/${row.slug}`}>/{row.slug}</Link>
									</td>
								</tr>
							)
						})}
					</tbody>
				</table>
			</div>
		</div>
	)
}
