import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import type { Route } from './+types/admin-stories'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { Picture } from '#app/images/picture.tsx'
import { StoryStatusBadge } from '#app/stories/components.tsx'
import { ReviewForm } from '#app/stories/forms.tsx'
import { createReviewSchema } from '#app/stories/schemas.ts'
import { reviewStory, storiesForReview } from '#app/stories/stories.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { coordinatorsPage } from '#app/stories/pages.server.ts'
import { getDb } from '#db/index.ts'
import '#app/stories/stories.css'

export const handle: I18nHandle = { i18n: ['stories'] }

const messages = {
	approved: 'flash.approved',
	rejected: 'flash.rejected',
	reviewed: 'errors.alreadyReviewed',
} as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

/** Coordinators' queue of partner stories: read each, publish it or say why not. */
export async function loader({ request }: Route.LoaderArgs) {
	const { t, language, head } = await coordinatorsPage(request)
	const { waiting, decided } = await storiesForReview(getDb())
	return {
		...head(t('admin.title')),
		waiting: waiting.map((story) => ({ ...story, created: formatDate(story.created_at, language, config.timeZone) })),
		decided,
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request }: Route.ActionArgs) {
	const { coordinator, t } = await coordinatorsPage(request)
	const submission = parseWithZod(await request.formData(), { schema: createReviewSchema(t) })
	if (submission.status !== 'success') {
		const storyId = Number(submission.payload.storyId)
		return data({ storyId, result: submission.reply() }, { status: 400 })
	}
	const { storyId, decision, comment } = submission.value
	const outcome = await reviewStory(getDb(), storyId, decision, comment, coordinator.id)
	if (outcome === 'not-found') throw new Response('Not found', { status: 404 })
	return redirect(withFlash('/admin/stories', outcome === 'already-reviewed' ? 'reviewed' : outcome), 303)
}

export default function AdminStories({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('stories')
	const { waiting, decided, flash } = loaderData
	return (
		<div className="page">
			<h1>{t('admin.title')}</h1>
			<p className="lead">{t('admin.lead')}</p>
			<FlashMessage warning={flash?.key === 'reviewed'}>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<section aria-labelledby="waiting-title">
				<h2 id="waiting-title">{t('admin.waiting')}</h2>
				{waiting.length === 0 ? (
					<p>{t('admin.none')}</p>
				) : (
					<ul className="review-list">
						{waiting.map((story) => (
							<li key={story.id} className="card stack">
								<h3>{story.title}</h3>
								<p className="muted">
									{t('admin.by', {
										name: story.authorName,
										partner: story.partnerName ?? t('admin.noPartner'),
										date: story.created,
									})}
								</p>
								{story.image ? (
									<Picture image={story.image} className="story-page-picture" sizes="(min-width: 40rem) 30rem, 100vw" />
								) : null}
								<div className="review-body" dangerouslySetInnerHTML={{ __html: story.bodyHtml }} />
								<ReviewForm
									storyId={story.id}
									lastResult={actionData?.storyId === story.id ? actionData.result : undefined}
								/>
							</li>
						))}
					</ul>
				)}
			</section>
			{decided.length > 0 ? (
				<section aria-labelledby="decided-title">
					<h2 id="decided-title">{t('admin.decided')}</h2>
					<ul className="review-list">
						{decided.map((story) => (
							<li key={story.id} className="card stack">
								<p>
									<strong>{story.title}</strong> <StoryStatusBadge status={story.status} />
								</p>
								{story.review_comment ? <p>{story.review_comment}</p> : null}
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
