import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import type { ActionPledgeAnswer } from '#db/schema.ts'

/**
 * What the partnership day's pages show: the notice on the event's page, tags, schedules and the
 * print button. Times arrive formatted by the loaders. Routes using these list 'partnership-day'
 * in their handle.
 */

/** On the event's own page: this event is a partnership day, and where its page is. */
export function PartnershipDayNotice({ href }: { href: string }) {
	const { t } = useTranslation('partnership-day')
	return (
		<p className="notice partnership-day-notice">
			{t('eventNotice.text')} <Link to={href}>{t('eventNotice.link')}</Link>
		</p>
	)
}

/** A table that may scroll sideways on a phone: a region keyboard users can reach and scroll. */
export function ScrollingTable({ label, children }: { label: string; children: ReactNode }) {
	return (
		<div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
			{children}
		</div>
	)
}

export function TagList({ tags, label }: { tags: readonly string[]; label?: string }) {
	const { t } = useTranslation('partnership-day')
	if (tags.length === 0) return <span className="muted">{t('attendees.noTags')}</span>
	return (
		<ul className="tag-list" aria-label={label}>
			{tags.map((tag) => (
				<li key={tag}>{tag}</li>
			))}
		</ul>
	)
}

/** Opens the browser's print dialog; print styles leave only the schedule on paper. */
export function PrintButton() {
	const { t } = useTranslation('partnership-day')
	return (
		<button type="button" className="secondary no-print" onClick={() => window.print()}>
			{t('schedule.print')}
		</button>
	)
}

export interface PartnerRoundView {
	round: number
	time: string | null
	table: number | null
	with: { name: string } | null
	theyOffer: string[]
	weOffer: string[]
}

/** One partner's rounds: when, which table, whom they meet and why. A table on wide screens, cards on a phone. */
export function PartnerSchedule({ rounds }: { rounds: readonly PartnerRoundView[] }) {
	const { t } = useTranslation('partnership-day')
	return (
		<table className="schedule-table">
			<thead>
				<tr>
					<th scope="col">{t('schedule.round')}</th>
					<th scope="col">{t('schedule.time')}</th>
					<th scope="col">{t('schedule.table')}</th>
					<th scope="col">{t('schedule.meets')}</th>
					<th scope="col">{t('schedule.why')}</th>
				</tr>
			</thead>
			<tbody>
				{rounds.map((round) => (
					<tr key={round.round}>
						<th scope="row" data-label={t('schedule.round')}>
							{round.round}
						</th>
						<td data-label={t('schedule.time')} className="schedule-time">
							{round.time ?? '–'}
						</td>
						{round.with ? (
							<>
								<td data-label={t('schedule.table')} className="table-number">
									{round.table}
								</td>
								<td data-label={t('schedule.meets')}>
									<strong>{round.with.name}</strong>
								</td>
								<td data-label={t('schedule.why')}>
									<MatchReasons theyOffer={round.theyOffer} weOffer={round.weOffer} />
								</td>
							</>
						) : (
							<td colSpan={3}>{t('schedule.sitsOut')}</td>
						)}
					</tr>
				))}
			</tbody>
		</table>
	)
}

function MatchReasons({ theyOffer, weOffer }: { theyOffer: readonly string[]; weOffer: readonly string[] }) {
	const { t } = useTranslation('partnership-day')
	if (theyOffer.length === 0 && weOffer.length === 0) return <span className="muted">{t('schedule.noMatch')}</span>
	return (
		<>
			{theyOffer.length > 0 ? <p>{t('schedule.theyOffer', { tags: theyOffer.join(', ') })}</p> : null}
			{weOffer.length > 0 ? <p>{t('schedule.weOffer', { tags: weOffer.join(', ') })}</p> : null}
		</>
	)
}

export function AnswerBadge({ answer }: { answer: ActionPledgeAnswer | null }) {
	const { t } = useTranslation('partnership-day')
	return <span className={`answer-badge answer-${answer ?? 'none'}`}>{t(`answers.${answer ?? 'none'}`)}</span>
}
