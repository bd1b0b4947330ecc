import { Link } from 'react-router'
import type { Route } from './+types/stories-story'
import { formatDate } from '#app/common/format.ts'
import { idOr404 } from '#app/common/params.ts'
import { socialMeta } from '#app/common/social.ts'
import { config } from '#app/config.server.ts'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { openGraphImageUrl } from '#app/images/images.server.ts'
import { Picture } from '#app/images/picture.tsx'
import { approvedStory, storyUrl } from '#app/stories/stories.server.ts'
import { getDb } from '#db/index.ts'
import '#app/stories/stories.css'

export const handle: I18nHandle = { i18n: ['stories'] }

export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	const { story } = data
	return [
		{ title: `${story.title} – ${data.pactName}` },
		{ name: 'description', content: story.extract },
		...socialMeta({ title: story.title, description: story.extract, url: data.url, image: data.shareImage }),
	]
}

/** One approved story; any other (waiting, not published, unknown) is not found. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const story = await approvedStory(getDb(), idOr404(params.storyId))
	if (!story) throw new Response('Not found', { status: 404 })
	const language = await getLanguage(request)
	return {
		pactName: config.pact.name,
		url: storyUrl(story.id),
		shareImage: story.image ? { url: openGraphImageUrl(story.image.id), alt: story.image.alt } : null,
		published: formatDate(story.approvedAt, language, config.timeZone),
		story,
	}
}

export default function StoryPage({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('stories')
	const { story } = loaderData
	return (
		<article className="page narrow">
			<p className="breadcrumb">
				<Link to="/stories">← {t('story.back')}</Link>
			</p>
			<h1>{story.title}</h1>
			<p className="muted">
				{story.partner ? <>{t('story.byPartner', { partner: story.partner.name })} · </> : null}
				{t('list.published', { date: loaderData.published })}
			</p>
			{story.image ? (
				<Picture image={story.image} className="story-page-picture" sizes="(min-width: 45rem) 42rem, 100vw" eager />
			) : null}
			<div className="story-body" dangerouslySetInnerHTML={{ __html: story.bodyHtml }} />
			{story.partner ? (
				<p>
					<Link to={`/partners/${story.partner.slug}`}>{t('story.partnerLink', { partner: story.partner.name })}</Link>
				</p>
			) : null}
		</article>
	)
}
