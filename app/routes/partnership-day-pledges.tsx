import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/partnership-day-pledges'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { AnswerBadge } from '#app/partnership-day/components.tsx'
import { AnswerForm } from '#app/partnership-day/forms.tsx'
import { dayView, partnersDayPage } from '#app/partnership-day/partnership-day.server.ts'
import { answerPledge, pledgesOfDay } from '#app/partnership-day/pledges.server.ts'
import { answerSchema } from '#app/partnership-day/schemas.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import '#app/partnership-day/partnership-day.css'

export const handle: I18nHandle = { i18n: ['partnership-day'] }

/**
 * A partner's action pledges from the day and the follow-up the email links to: for each pledge,
 * done, in progress or dropped, with a comment. Only the partners the person acts for.
 */

const messages = { answered: 'done.answered' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

export async function loader({ request, params }: Route.LoaderArgs) {
	const { db, memberships, day, event, t, language, head } = await partnersDayPage(request, params.eventId)
	const view = dayView(event, language)
	const pledges = await pledgesOfDay(
		db,
		day.id,
		memberships.map((partner) => partner.id),
	)
	const date = (instant: string) => formatDate(instant, language, config.timeZone)
	return {
		...head(t('pledges.title', { event: view.title })),
		day: view,
		partners: memberships.map((partner) => ({
			id: partner.id,
			name: partner.name,
			pledges: pledges
				.filter((pledge) => pledge.partnerId === partner.id)
				.map((pledge) => ({
					id: pledge.id,
					text: pledge.text,
					answer: pledge.answer,
					comment: pledge.comment,
					answered:
						pledge.answeredBy && pledge.answeredAt ? { name: pledge.answeredBy, date: date(pledge.answeredAt) } : null,
					followUpDue: pledge.followUpSentAt ? null : date(pledge.followUpDueAt),
				})),
		})),
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { db, user, memberships, event, t } = await partnersDayPage(request, params.eventId)
	const submission = parseWithZod(await request.formData(), { schema: answerSchema(t) })
	if (submission.status !== 'success')
		return data({ pledgeId: Number(submission.payload.pledgeId), result: submission.reply() }, { status: 400 })
	const outcome = await answerPledge(
		db,
		submission.value,
		user.id,
		memberships.map((partner) => partner.id),
	)
	// Another partner's pledge, or one that is not there: nothing to answer.
	if (outcome === 'not-yours') throw new Response('Forbidden', { status: 403 })
	return redirect(
		withFlash(`/partnership-day/${event.id}/pledges#pledge-${submission.value.pledgeId}`, 'answered'),
		303,
	)
}

export default function PartnershipDayPledges({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('partnership-day')
	const { day, partners, flash } = loaderData
	return (
		<div className="page narrow partnership-day">
			<p className="breadcrumb">
				<Link to={`/partnership-day/${day.eventId}`}>← {t('pledges.back')}</Link>
			</p>
			<h1>{t('pledges.title', { event: day.title })}</h1>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<p className="lead">{t('pledges.lead')}</p>
			{partners.length === 0 ? <p className="notice">{t('day.notPartner')}</p> : null}
			{partners.map((partner) => (
				<section key={partner.id} aria-labelledby={`pledges-${partner.id}`}>
					<h2 id={`pledges-${partner.id}`}>{partner.name}</h2>
					{partner.pledges.length === 0 ? <p>{t('pledges.none', { partner: partner.name })}</p> : null}
					<ol className="pledge-list">
						{partner.pledges.map((pledge) => (
							<li key={pledge.id} id={`pledge-${pledge.id}`} className="card stack">
								<p className="pledge-text">{pledge.text}</p>
								<p>
									<AnswerBadge answer={pledge.answer} />{' '}
									{pledge.answered ? (
										<span className="muted">{t('pledges.answeredBy', pledge.answered)}</span>
									) : pledge.followUpDue ? (
										<span className="muted">{t('pledges.followUpDue', { date: pledge.followUpDue })}</span>
									) : null}
								</p>
								{pledge.comment ? <p className="answer-comment">{pledge.comment}</p> : null}
								<AnswerForm
									pledge={pledge}
									lastResult={actionData?.pledgeId === pledge.id ? actionData.result : undefined}
								/>
							</li>
						))}
					</ol>
				</section>
			))}
		</div>
	)
}
