import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-partnership-day-pledges'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate, formatNumber } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { AnswerBadge, ScrollingTable } from '#app/partnership-day/components.tsx'
import { PledgeForm } from '#app/partnership-day/forms.tsx'
import { coordinatorsDayPage } from '#app/partnership-day/partnership-day.server.ts'
import {
	deletePledge,
	followUpDueAt,
	followUpSummary,
	pledgesOfDay,
	recordPledge,
} from '#app/partnership-day/pledges.server.ts'
import { registrations } from '#app/partnership-day/registrations.server.ts'
import { pledgeAnswers, pledgeSchema } from '#app/partnership-day/schemas.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import '#app/partnership-day/partnership-day.css'

export const handle: I18nHandle = { i18n: ['partnership-day'] }

/**
 * A day's action pledges: a coordinator records them per partner on the day, and reads the
 * follow-up afterwards: how many of each answer, per partner, and what is still unanswered.
 */

const messages = { recorded: 'done.recorded', deleted: 'done.deleted' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

export async function loader({ request, params }: Route.LoaderArgs) {
	const { db, t, language, head, day, event, view } = await coordinatorsDayPage(request, params.eventId)
	const [signedUp, pledges] = await Promise.all([registrations(db, day.id), pledgesOfDay(db, day.id)])
	const date = (instant: string) => formatDate(instant, language, config.timeZone)
	const now = new Date().toISOString()
	const summary = followUpSummary(pledges)
	const shown = (pledge: (typeof pledges)[number]) => ({
		id: pledge.id,
		partnerName: pledge.partnerName,
		text: pledge.text,
		recordedBy: pledge.recordedBy,
		answer: pledge.answer,
		comment: pledge.comment,
		followUp: pledge.followUpSentAt
			? { state: 'sent' as const, date: date(pledge.followUpSentAt) }
			: {
					state: pledge.followUpDueAt <= now ? ('overdue' as const) : ('due' as const),
					date: date(pledge.followUpDueAt),
				},
	})
	return {
		...head(t('adminPledges.title', { event: view.title })),
		day: view,
		language,
		partners: signedUp.map((registration) => ({ id: registration.partnerId, name: registration.name })),
		followUpOn: followUpDueAt(event) <= now ? null : date(followUpDueAt(event)),
		pledges: pledges.map(shown),
		summary: { ...summary, unanswered: summary.unanswered.map(shown) },
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const found = await coordinatorsDayPage(request, params.eventId)
	const { db, coordinator, t, day } = found
	const here = `${found.adminPath}/pledges`
	const intent = new URL(request.url).searchParams.get('intent')
	const formData = await request.formData()
	if (intent === 'record') {
		const submission = parseWithZod(formData, { schema: pledgeSchema(t) })
		if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
		const outcome = await recordPledge(db, found, submission.value, coordinator.id)
		if (outcome.kind === 'not-registered')
			return data(submission.reply({ fieldErrors: { partnerId: [t('errors.notRegistered')] } }), { status: 400 })
		return redirect(withFlash(here, 'recorded'), 303)
	}
	const pledgeId = Number(formData.get('pledgeId'))
	if (intent === 'delete' && Number.isInteger(pledgeId) && pledgeId > 0) {
		await deletePledge(db, day.id, pledgeId)
		return redirect(withFlash(here, 'deleted'), 303)
	}
	throw new Response('Bad request', { status: 400 })
}

type Pledge = Route.ComponentProps['loaderData']['pledges'][number]

/** The answers in the order the summary shows them, unanswered last. */
const answerKeys = [...pledgeAnswers, 'none'] as const

export default function AdminPartnershipDayPledges({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('partnership-day')
	const { day, partners, pledges, summary, language, flash } = loaderData
	const number = (value: number) => formatNumber(value, language)
	const answered = summary.pledges - summary.total.none
	return (
		<div className="page partnership-day">
			<p className="breadcrumb">
				<Link to={`/admin/partnership-days/${day.eventId}`}>← {t('adminPledges.back')}</Link>
			</p>
			<h1>{t('adminPledges.title', { event: day.title })}</h1>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>

			<section aria-labelledby="record-heading" className="narrow">
				<h2 id="record-heading">{t('adminPledges.recordHeading')}</h2>
				{partners.length === 0 ? (
					<p>{t('adminPledges.noPartners')}</p>
				) : (
					<div className="card stack">
						<p className="hint">
							{loaderData.followUpOn
								? t('adminPledges.recordLead', { date: loaderData.followUpOn })
								: t('adminPledges.recordLeadOverdue')}
						</p>
						<PledgeForm partners={partners} lastResult={actionData} />
					</div>
				)}
			</section>

			<section aria-labelledby="summary-heading">
				<h2 id="summary-heading">{t('adminPledges.summaryHeading')}</h2>
				<p>{t('adminPledges.summaryLead', { answered: number(answered), count: number(summary.pledges) })}</p>
				<ScrollingTable label={t('adminPledges.byAnswer')}>
					<table className="answer-table">
						<thead>
							<tr>
								<th scope="col">{t('adminPledges.byAnswer')}</th>
								<th scope="col">{t('adminPledges.count')}</th>
							</tr>
						</thead>
						<tbody>
							{answerKeys.map((answer) => (
								<tr key={answer}>
									<th scope="row">{t(`answers.${answer}`)}</th>
									<td>{number(summary.total[answer])}</td>
								</tr>
							))}
						</tbody>
					</table>
				</ScrollingTable>
				<h3 id="per-partner-heading">{t('adminPledges.perPartnerHeading')}</h3>
				<ScrollingTable label={t('adminPledges.perPartnerHeading')}>
					<table aria-labelledby="per-partner-heading">
						<thead>
							<tr>
								<th scope="col">{t('adminPledges.partner')}</th>
								<th scope="col">{t('adminPledges.pledges')}</th>
								{answerKeys.map((answer) => (
									<th scope="col" key={answer}>
										{t(`answers.${answer}`)}
									</th>
								))}
							</tr>
						</thead>
						<tbody>
							{summary.perPartner.map((partner) => (
								<tr key={partner.partnerId}>
									<th scope="row">{partner.name}</th>
									<td>{number(partner.pledges)}</td>
									{answerKeys.map((answer) => (
										<td key={answer}>{number(partner.counts[answer])}</td>
									))}
								</tr>
							))}
						</tbody>
					</table>
				</ScrollingTable>
				<h3>{t('adminPledges.unansweredHeading')}</h3>
				{summary.unanswered.length === 0 ? (
					<p>{summary.pledges > 0 ? t('adminPledges.allAnswered') : t('adminPledges.none')}</p>
				) : (
					<PledgeList pledges={summary.unanswered} withDelete={false} />
				)}
			</section>

			<section aria-labelledby="all-heading">
				<h2 id="all-heading">{t('adminPledges.listHeading')}</h2>
				{pledges.length === 0 ? <p>{t('adminPledges.none')}</p> : <PledgeList pledges={pledges} withDelete />}
			</section>
		</div>
	)
}

function PledgeList({ pledges, withDelete }: { pledges: readonly Pledge[]; withDelete: boolean }) {
	const { t } = useTranslation('partnership-day')
	return (
		<ul className="pledge-list">
			{pledges.map((pledge) => (
				<li key={pledge.id} className="card stack">
					<p>
						<strong>{pledge.partnerName}</strong> <AnswerBadge answer={pledge.answer} />
					</p>
					<p className="pledge-text">{pledge.text}</p>
					{pledge.comment ? <p className="answer-comment">{pledge.comment}</p> : null}
					<p className="muted">
						{pledge.recordedBy ? `${t('adminPledges.recordedBy', { name: pledge.recordedBy })}. ` : ''}
						{pledge.followUp.state === 'overdue'
							? t('adminPledges.dueNow')
							: t(`adminPledges.${pledge.followUp.state}`, { date: pledge.followUp.date })}
					</p>
					{withDelete && pledge.answer === null ? (
						<Form method="post" action="?intent=delete">
							<input type="hidden" name="pledgeId" value={pledge.id} />
							<button
								type="submit"
								className="secondary"
								aria-label={t('adminPledges.deleteLabel', { text: pledge.text })}
							>
								{t('adminPledges.delete')}
							</button>
						</Form>
					) : null}
				</li>
			))}
		</ul>
	)
}
