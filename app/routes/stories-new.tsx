import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/stories-new'
import { refusePublicForm } from '#app/auth/rate-limit.server.ts'
import { requireUser } from '#app/auth/session.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { titleMeta } from '#app/common/meta.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { imageFieldAfter, imageFieldView, readUploadForm, takeImageField } from '#app/images/upload.server.ts'
import { partnersOf } from '#app/partners/partners.server.ts'
import { StoryStatusBadge } from '#app/stories/components.tsx'
import { StoryForm } from '#app/stories/forms.tsx'
import { createStorySchema } from '#app/stories/schemas.ts'
import { storiesBy, submitStory } from '#app/stories/stories.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { storiesPage } from '#app/stories/pages.server.ts'
import { getDb } from '#db/index.ts'
import '#app/stories/stories.css'

export const handle: I18nHandle = { i18n: ['stories', 'images'] }

const messages = { submitted: 'flash.submitted' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

/** A partner's member writes a story for review, and sees how their earlier ones went. */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const db = getDb()
	const { t, head } = await storiesPage(request)
	const [partners, mine] = await Promise.all([partnersOf(db, user.id), storiesBy(db, user.id)])
	return {
		...head(t('new.title')),
		partners: partners.map((partner) => ({ id: partner.id, name: partner.name })),
		mine,
		image: await imageFieldView(db, null),
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const db = getDb()
	// Only someone who acts for a partner may send a story at all; no image is stored for anyone else.
	if ((await partnersOf(db, user.id)).length === 0) throw new Response('Forbidden', { status: 403 })
	const t = await getT(request, 'stories')
	// The image is stored first, so a form shown again for another field's error keeps it.
	const upload = await readUploadForm(request)
	const submission = parseWithZod(upload.formData, { schema: createStorySchema(t) })
	// Before the image is stored: a refused form leaves nothing behind.
	const refused = await refusePublicForm(db, request, upload.formData, {
		form: 'story',
		clientIp: context.clientIp,
		person: user.id,
	})
	if (refused) return data({ result: submission.reply(refused), image: undefined }, { status: refused.status })
	const image = await takeImageField(db, upload, { createdBy: user.id })
	if (submission.status !== 'success' || image.error) {
		const imageView = await imageFieldAfter(db, request, image)
		return data({ result: submission.reply(), image: imageView }, { status: 400 })
	}
	const outcome = await submitStory(db, user.id, submission.value, image.imageId)
	if (!outcome.ok) {
		const imageView = await imageFieldAfter(db, request, image)
		const result = submission.reply({ fieldErrors: { partnerId: [t('errors.unknownPartner')] } })
		return data({ result, image: imageView }, { status: 400 })
	}
	return redirect(withFlash('/stories/new', 'submitted'), 303)
}

export default function NewStory({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('stories')
	const { partners, mine, flash } = loaderData
	return (
		<div className="page narrow">
			<p className="breadcrumb">
				<Link to="/stories">← {t('story.back')}</Link>
			</p>
			<h1>{t('new.title')}</h1>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			{partners.length === 0 ? (
				<div className="card stack">
					<p>{t('new.notMember')}</p>
				</div>
			) : (
				<>
					<p className="lead">{t('new.lead')}</p>
					<StoryForm
						lastResult={actionData?.result}
						partners={partners}
						image={actionData?.image ?? loaderData.image}
					/>
				</>
			)}
			{mine.length > 0 ? (
				<section aria-labelledby="mine-title">
					<h2 id="mine-title">{t('new.mineTitle')}</h2>
					<ul className="mine-list">
						{mine.map((story) => (
							<li key={story.id} className="card stack">
								<p>
									{story.status === 'approved' ? (
										<Link to={`/stories/${story.id}`}>{story.title}</Link>
									) : (
										<strong>{story.title}</strong>
									)}{' '}
									<StoryStatusBadge status={story.status} />
								</p>
								{story.partnerName ? <p className="muted">{story.partnerName}</p> : null}
								{story.review_comment ? <p>{t('new.comment', { comment: story.review_comment })}</p> : null}
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
