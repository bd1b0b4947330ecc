import { Link } from 'react-router'
import type { Route } from './+types/admin-themes'
import { requirePermission } from '#app/auth/session.server.ts'
import { readFlash } from '#app/common/flash.ts'
import { formatNumber } from '#app/common/format.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { formatThemeDay } from '#app/themes/theme-page.server.ts'
import { listThemes } from '#app/themes/themes.server.ts'
import { ThemeIcon } from '#app/themes/components.tsx'
import { colourHex, iconName } from '#app/themes/palette.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { getDb } from '#db/index.ts'
import '#app/themes/themes.css'

export const handle: I18nHandle = { i18n: ['themes'] }

/** Every theme for coordinators, latest first, with a way to add one. */

const messages = { deleted: 'admin.saved.deleted' } as const

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'themes:manage')
	const [t, language] = [await getT(request, 'themes'), await getLanguage(request)]
	const themes = await listThemes(getDb())
	return {
		title: t('admin.title'),
		themes: themes.map((theme) => ({
			id: theme.id,
			slug: theme.slug,
			title: language === 'en' ? theme.title_en : theme.title_sv,
			colour: colourHex(theme.colour),
			icon: iconName(theme.icon),
			period: `${formatThemeDay(theme.starts_on, language)} – ${formatThemeDay(theme.ends_on, language)}`,
			followers: theme.follower_count,
		})),
		flash: readFlash(new URL(request.url), messages),
	}
}

export default function AdminThemes({ loaderData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation('themes')
	const { themes, flash } = loaderData
	return (
		<div className="page themes-admin">
			<h1>{t('admin.title')}</h1>
			<p className="lead">{t('admin.lead')}</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<p>
				<Link to="/admin/themes/new" className="button primary">
					{t('admin.add')}
				</Link>
			</p>
			{themes.length === 0 ? (
				<p>{t('admin.empty')}</p>
			) : (
				<div className="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">{t('admin.columns.title')}</th>
								<th scope="col">{t('admin.columns.period')}</th>
								<th scope="col" className="numeric">
									{t('admin.columns.followers')}
								</th>
								<th scope="col">
									<span className="visually-hidden">{t('admin.columns.actions')}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{themes.map((theme) => (
								<tr key={theme.id}>
									<td>
										<span className="theme-dot" style={{ background: theme.colour }} aria-hidden="true" />
										{theme.icon ? <ThemeIcon name={theme.icon} /> : null}
										<Link to={`/themes/${theme.slug}`}>{theme.title}</Link>
									</td>
									<td>{theme.period}</td>
									<td className="numeric">{formatNumber(theme.followers, i18n.language)}</td>
									<td>
										<Link to={`/admin/themes/${theme.id}`}>
											{t('admin.edit')}
											<span className="visually-hidden">: {theme.title}</span>
										</Link>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	)
}
