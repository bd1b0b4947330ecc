import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/partnership-day'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatTimeRange } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { PartnerSchedule, PrintButton, TagList } from '#app/partnership-day/components.tsx'
import { RegistrationForm } from '#app/partnership-day/forms.tsx'
import { dayView, partnersDayPage, registrationOpen } from '#app/partnership-day/partnership-day.server.ts'
import { pledgesOfDay } from '#app/partnership-day/pledges.server.ts'
import {
	registrations,
	saveRegistration,
	tagSuggestions,
	withdrawRegistration,
} from '#app/partnership-day/registrations.server.ts'
import { partnerSchedule, roomSchedule } from '#app/partnership-day/rounds.server.ts'
import { registrationSchema } from '#app/partnership-day/schemas.ts'
import { requirePartnerMember } from '#app/partners/partners.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import '#app/partnership-day/partnership-day.css'

export const handle: I18nHandle = { i18n: ['partnership-day'] }

/**
 * A partnership day for the people who act for partners: sign up with what the partner offers and
 * seeks, see who else comes, and once the rounds are made, the partner's own printable schedule.
 */

const messages = { registered: 'done.registered', saved: 'done.saved', withdrawn: 'done.withdrawn' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

export async function loader({ request, params }: Route.LoaderArgs) {
	const { db, memberships, isCoordinator, day, event, t, language, head } = await partnersDayPage(
		request,
		params.eventId,
	)
	const view = dayView(event, language)
	const [signedUp, rounds, suggestions, pledges] = await Promise.all([
		registrations(db, day.id),
		roomSchedule(db, day),
		tagSuggestions(db),
		pledgesOfDay(
			db,
			day.id,
			memberships.map((partner) => partner.id),
		),
	])
	const registered = new Map(signedUp.map((registration) => [registration.partnerId, registration]))
	return {
		...head(`${view.title} – ${t('day.kicker')}`),
		day: view,
		roundMinutes: rounds.length > 0 ? day.round_minutes : null,
		roundsMade: rounds.length > 0,
		isCoordinator,
		mine: memberships.map((partner) => {
			const registration = registered.get(partner.id)
			return {
				id: partner.id,
				name: partner.name,
				registered: Boolean(registration),
				offers: registration?.offers ?? [],
				seeks: registration?.seeks ?? [],
				schedule: partnerSchedule(rounds, partner.id).map((round) => ({
					...round,
					time:
						round.startsAt && round.endsAt
							? formatTimeRange(round.startsAt, round.endsAt, language, config.timeZone)
							: null,
				})),
			}
		}),
		attendees: signedUp.map(({ partnerId, name, offers, seeks }) => ({ partnerId, name, offers, seeks })),
		suggestions,
		hasPledges: pledges.length > 0,
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { db, user, day, event, t } = await partnersDayPage(request, params.eventId)
	const here = `/partnership-day/${event.id}`
	const intent = new URL(request.url).searchParams.get('intent')
	const formData = await request.formData()
	const partnerId = Number(formData.get('partnerId'))
	if (intent === 'register') {
		const submission = parseWithZod(formData, { schema: registrationSchema(t) })
		if (submission.status !== 'success') return data({ partnerId, result: submission.reply() }, { status: 400 })
		// Only the partners this person acts for: anyone else's answers 403.
		await requirePartnerMember(db, request, submission.value.partnerId)
		if (!registrationOpen(event))
			return data({ partnerId, result: submission.reply({ formErrors: [t('errors.closed')] }) }, { status: 409 })
		const outcome = await saveRegistration(db, day.id, user.id, submission.value)
		return redirect(withFlash(`${here}#partner-${partnerId}`, outcome), 303)
	}
	if (intent === 'withdraw' && Number.isInteger(partnerId) && partnerId > 0) {
		await requirePartnerMember(db, request, partnerId)
		if (!registrationOpen(event)) throw new Response('Conflict', { status: 409 })
		await withdrawRegistration(db, day.id, partnerId)
		return redirect(withFlash(here, 'withdrawn'), 303)
	}
	throw new Response('Bad request', { status: 400 })
}

export default function PartnershipDayPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('partnership-day')
	const { day, mine, attendees, flash } = loaderData
	return (
		<div className="page partnership-day">
			<p className="breadcrumb no-print">
				<Link to={`/events/${day.eventSlug}`}>← {t('day.eventLink')}</Link>
				{loaderData.isCoordinator ? (
					<>
						{' · '}
						<Link to={`/admin/partnership-days/${day.eventId}`}>{t('day.coordinatorLink')}</Link>
					</>
				) : null}
			</p>
			<p className="day-kicker">
				<span className="badge badge-registered">{t('day.kicker')}</span>
			</p>
			<h1 lang={day.titleLang}>{day.title}</h1>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<p className="lead no-print">{t('day.lead')}</p>
			<dl className="day-facts">
				<div>
					<dt>{t('day.when')}</dt>
					<dd>{day.when}</dd>
				</div>
				{day.place ? (
					<div>
						<dt>{t('day.where')}</dt>
						<dd>{day.place}</dd>
					</div>
				) : null}
			</dl>
			{day.cancelled ? <p className="notice notice-warning">{t('day.cancelled')}</p> : null}
			{mine.length === 0 ? <p className="notice no-print">{t('day.notPartner')}</p> : null}

			{loaderData.roundsMade ? <Schedules mine={mine} roundMinutes={loaderData.roundMinutes} /> : null}

			{mine.length > 0 ? (
				<section aria-labelledby="registration-heading" className="no-print">
					<h2 id="registration-heading">{t('register.heading')}</h2>
					{day.registrationOpen ? <p>{t('register.lead')}</p> : null}
					{mine.map((partner) => (
						<div key={partner.id} id={`partner-${partner.id}`} className="card stack registration-card">
							<h3>
								{partner.name}{' '}
								<span className={partner.registered ? 'badge badge-registered' : 'badge'}>
									{partner.registered ? t('register.registered') : t('register.notRegistered')}
								</span>
							</h3>
							{day.registrationOpen ? (
								<>
									<RegistrationForm
										partner={partner}
										registered={partner.registered}
										defaultValue={{ offers: partner.offers.join(', '), seeks: partner.seeks.join(', ') }}
										suggestions={loaderData.suggestions}
										lastResult={actionData?.partnerId === partner.id ? actionData.result : undefined}
									/>
									{partner.registered ? (
										<Form method="post" action="?intent=withdraw">
											<input type="hidden" name="partnerId" value={partner.id} />
											<button type="submit" className="danger">
												{t('register.withdraw', { partner: partner.name })}
											</button>
										</Form>
									) : null}
								</>
							) : partner.registered ? (
								<>
									<p>{t('register.closed')}</p>
									<TagLines offers={partner.offers} seeks={partner.seeks} />
								</>
							) : (
								<p>{t('register.closedNotRegistered', { partner: partner.name })}</p>
							)}
						</div>
					))}
					{loaderData.roundsMade ? null : <p>{t('schedule.notYet')}</p>}
				</section>
			) : null}

			{loaderData.hasPledges ? (
				<p className="no-print">
					<Link to={`/partnership-day/${day.eventId}/pledges`} className="button secondary">
						{t('pledges.link')}
					</Link>
				</p>
			) : null}

			<section aria-labelledby="attendees-heading" className="no-print">
				<h2 id="attendees-heading">{t('attendees.heading')}</h2>
				<p>{attendees.length === 0 ? t('attendees.none') : t('attendees.count', { count: attendees.length })}</p>
				<ul className="attendee-list">
					{attendees.map((attendee) => (
						<li key={attendee.partnerId} className="card">
							<h3>{attendee.name}</h3>
							<TagLines offers={attendee.offers} seeks={attendee.seeks} />
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}

type Mine = Route.ComponentProps['loaderData']['mine']

/** Each of the person's partners' rounds: what they print and carry on the day. */
function Schedules({ mine, roundMinutes }: { mine: Mine; roundMinutes: number | null }) {
	const { t } = useTranslation('partnership-day')
	// A partner that never signed up has no schedule to speak of.
	const shown = mine.filter((partner) => partner.registered || partner.schedule.length > 0)
	if (shown.length === 0) return null
	const several = shown.length > 1
	return (
		<section aria-labelledby="schedule-heading" className="schedule-section">
			<h2 id="schedule-heading">{t('schedule.heading')}</h2>
			{roundMinutes ? <p>{t('schedule.roundLength', { minutes: roundMinutes })}</p> : null}
			{shown.map((partner) => (
				<div key={partner.id} className="stack partner-schedule">
					{several ? <h3>{t('schedule.headingFor', { partner: partner.name })}</h3> : null}
					{partner.schedule.length > 0 ? (
						<PartnerSchedule rounds={partner.schedule} />
					) : (
						<p>{t('schedule.notIncluded', { partner: partner.name })}</p>
					)}
				</div>
			))}
			<p>
				<PrintButton />
			</p>
		</section>
	)
}

function TagLines({ offers, seeks }: { offers: readonly string[]; seeks: readonly string[] }) {
	const { t } = useTranslation('partnership-day')
	return (
		<dl className="tag-lines">
			<div>
				<dt>{t('attendees.offers')}</dt>
				<dd>
					<TagList tags={offers} />
				</dd>
			</div>
			<div>
				<dt>{t('attendees.seeks')}</dt>
				<dd>
					<TagList tags={seeks} />
				</dd>
			</div>
		</dl>
	)
}
