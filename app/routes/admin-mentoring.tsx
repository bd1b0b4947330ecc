import { parseWithZod } from '@conform-to/zod/v4'
import type { ReactNode } from 'react'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-mentoring'
import { requirePermission } from '#app/auth/session.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { PairForm } from '#app/mentoring/components.tsx'
import { endMentorship, mentorshipsForCoordinators, pairMentor } from '#app/mentoring/mentoring.server.ts'
import { endSchema, pairSchema } from '#app/mentoring/schemas.ts'
import { approvedPartners } from '#app/partners/partners.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { getDb } from '#db/index.ts'
import '#app/mentoring/mentoring.css'

export const handle: I18nHandle = { i18n: ['mentoring'] }

/** Coordinators pair new partners with mentor partners, follow how often they meet, and end mentorships. */

const messages = { paired: 'flash.paired', ended: 'flash.ended', 'not-running': 'errors.notRunning' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

async function coordinatorsPage(request: Request) {
	const coordinator = await requirePermission(request, 'partners:manage')
	return { coordinator, db: getDb(), t: await getT(request, 'mentoring') }
}

export async function loader({ request }: Route.LoaderArgs) {
	const { db, t } = await coordinatorsPage(request)
	const language = await getLanguage(request)
	const day = (value: string) =>
		formatDate(value.length === 10 ? `${value}T12:00:00Z` : value, language, config.timeZone)
	const [partners, mentorships] = await Promise.all([approvedPartners(db), mentorshipsForCoordinators(db)])
	return {
		title: t('admin.title'),
		pactName: config.pact.name,
		flash: readFlash(new URL(request.url), messages),
		partners: partners.map((partner) => ({ id: partner.id, name: partner.name })),
		mentorships: mentorships.map((row) => ({
			...row,
			started: day(row.startedAt),
			ended: row.endedAt ? day(row.endedAt) : null,
			last: row.lastMeeting ? day(row.lastMeeting) : null,
		})),
	}
}

export async function action({ request }: Route.ActionArgs) {
	const { db, coordinator, t } = await coordinatorsPage(request)
	const intent = new URL(request.url).searchParams.get('intent')
	const formData = await request.formData()
	if (intent === 'end') {
		const submission = parseWithZod(formData, { schema: endSchema(t) })
		if (submission.status !== 'success') throw new Response('Bad request', { status: 400 })
		const outcome = await endMentorship(db, submission.value.mentorshipId, coordinator.id)
		return redirect(withFlash('/admin/mentoring', outcome), 303)
	}
	if (intent !== 'pair') throw new Response('Bad request', { status: 400 })
	const submission = parseWithZod(formData, { schema: pairSchema(t) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const outcome = await pairMentor(db, submission.value, coordinator.id)
	if (outcome.kind === 'refused') {
		const message =
			outcome.reason === 'mentee-taken'
				? t('errors.menteeTaken', { mentor: outcome.mentorName })
				: outcome.reason === 'same-partner'
					? t('errors.samePartner')
					: t('errors.notApproved')
		return data({ result: submission.reply({ fieldErrors: { [outcome.field]: [message] } }) }, { status: 400 })
	}
	return redirect(withFlash('/admin/mentoring', 'paired'), 303)
}

export default function AdminMentoring({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('mentoring')
	const { partners, mentorships, flash } = loaderData
	const running = mentorships.filter((row) => row.ended === null)
	const ended = mentorships.filter((row) => row.ended !== null)
	return (
		<div className="page">
			<h1>{t('admin.title')}</h1>
			<p className="lead">{t('admin.lead')}</p>
			<FlashMessage warning={flash?.key === 'not-running'}>{flash ? t(messages[flash.key]) : null}</FlashMessage>

			<section aria-labelledby="pair-heading" className="card">
				<h2 id="pair-heading">{t('admin.pairTitle')}</h2>
				<PairForm partners={partners} lastResult={actionData?.result} />
			</section>

			{/* Not a landmark itself: each scrolling table is the region with its heading's name (axe's landmark-unique). */}
			<section>
				<h2 id="running-heading">{t('admin.running', { count: running.length })}</h2>
				{running.length === 0 ? (
					<p>{t('admin.none')}</p>
				) : (
					<MentorshipTable
						labelledBy="running-heading"
						columns={[
							t('admin.since'),
							t('admin.meetings'),
							t('admin.lastMeeting'),
							<span key="actions" className="visually-hidden">
								{t('admin.actions')}
							</span>,
						]}
					>
						{running.map((row) => (
							<tr key={row.id}>
								<td>
									<Link to={`/partners/${row.mentee.slug}`}>{row.mentee.name}</Link>
								</td>
								<td>
									<Link to={`/partners/${row.mentor.slug}`}>{row.mentor.name}</Link>
								</td>
								<td>{row.started}</td>
								<td>{row.meetings}</td>
								<td>{row.last ?? t('admin.noMeeting')}</td>
								<td>
									<Form method="post" action="?intent=end">
										<input type="hidden" name="mentorshipId" value={row.id} />
										<button type="submit" className="secondary">
											{t('admin.end', { mentee: row.mentee.name })}
										</button>
									</Form>
								</td>
							</tr>
						))}
					</MentorshipTable>
				)}
			</section>

			{ended.length > 0 ? (
				<section>
					<h2 id="ended-heading">{t('admin.ended')}</h2>
					<MentorshipTable labelledBy="ended-heading" columns={[t('admin.period'), t('admin.meetings')]}>
						{ended.map((row) => (
							<tr key={row.id}>
								<td>{row.mentee.name}</td>
								<td>{row.mentor.name}</td>
								<td>{t('admin.between', { start: row.started, end: row.ended })}</td>
								<td>{row.meetings}</td>
							</tr>
						))}
					</MentorshipTable>
				</section>
			) : null}
		</div>
	)
}

/** Mentorships in a table that scrolls sideways on a phone: mentee and mentor first, then `columns`. */
function MentorshipTable({
	labelledBy,
	columns,
	children,
}: {
	labelledBy: string
	columns: ReactNode[]
	children: ReactNode
}) {
	const { t } = useTranslation('mentoring')
	return (
		<div className="table-wrap contained" tabIndex={0} role="region" aria-labelledby={labelledBy}>
			<table className="mentorship-table">
				<thead>
					<tr>
						{[t('admin.mentee'), t('admin.mentor'), ...columns].map((column, index) => (
							<th key={index} scope="col">
								{column}
							</th>
						))}
					</tr>
				</thead>
				<tbody>{children}</tbody>
			</table>
		</div>
	)
}
