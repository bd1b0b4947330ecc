import { useTranslation } from '#app/i18n/use-translation.ts'
import { Link } from 'react-router'
import type { Route } from './+types/content-page'
import { getUser, userHasPermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { formatDate } from '#app/common/format.ts'
import { socialMeta } from '#app/common/social.ts'
import { markdownToText } from '#app/common/markdown.server.ts'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { contentPageHtml, readContentPage } from '#app/pages/pages.server.ts'
import { isContentPageSlug } from '#app/pages/schemas.ts'
import { getDb } from '#db/index.ts'
import '#app/pages/pages.css'

export const handle: I18nHandle = { i18n: ['pages'] }

/** One of the pact's own pages (about, FAQ, contact, privacy, accessibility), served at /<slug>. */

export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	return [
		{ title: data.documentTitle },
		{ name: 'description', content: data.description },
		...socialMeta({ title: data.page.title, description: data.description, url: data.url }),
	]
}

export async function loader({ request }: Route.LoaderArgs) {
	const slug = new URL(request.url).pathname.replace(/^\/|\/$/g, '')
	if (!isContentPageSlug(slug)) throw new Response('Not found', { status: 404 })
	const db = getDb()
	const [language, user] = await Promise.all([getLanguage(request), getUser(request)])
	const page = await readContentPage(db, slug, language)
	if (!page) throw new Response('Not found', { status: 404 })
	const text = markdownToText(page.body).replace(/\s+/g, ' ').trim()
	return {
		documentTitle: `${page.title} – ${config.pact.name}`,
		description: text.length > 160 ? `${text.slice(0, 157).replace(/\s+\S*$/, '')} …` : text,
		url: `${config.appUrl}/${slug}`,
		page: { slug, title: page.title, language: page.language, html: contentPageHtml(page.body) },
		updated: formatDate(page.updatedAt, language, config.timeZone),
		// The page may be shown in Swedish to an English reader until a coordinator writes it.
		otherLanguage: page.language !== language,
		canEdit: user ? await userHasPermission(db, user.id, 'pages:edit') : false,
		editLanguage: language,
	}
}

export default function ContentPage({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('pages')
	const { page } = loaderData
	return (
		<article className="page narrow content-page" lang={loaderData.otherLanguage ? page.language : undefined}>
			<h1>{page.title}</h1>
			<div className="content-page-body" dangerouslySetInnerHTML={{ __html: page.html }} />
			<p className="muted content-page-updated">{t('updated', { date: loaderData.updated })}</p>
			{loaderData.canEdit ? (
				<p>
					<Link to={`/admin/pages/${page.slug}/${loaderData.editLanguage}`}>{t('editPage')}</Link>
				</p>
			) : null}
		</article>
	)
}
