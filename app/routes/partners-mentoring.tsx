import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/partners-mentoring'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { MeetingForm, MeetingLog } from '#app/mentoring/components.tsx'
import { logMeeting, mentorshipsOf, requireMentoringPage } from '#app/mentoring/mentoring.server.ts'
import { meetingSchema } from '#app/mentoring/schemas.ts'
import { localToday } from '#app/partners/partners.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { FormErrors } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/mentoring/mentoring.css'

export const handle: I18nHandle = { i18n: ['mentoring'] }

/**
 * A partner's mentorships, for the people who act for it: the other partner's contacts and
 * agreement, and the meetings either side has logged, with a form to log one more.
 */

const messages = { logged: 'flash.logged' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

export async function loader({ request, params }: Route.LoaderArgs) {
	const db = getDb()
	const { partner } = await requireMentoringPage(db, request, params.slug)
	const [t, language] = await Promise.all([getT(request, 'mentoring'), getLanguage(request)])
	const day = (value: string) =>
		formatDate(value.length === 10 ? `${value}T12:00:00Z` : value, language, config.timeZone)
	const mentorships = await mentorshipsOf(db, partner.id)
	return {
		title: t('page.title', { partner: partner.name }),
		pactName: config.pact.name,
		partner: { slug: partner.slug, name: partner.name },
		today: localToday(),
		flash: readFlash(new URL(request.url), messages),
		mentorships: mentorships.map((mentorship) => ({
			...mentorship,
			started: day(mentorship.startedAt),
			ended: mentorship.endedAt ? day(mentorship.endedAt) : null,
			meetings: mentorship.meetings.map((meeting) => ({ ...meeting, day: day(meeting.metOn) })),
		})),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const db = getDb()
	const { partner, user } = await requireMentoringPage(db, request, params.slug)
	const t = await getT(request, 'mentoring')
	const submission = parseWithZod(await request.formData(), { schema: meetingSchema(t) })
	const mentorshipId = Number(submission.payload.mentorshipId)
	if (submission.status !== 'success') return data({ mentorshipId, result: submission.reply() }, { status: 400 })
	const outcome = await logMeeting(db, partner.id, user.id, submission.value)
	if (outcome === 'logged') return redirect(withFlash(`/partners/${partner.slug}/mentoring`, 'logged'), 303)
	const result =
		outcome === 'not-running'
			? submission.reply({ formErrors: [t('errors.notRunning')] })
			: submission.reply({ fieldErrors: { metOn: [t(outcome === 'future' ? 'errors.future' : 'errors.beforeStart')] } })
	return data({ mentorshipId, result }, { status: outcome === 'not-running' ? 409 : 400 })
}

export default function PartnerMentoring({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('mentoring')
	const { partner, mentorships, today, flash } = loaderData
	const running = mentorships.filter((mentorship) => mentorship.ended === null)
	const ended = mentorships.filter((mentorship) => mentorship.ended !== null)
	return (
		<div className="page narrow">
			<p>
				<Link to={`/partners/${partner.slug}`}>← {partner.name}</Link>
			</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<h1>{loaderData.title}</h1>
			<p className="lead">{t('page.lead')}</p>
			{/* A mentorship ended while the form was open: its form is gone, so the message shows here. */}
			{actionData && !running.some((mentorship) => mentorship.id === actionData.mentorshipId) ? (
				<FormErrors errors={actionData.result.error?.[''] ?? null} />
			) : null}
			{running.length === 0 ? <p className="card">{t('page.none')}</p> : null}
			{running.map((mentorship) => {
				const headingId = `mentorship-${mentorship.id}`
				return (
					<section key={mentorship.id} aria-labelledby={headingId} className="card mentorship">
						<h2 id={headingId}>
							{t(mentorship.side === 'mentee' ? 'page.yourMentor' : 'page.yourMentee', {
								other: mentorship.other.name,
							})}
						</h2>
						<p className="muted">{t('page.since', { date: mentorship.started })}</p>
						<h3>{t('page.contacts', { other: mentorship.other.name })}</h3>
						{mentorship.other.contacts.length === 0 ? (
							<p>{t('page.noContacts')}</p>
						) : (
							<ul className="mentorship-contacts">
								{mentorship.other.contacts.map((contact) => (
									<li key={contact.email}>
										{contact.name}, <a href={`mailto:${contact.email}`}>{contact.email}</a>
									</li>
								))}
							</ul>
						)}
						<p>
							<Link to={`/partners/${mentorship.other.slug}`}>
								{t('page.partnerPage', { other: mentorship.other.name })}
							</Link>
							{mentorship.other.hasAgreement ? (
								<>
									{' · '}
									<Link to={`/partners/${mentorship.other.slug}/agreement`}>
										{t('page.agreement', { other: mentorship.other.name })}
									</Link>
								</>
							) : null}
						</p>
						<h3>{t('page.meetings')}</h3>
						<MeetingLog meetings={mentorship.meetings} />
						<h3>{t('page.logTitle')}</h3>
						<MeetingForm
							mentorshipId={mentorship.id}
							today={today}
							lastResult={actionData?.mentorshipId === mentorship.id ? actionData.result : undefined}
						/>
					</section>
				)
			})}
			{ended.length > 0 ? (
				<section aria-labelledby="ended-heading">
					<h2 id="ended-heading">{t('page.ended')}</h2>
					{ended.map((mentorship) => (
						<details key={mentorship.id} className="card mentorship">
							<summary>
								{t(mentorship.side === 'mentee' ? 'page.endedMentor' : 'page.endedMentee', {
									other: mentorship.other.name,
									start: mentorship.started,
									end: mentorship.ended,
								})}
							</summary>
							<MeetingLog meetings={mentorship.meetings} />
						</details>
					))}
				</section>
			) : null}
		</div>
	)
}
