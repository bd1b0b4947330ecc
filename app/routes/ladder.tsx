import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/ladder'
import { requireUser } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate, formatEventWhen } from '#app/common/format.ts'
import { withTitleIn } from '#app/events/languages.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { EventLinks, HistoryList, ProgressMeter, Staircase } from '#app/ladder/components.tsx'
import { setVolunteerInterests } from '#app/ladder/interests.server.ts'
import { evaluateLadder, markStepSeen, setLevelUpEmails } from '#app/ladder/ladder.server.ts'
import { myLadder, type SuggestedEvent, type SuggestedShift } from '#app/ladder/my-ladder.server.ts'
import { volunteerInterests } from '#app/ladder/rules.ts'
import { myLadderSchema } from '#app/ladder/schemas.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { getDb } from '#db/index.ts'
import '#app/ladder/ladder.css'

export const handle: I18nHandle = { i18n: ['ladder', 'events', 'pledge'] }

/** My ladder: where I stand, how I got here, one next step chosen for me, and what I would help with. */

/** The confirmations this page shows after saving (app/common/flash.ts). */
const messages = {
	interests: 'interests.saved',
	'email-on': 'emailSetting.savedOn',
	'email-off': 'emailSetting.savedOff',
} as const

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const db = getDb()
	const now = new Date()
	// Catch up on anything the rules have not seen yet (an event that has ended since).
	await evaluateLadder(db, user.id, now)
	const [language, t, ladder] = await Promise.all([
		getLanguage(request),
		getT(request, 'ladder'),
		myLadder(db, user.id, now),
	])
	if (ladder.newStep) await markStepSeen(db, user.id)
	// Each event with its title in the reader's language and when it is.
	const event = <E extends SuggestedEvent>(e: E) => ({
		...withTitleIn(e, language),
		when: formatEventWhen(e.startsAt, e.endsAt, language, config.timeZone),
	})
	const shift = (s: SuggestedShift) => ({
		...s,
		event: withTitleIn(s.event, language),
		when: formatEventWhen(s.event.startsAt, s.event.endsAt, language, config.timeZone),
	})
	const date = (iso: string) => formatDate(iso, language, config.timeZone)
	const next = ladder.next
	return {
		title: t('title'),
		flash: readFlash(new URL(request.url), messages),
		step: ladder.step,
		newStep: ladder.newStep,
		signatureStatus: ladder.signatureStatus,
		settings: ladder.settings,
		attended: ladder.attended.map((e) => ({ ...withTitleIn(e, language), when: date(e.startsAt) })),
		helped: ladder.helped.map((e) => ({ ...withTitleIn(e, language), when: date(e.startsAt) })),
		history: ladder.history.map((h) => ({
			...h,
			event: h.event ? withTitleIn(h.event, language) : null,
			when: date(h.changedAt),
		})),
		interests: ladder.interests,
		levelUpEmails: ladder.levelUpEmails,
		next:
			next.kind === 'event'
				? { ...next, going: next.going.map(event), events: next.events.map(event) }
				: next.kind === 'help'
					? { ...next, mine: next.mine.map(shift), shifts: next.shifts.map(shift) }
					: next.kind === 'plan'
						? { ...next, planning: next.planning.map(event), shifts: next.shifts.map(shift) }
						: next.kind === 'top'
							? { ...next, shifts: next.shifts.map(shift) }
							: next,
	}
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const db = getDb()
	const submission = parseWithZod(await request.formData(), { schema: myLadderSchema })
	if (submission.status !== 'success') return data({ error: 'form.invalid' }, { status: 400 })
	const value = submission.value
	if (value.intent === 'interests') {
		await setVolunteerInterests(db, user.id, value.interests)
		return redirect(withFlash('/ladder#interests-title', 'interests'), 303)
	}
	const on = value.levelUpEmails === 'on'
	await setLevelUpEmails(db, user.id, on)
	return redirect(withFlash('/ladder#email-setting', on ? 'email-on' : 'email-off'), 303)
}

type LoaderData = Route.ComponentProps['loaderData']

export default function Ladder({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('ladder')
	const { step, newStep, flash } = loaderData
	const onLadder = step !== 0
	return (
		<div className="page lad-page">
			<h1>{t('title')}</h1>
			<p className="lead">{t('lead')}</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			{newStep && onLadder ? (
				<p className="notice lad-celebration" role="status">
					<strong>{t('my.celebrate', { step, title: t(`steps.${step}.title`) })}</strong>
					{step === 4 ? t('my.celebrateTop') : t(`steps.${step}.text`)}
				</p>
			) : null}

			<div className="lad-top">
				<section aria-labelledby="staircase-caption">
					<Staircase step={step} celebrate={newStep} captionId="staircase-caption" />
					<ol className="visually-hidden">
						{([1, 2, 3, 4] as const).map((s) => (
							<li key={s}>
								{t(`steps.${s}.title`)}: {t(`steps.${s}.text`)}
							</li>
						))}
					</ol>
				</section>
				<NextStep {...loaderData} />
			</div>

			{onLadder ? (
				<section aria-labelledby="how-title" className="lad-section">
					<h2 id="how-title">{t('my.howTitle')}</h2>
					<div className="lad-two">
						<div className="lad-facts">
							<p>{t('my.signedOn')}</p>
							{loaderData.attended.length === 0 ? (
								<p>{t('my.attendedNone')}</p>
							) : (
								<>
									<p>{t('my.attended', { count: loaderData.attended.length })}</p>
									<EventLinks events={loaderData.attended.slice(0, 8)} />
								</>
							)}
							{loaderData.helped.length > 0 ? (
								<>
									<p>
										{t('my.helped', {
											count: loaderData.helped.length,
											window: t('window', { count: loaderData.settings.helperWindowMonths }),
										})}
									</p>
									<EventLinks events={loaderData.helped.slice(0, 8)} />
								</>
							) : null}
						</div>
						<div>
							<h3>{t('my.historyTitle')}</h3>
							<HistoryList history={loaderData.history} />
						</div>
					</div>
				</section>
			) : null}

			<section aria-labelledby="rules-title" className="lad-section">
				<h2 id="rules-title">{t('my.rulesTitle')}</h2>
				<Rules settings={loaderData.settings} />
			</section>

			{onLadder ? (
				<>
					<Interests interests={loaderData.interests} />
					<EmailSetting on={loaderData.levelUpEmails} />
				</>
			) : null}
		</div>
	)
}

export function Rules({ settings }: { settings: LoaderData['settings'] }) {
	const { t } = useTranslation('ladder')
	return (
		<ul className="lad-rules">
			<li>{t('rules.step1')}</li>
			<li>{t('rules.step2', { count: settings.eventsForStep2 })}</li>
			<li>
				{t('rules.step3', {
					count: settings.helperEventsForStep3,
					window: t('window', { count: settings.helperWindowMonths }),
				})}{' '}
				{t('rules.done')}
			</li>
			<li>{t('rules.step4')}</li>
			<li>{t('rules.never')}</li>
			<li>{t('model')}</li>
		</ul>
	)
}

function NextStep({ next, settings, attended, helped, step }: LoaderData) {
	const { t } = useTranslation('ladder')
	return (
		<section aria-labelledby="next-title" className="card lad-next">
			<h2 id="next-title">{step === 4 ? t('next.top.shiftsTitle') : t('my.nextTitle')}</h2>
			{next.kind === 'sign' ? (
				<>
					<p>{t('next.sign')}</p>
					<Link to="/sign" className="button primary">
						{t('my.signCta')}
					</Link>
				</>
			) : next.kind === 'confirm' ? (
				<p>{t('next.confirm')}</p>
			) : next.kind === 'event' ? (
				<>
					{next.going.length > 0 ? (
						<>
							<p>{t('next.event.goingIntro')}</p>
							<EventSuggestions events={next.going} />
						</>
					) : (
						<p>{t('next.event.intro')}</p>
					)}
					{next.events.length > 0 ? (
						<EventSuggestions events={next.going.length > 0 ? next.events.slice(0, 1) : next.events} />
					) : next.going.length === 0 ? (
						<p>{t('next.event.none')}</p>
					) : null}
					<ProgressMeter
						id="progress-events"
						label={t('my.progressEvents')}
						have={attended.length}
						need={settings.eventsForStep2}
					/>
					<p>
						<Link to="/events">{t('my.seeAll')}</Link>
					</p>
				</>
			) : next.kind === 'help' ? (
				<>
					<p>
						{t('next.help.intro', {
							count: settings.helperEventsForStep3,
							within: t('within', { count: settings.helperWindowMonths }),
						})}
					</p>
					{next.mine.length > 0 ? (
						<>
							<p>{t('next.help.mineIntro')}</p>
							<ShiftSuggestions shifts={next.mine} />
						</>
					) : null}
					{next.shifts.length > 0 ? (
						<ShiftSuggestions shifts={next.shifts} />
					) : next.mine.length === 0 ? (
						<p>{t('next.help.none')}</p>
					) : null}
					<ProgressMeter
						id="progress-helped"
						label={t('my.progressHelped', { window: t('window', { count: settings.helperWindowMonths }) })}
						have={helped.length}
						need={settings.helperEventsForStep3}
					/>
				</>
			) : next.kind === 'plan' ? (
				<>
					<p>{t('next.plan.intro')}</p>
					<h3>{t('next.plan.planningTitle')}</h3>
					{next.planning.length > 0 ? <EventSuggestions events={next.planning} /> : <p>{t('next.plan.none')}</p>}
					{next.shifts.length > 0 ? (
						<>
							<h3>{t('next.plan.shiftsTitle')}</h3>
							<ShiftSuggestions shifts={next.shifts} />
						</>
					) : null}
					<p>
						{t('next.plan.contact')} <a href="#interests-title">{t('interests.title')}</a>
					</p>
				</>
			) : (
				<>
					<p>{t('next.top.intro')}</p>
					{next.shifts.length > 0 ? <ShiftSuggestions shifts={next.shifts} /> : null}
				</>
			)}
		</section>
	)
}

function EventSuggestions({ events }: { events: Array<SuggestedEvent & { when: string; titleLang: 'sv' | 'en' }> }) {
	const { t } = useTranslation('ladder')
	const { t: tp } = useTranslation('pledge')
	const { t: te } = useTranslation('events')
	return (
		<ul className="lad-suggestions">
			{events.map((e) => (
				<li key={e.slug} className="lad-suggestion">
					<Link to={`/events/${e.slug}`} lang={e.titleLang}>
						{e.title}
					</Link>
					<p>
						{e.when}
						{e.place ? ` · ${e.place}` : ''}
					</p>
					<p>
						{te(`types.${e.type}`, { defaultValue: e.type })}
						{e.placesLeft !== null && !e.going ? ` · ${t('next.event.placesLeft', { count: e.placesLeft })}` : ''}
					</p>
					{e.fits ? (
						<span className="lad-tag">
							{t('next.event.fits', { category: tp(`categories.${e.fits}`).toLowerCase() })}
						</span>
					) : null}
				</li>
			))}
		</ul>
	)
}

function ShiftSuggestions({
	shifts,
}: {
	shifts: Array<SuggestedShift & { when: string; event: { titleLang: 'sv' | 'en' } }>
}) {
	const { t } = useTranslation('ladder')
	return (
		<ul className="lad-suggestions">
			{shifts.map((s) => (
				<li key={s.shiftId} className="lad-suggestion">
					<Link to={`/events/${s.event.slug}#helpers-heading`} lang={s.event.titleLang}>
						{s.event.title}
					</Link>
					<p>{t('next.help.shift', { title: s.title, taken: s.taken, count: s.needed })}</p>
					<p>
						{s.when}
						{s.event.place ? ` · ${s.event.place}` : ''}
					</p>
				</li>
			))}
		</ul>
	)
}

function Interests({ interests }: { interests: string[] }) {
	const { t } = useTranslation('ladder')
	return (
		<section aria-labelledby="interests-title" className="lad-section">
			<h2 id="interests-title" tabIndex={-1}>
				{t('interests.title')}
			</h2>
			<p className="hint">{t('interests.hint')}</p>
			<Form method="post" className="form" preventScrollReset>
				<input type="hidden" name="intent" value="interests" />
				<fieldset>
					<legend>{t('interests.legend')}</legend>
					<div className="lad-choices">
						{volunteerInterests.map((interest) => (
							<label key={interest} className="lad-choice">
								<input
									type="checkbox"
									name="interests"
									value={interest}
									defaultChecked={interests.includes(interest)}
								/>
								{t(`interests.${interest}`)}
							</label>
						))}
					</div>
				</fieldset>
				<div className="button-row">
					<button type="submit" className="primary">
						{t('interests.save')}
					</button>
				</div>
			</Form>
		</section>
	)
}

function EmailSetting({ on }: { on: boolean }) {
	const { t } = useTranslation('ladder')
	return (
		<section aria-labelledby="email-setting-title" className="lad-section" id="email-setting">
			<h2 id="email-setting-title">{t('emailSetting.title')}</h2>
			<Form method="post" className="form" preventScrollReset>
				<input type="hidden" name="intent" value="email-setting" />
				<div className="field field-checkbox">
					<input
						type="checkbox"
						id="level-up-emails"
						name="levelUpEmails"
						value="on"
						defaultChecked={on}
						aria-describedby="level-up-emails-hint"
					/>
					<label htmlFor="level-up-emails">{t('emailSetting.label')}</label>
					<p id="level-up-emails-hint" className="hint">
						{t('emailSetting.hint')}
					</p>
				</div>
				<div className="button-row">
					<button type="submit" className="secondary">
						{t('emailSetting.save')}
					</button>
				</div>
			</Form>
		</section>
	)
}
