import { Link } from 'react-router'
import type { Route } from './+types/awards'
import { publicListMeta } from '#app/common/meta.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { awardArchive } from '#app/stories/awards.server.ts'
import { AwardCard } from '#app/stories/components.tsx'
import { publicListHead } from '#app/stories/pages.server.ts'
import { getDb } from '#db/index.ts'
import '#app/stories/stories.css'

export const handle: I18nHandle = { i18n: ['stories'] }

export const meta = ({ data }: Route.MetaArgs) => publicListMeta(data)

/** The archive of the award of the month: every winner, newest month first. */
export async function loader({ request }: Route.LoaderArgs) {
	return {
		...(await publicListHead(request, 'awards', '/awards')),
		awards: await awardArchive(getDb()),
	}
}

export default function Awards({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('stories')
	return (
		<div className="page narrow">
			<h1>{t('awards.title')}</h1>
			<p className="lead">{t('awards.lead')}</p>
			<p>
				<Link to="/awards/nominate" className="button">
					{t('awards.nominateLink')}
				</Link>
			</p>
			{loaderData.awards.length === 0 ? (
				<p>{t('awards.empty')}</p>
			) : (
				<ul className="award-archive">
					{loaderData.awards.map((award) => (
						<li key={award.month}>
							<AwardCard award={award} headingLevel="h2" />
						</li>
					))}
				</ul>
			)}
		</div>
	)
}
