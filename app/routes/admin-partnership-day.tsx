import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-partnership-day'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDateTime } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { utcToLocal } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ScrollingTable, TagList } from '#app/partnership-day/components.tsx'
import { RoundsForm } from '#app/partnership-day/forms.tsx'
import { coordinatorsDayPage } from '#app/partnership-day/partnership-day.server.ts'
import { registrations } from '#app/partnership-day/registrations.server.ts'
import { generateRounds, roomSchedule, roundsOutdated } from '#app/partnership-day/rounds.server.ts'
import { maxRounds, roundsSchema } from '#app/partnership-day/schemas.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import '#app/partnership-day/partnership-day.css'

export const handle: I18nHandle = { i18n: ['partnership-day'] }

/** A coordinator runs one partnership day: who signed up with which tags, and the rounds. */

const messages = { created: 'done.created', exists: 'done.exists', generated: 'done.generated' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

export async function loader({ request, params }: Route.LoaderArgs) {
	const page = await coordinatorsDayPage(request, params.eventId)
	const { db, t, language, day, event, view } = page
	const [signedUp, rounds] = await Promise.all([registrations(db, day.id), roomSchedule(db, day)])
	const max = maxRounds(signedUp.length)
	const startsAt = day.first_round_at ?? event.starts_at
	return {
		...page.head(t('adminDay.title', { event: view.title })),
		day: view,
		registrations: signedUp.map(({ partnerId, name, offers, seeks, registeredBy }) => ({
			partnerId,
			name,
			offers,
			seeks,
			registeredBy,
		})),
		rounds: rounds.length,
		roundMinutes: day.round_minutes,
		firstRound: rounds.length > 0 ? formatDateTime(startsAt, language, config.timeZone) : null,
		outdated: roundsOutdated(day, rounds, signedUp),
		maxRounds: max,
		defaults: {
			rounds: Math.min(rounds.length || 6, max),
			minutes: day.round_minutes ?? 8,
			startTime: utcToLocal(startsAt, config.timeZone).time,
		},
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	// The guard first: a visitor who may not act here learns nothing from how the request is formed.
	const page = await coordinatorsDayPage(request, params.eventId)
	if (new URL(request.url).searchParams.get('intent') !== 'generate') throw new Response('Bad request', { status: 400 })
	const { db, coordinator, t } = page
	const submission = parseWithZod(await request.formData(), { schema: roundsSchema(t) })
	if (submission.status !== 'success') return data({ result: submission.reply(), confirm: false }, { status: 400 })
	const outcome = await generateRounds(db, page, submission.value, coordinator.id)
	switch (outcome.kind) {
		case 'too-few':
			return data({ result: submission.reply({ formErrors: [t('adminDay.tooFew')] }), confirm: false }, { status: 409 })
		case 'too-many':
			return data(
				{
					result: submission.reply({
						fieldErrors: { rounds: [t('errors.tooManyRounds', { count: outcome.partners, max: outcome.max })] },
					}),
					confirm: false,
				},
				{ status: 400 },
			)
		case 'confirm':
			return data(
				{ result: submission.reply({ fieldErrors: { confirm: [t('errors.confirm')] } }), confirm: true },
				{ status: 409 },
			)
		case 'generated':
			return redirect(withFlash(`${page.adminPath}#rounds-heading`, 'generated'), 303)
	}
}

export default function AdminPartnershipDay({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('partnership-day')
	const { day, registrations: signedUp, flash } = loaderData
	const roundsMade = loaderData.rounds > 0
	return (
		<div className="page partnership-day">
			<p className="breadcrumb">
				<Link to="/admin/partnership-days">← {t('admin.title')}</Link>
				{' · '}
				<Link to={`/partnership-day/${day.eventId}`}>{t('adminDay.partnerPage')}</Link>
			</p>
			<h1>{t('adminDay.title', { event: day.title })}</h1>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<p>{day.when}</p>
			{day.cancelled ? <p className="notice notice-warning">{t('day.cancelled')}</p> : null}
			<ul className="link-list day-links">
				<li>
					<Link to={`/admin/partnership-days/${day.eventId}/room`}>{t('adminDay.roomLink')}</Link>
				</li>
				<li>
					<Link to={`/admin/partnership-days/${day.eventId}/pledges`}>{t('adminDay.pledgesLink')}</Link>
				</li>
			</ul>

			{/* Not a landmark itself: the scrolling table is the region with this name (axe's landmark-unique). */}
			<section>
				<h2 id="registrations-heading">{t('adminDay.registrationsHeading')}</h2>
				<p>{signedUp.length === 0 ? t('attendees.none') : t('attendees.count', { count: signedUp.length })}</p>
				{signedUp.length > 0 ? (
					<ScrollingTable label={t('adminDay.registrationsHeading')}>
						<table>
							<thead>
								<tr>
									<th scope="col">{t('adminDay.partner')}</th>
									<th scope="col">{t('adminDay.offers')}</th>
									<th scope="col">{t('adminDay.seeks')}</th>
									<th scope="col">{t('adminDay.registeredBy')}</th>
								</tr>
							</thead>
							<tbody>
								{signedUp.map((registration) => (
									<tr key={registration.partnerId}>
										<th scope="row">{registration.name}</th>
										<td>
											<TagList tags={registration.offers} />
										</td>
										<td>
											<TagList tags={registration.seeks} />
										</td>
										<td>{registration.registeredBy ?? '–'}</td>
									</tr>
								))}
							</tbody>
						</table>
					</ScrollingTable>
				) : null}
			</section>

			<section aria-labelledby="rounds-heading" className="narrow">
				<h2 id="rounds-heading">{t('adminDay.roundsHeading')}</h2>
				<p>
					{roundsMade
						? t('adminDay.roundsMade', {
								rounds: loaderData.rounds,
								minutes: loaderData.roundMinutes ?? 0,
								start: loaderData.firstRound ?? '',
							})
						: t('adminDay.roundsNone')}
				</p>
				{loaderData.outdated ? <p className="notice notice-warning">{t('adminDay.outdated')}</p> : null}
				{signedUp.length < 2 ? (
					<p>{t('adminDay.tooFew')}</p>
				) : (
					<div className="card">
						<RoundsForm
							lastResult={actionData?.result}
							defaultValue={loaderData.defaults}
							maxRounds={loaderData.maxRounds}
							partners={signedUp.length}
							askToConfirm={(roundsMade && day.started) || Boolean(actionData?.confirm)}
							heading={roundsMade ? t('adminDay.generateAgainHeading') : t('adminDay.generateHeading')}
						/>
					</div>
				)}
			</section>
		</div>
	)
}
