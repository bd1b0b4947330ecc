import { Link } from 'react-router'
import type { Route } from './+types/admin-partnership-day-room'
import { formatTimeRange } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { PrintButton } from '#app/partnership-day/components.tsx'
import { coordinatorsDayPage } from '#app/partnership-day/partnership-day.server.ts'
import { roomSchedule } from '#app/partnership-day/rounds.server.ts'
import '#app/partnership-day/partnership-day.css'

export const handle: I18nHandle = { i18n: ['partnership-day'] }

/** The room's schedule, every round and every table, to print and pin up (print CSS drops the site's frame). */

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

export async function loader({ request, params }: Route.LoaderArgs) {
	const { db, t, language, head, day, view } = await coordinatorsDayPage(request, params.eventId)
	const rounds = await roomSchedule(db, day)
	return {
		...head(t('room.title', { event: view.title })),
		day: view,
		rounds: rounds.map((round) => ({
			...round,
			time:
				round.startsAt && round.endsAt
					? formatTimeRange(round.startsAt, round.endsAt, language, config.timeZone)
					: null,
		})),
	}
}

export default function RoomSchedule({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('partnership-day')
	const { day, rounds } = loaderData
	return (
		<article className="page room-schedule">
			<p className="no-print breadcrumb">
				<Link to={`/admin/partnership-days/${day.eventId}`}>← {t('room.back')}</Link>
			</p>
			<h1>{t('room.title', { event: day.title })}</h1>
			<p>
				{day.when}
				{day.place ? `, ${day.place}` : ''}
			</p>
			{rounds.length === 0 ? (
				<p>{t('room.none')}</p>
			) : (
				<p className="no-print">
					<PrintButton />
				</p>
			)}
			{rounds.map((round) => (
				<section key={round.round} aria-labelledby={`round-${round.round}`} className="room-round">
					<h2 id={`round-${round.round}`}>
						{round.time
							? t('room.roundAt', { round: round.round, time: round.time })
							: t('room.round', { round: round.round })}
					</h2>
					<table>
						<thead>
							<tr>
								<th scope="col">{t('room.table')}</th>
								<th scope="col">{t('room.partners')}</th>
								<th scope="col">{t('room.matched')}</th>
							</tr>
						</thead>
						<tbody>
							{round.meetings.map((meeting) => (
								<tr key={meeting.table}>
									<th scope="row" className="table-number">
										{meeting.table}
									</th>
									<td>
										{meeting.a.name}
										<br />
										{meeting.b.name}
									</td>
									<td>
										{meeting.aOffersBSeeks.length > 0 ? (
											<p>{t('room.offersTo', { partner: meeting.a.name, tags: meeting.aOffersBSeeks.join(', ') })}</p>
										) : null}
										{meeting.bOffersASeeks.length > 0 ? (
											<p>{t('room.offersTo', { partner: meeting.b.name, tags: meeting.bOffersASeeks.join(', ') })}</p>
										) : null}
										{meeting.score === 0 ? <span className="muted">{t('schedule.noMatch')}</span> : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
					{round.sitsOut ? <p>{t('room.sitsOut', { partner: round.sitsOut.name })}</p> : null}
				</section>
			))}
		</article>
	)
}
