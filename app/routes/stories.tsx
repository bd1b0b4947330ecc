import { Link } from 'react-router'
import type { Route } from './+types/stories'
import { publicListMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { StoryList } from '#app/stories/components.tsx'
import { approvedStories } from '#app/stories/stories.server.ts'
import { publicListHead } from '#app/stories/pages.server.ts'
import { getDb } from '#db/index.ts'

export const handle: I18nHandle = { i18n: ['stories'] }

export const meta = ({ data }: Route.MetaArgs) => publicListMeta(data)

/** The partners' approved stories, newest first. */
export async function loader({ request }: Route.LoaderArgs) {
	return {
		...(await publicListHead(request, 'list', '/stories')),
		timeZone: config.timeZone,
		stories: await approvedStories(getDb()),
	}
}

export default function Stories({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('stories')
	return (
		<div className="page">
			<h1>{t('list.title')}</h1>
			<p className="lead">{t('list.lead')}</p>
			<p>
				<Link to="/stories/new" className="button">
					{t('list.share')}
				</Link>
			</p>
			{loaderData.stories.length === 0 ? (
				<p>{t('list.empty')}</p>
			) : (
				<StoryList stories={loaderData.stories} timeZone={loaderData.timeZone} />
			)}
		</div>
	)
}
