import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { Link } from 'react-router'
import type { HistoryEntry } from './history.server.ts'
import { ladderSteps, type LadderStep, type StepOrZero } from './rules.ts'

/**
 * The staircase: four blocks rising left to right, the person's step marked with a climber. It is
 * an ordered list, so a screen reader hears the four steps in order, which are done, and the
 * current one (aria-current="step"); the caption says it in a sentence.
 */
export function Staircase({
	step,
	size = 'large',
	celebrate = false,
	captionId,
	caption,
}: {
	step: StepOrZero
	size?: 'large' | 'small'
	celebrate?: boolean
	captionId: string
	/** Instead of "You are on step …", e.g. on a coordinator's page about someone else. */
	caption?: string
}) {
	const { t } = useTranslation('ladder')
	return (
		<figure className={`lad-staircase lad-${size}${celebrate ? ' lad-celebrate' : ''}`} aria-labelledby={captionId}>
			<ol className="lad-stairs" aria-label={t('staircase.label')}>
				{ladderSteps.map((s) => {
					const state = s < step ? 'done' : s === step ? 'current' : 'ahead'
					return (
						<li
							key={s}
							className={`lad-stair lad-stair-${s} lad-${state}`}
							aria-current={state === 'current' ? 'step' : undefined}
						>
							<span className="lad-marker-slot" aria-hidden="true">
								{state === 'current' ? <Climber /> : null}
							</span>
							<span className="lad-block" aria-hidden="true">
								<span className="lad-num">{s}</span>
							</span>
							<span className="lad-label">
								<span className="visually-hidden">{t('staircase.stepNumber', { step: s })}: </span>
								{t(`steps.${s}.title`)}
								<span className="visually-hidden">
									{' '}
									(
									{state === 'current'
										? caption
											? t('staircase.currentStep')
											: t('staircase.youAreHere')
										: state === 'done'
											? t('staircase.done')
											: t('staircase.ahead')}
									)
								</span>
							</span>
						</li>
					)
				})}
			</ol>
			<figcaption id={captionId} className="lad-caption">
				{caption ??
					(step === 0 ? t('staircase.notYet') : t('staircase.current', { step, title: t(`steps.${step}.title`) }))}
			</figcaption>
		</figure>
	)
}

/** A small figure standing on the current step, arms up. Decorative: the text says where. */
function Climber() {
	return (
		<svg className="lad-climber" viewBox="0 0 32 40" width="32" height="40" focusable="false">
			<circle cx="16" cy="7" r="5" />
			<path
				d="M16 13 L16 27 M16 16 L8 9 M16 16 L24 9 M16 27 L10 38 M16 27 L22 38"
				strokeWidth="3.5"
				strokeLinecap="round"
				fill="none"
			/>
		</svg>
	)
}

/** "3 of 4", as a bar with the same words for a screen reader. */
export function ProgressMeter({ label, have, need, id }: { label: string; have: number; need: number; id: string }) {
	const { t } = useTranslation('ladder')
	const shown = Math.min(have, need)
	return (
		<div className="lad-progress">
			<label htmlFor={id}>{label}</label>
			<div className="lad-progress-row">
				<progress id={id} max={need} value={shown}>
					{t('my.progress', { have: shown, need })}
				</progress>
				<span className="lad-progress-text">{t('my.progress', { have: shown, need })}</span>
			</div>
		</div>
	)
}

/** One line of history in words: which step to which, and why. */
export function historyReason(
	t: TFunction<'ladder'>,
	entry: Pick<HistoryEntry, 'source' | 'rule' | 'reason' | 'event' | 'changedBy'>,
	{ showWho = false } = {},
) {
	if (entry.source === 'coordinator') {
		return showWho && entry.changedBy
			? t('reason.coordinatorBy', { name: entry.changedBy, reason: entry.reason ?? '' })
			: t('reason.coordinator', { reason: entry.reason ?? '' })
	}
	if (entry.rule === 'attendance' && entry.event) return t('reason.attendanceAt', { event: entry.event.title })
	if (entry.rule === 'helping' && entry.event) return t('reason.helpingAt', { event: entry.event.title })
	return t(`reason.${entry.rule ?? 'signature'}`)
}

/** The history, newest first; `when` is formatted on the server so both renders agree. */
export function HistoryList({
	history,
	showWho = false,
}: {
	history: Array<HistoryEntry & { when: string; event: { titleLang?: 'sv' | 'en' } | null }>
	showWho?: boolean
}) {
	const { t } = useTranslation('ladder')
	if (history.length === 0) return <p>{t('my.noHistory')}</p>
	return (
		<ol className="lad-history">
			{history.map((entry) => (
				<li
					key={entry.id}
					className={`lad-history-item lad-${entry.to > entry.from ? 'up' : 'down'} lad-source-${entry.source}`}
				>
					<span className="lad-history-step">
						{entry.from === 0
							? t('reason.joined', { to: entry.to })
							: entry.to > entry.from
								? t('reason.up', { from: entry.from, to: entry.to })
								: t('reason.down', { from: entry.from, to: entry.to })}
					</span>
					<span className="lad-history-why">
						{entry.event && entry.source === 'rule' && entry.rule !== 'thresholds' ? (
							<>
								{entry.rule === 'helping' ? t('reason.helpingAtLink') : t('reason.attendanceAtLink')}{' '}
								<Link to={`/events/${entry.event.slug}`} lang={entry.event.titleLang}>
									{entry.event.title}
								</Link>
							</>
						) : (
							<bdi>{historyReason(t, entry, { showWho })}</bdi>
						)}
					</span>
					<time className="lad-history-when" dateTime={entry.changedAt}>
						{entry.when}
					</time>
				</li>
			))}
		</ol>
	)
}

/** The ladder on "My pledge": the small staircase, the next step in one line, and the way to the full page. */
export function LadderCard({ step, pending, children }: { step: StepOrZero; pending: boolean; children?: ReactNode }) {
	const { t } = useTranslation('ladder')
	return (
		<div className="card lad-card">
			<h2 className="small-heading">{t('my.cardTitle')}</h2>
			<Staircase step={step} size="small" captionId="ladder-card-caption" />
			{pending ? (
				<p>{t('my.confirmText')}</p>
			) : step >= 1 && step < 4 ? (
				<p>{t('my.cardNext', { title: t(`steps.${(step + 1) as LadderStep}.title`) })}</p>
			) : step === 4 ? (
				<p>{t('my.cardTop')}</p>
			) : null}
			<p>
				<Link to="/ladder">{t('my.openLadder')}</Link>
			</p>
			{children}
		</div>
	)
}

/**
 * Events the person came to or helped at, each linked to its page, with its date. `titleLang` says
 * which language the title is in when the page picked one for the reader.
 */
export function EventLinks({
	events,
}: {
	events: Array<{ slug: string; title: string; titleLang?: 'sv' | 'en'; when: string }>
}) {
	return (
		<ul>
			{events.map((e) => (
				<li key={e.slug}>
					<Link to={`/events/${e.slug}`} lang={e.titleLang}>
						{e.title}
					</Link>
					, {e.when}
				</li>
			))}
		</ul>
	)
}
