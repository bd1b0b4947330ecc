import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { Form, Link, useFetcher, useRevalidator } from 'react-router'
import { formatNumber } from '#app/common/format.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ErrorList, FormErrors, TextareaField, TextField } from '#app/ui/forms.tsx'
import type { Language, NewsletterStatus } from '#db/schema.ts'
import { createComposeSchema, limits } from './schemas.ts'
import { ladderStepChoices, residencies } from './segments.ts'
import type { NewsletterProgress, NewsletterStatistics } from './statistics.server.ts'

/** The sections of a newsletter's page (/admin/newsletters/:id), before and after it is sent. */

/** What the compose action answers when it does not redirect: errors, a preview, a count, a test. */
export type ComposeData = {
	result: SubmissionResult<string[]> | undefined
	previewHtml: string | null
	count: number | null
	tested: number | null
	/** "Send now" was pressed: the draft is saved and this many people would get it, once confirmed. */
	confirmSend?: number
	/** The number changed between asking and confirming, so the coordinator is asked again. */
	countChanged?: boolean
}

/** The compose form's starting values, as the form's fields hold them. */
export interface ComposeDefaults {
	title: string
	subjectSv: string
	preheaderSv: string
	bodySv: string
	subjectEn: string
	preheaderEn: string
	bodyEn: string
	steps: string[]
	districts: string
	residency: (typeof residencies)[number]
	eventId: string
	themeId: string
	signedFrom: string
	signedTo: string
	testAddresses: string
	storyId: string
	storyVersion: 'sv' | 'en'
	scheduledDate: string
	scheduledTime: string
}

export interface ComposeProps {
	newsletter: { title: string; status: NewsletterStatus }
	defaults: ComposeDefaults
	userEmail: string
	/** Districts people have given, a few shown as examples. */
	districts: string[]
	/** Events to choose an audience from, each with its date in the page's language. */
	events: Array<{ id: number; title: string; date: string }>
	/** Focus themes, for "follows the theme". */
	themes: Array<{ id: number; title: string }>
	/** The newest published partner stories, to place in a version; the date in the page's language. */
	stories: Array<{ id: number; title: string; partner: string | null; date: string }>
	/** When a scheduled newsletter goes out: the date in the page's language, the time as HH:MM. */
	scheduledFor: { date: string; time: string } | null
	previewHtml: string | null
	count: number | null
	actionData?: ComposeData
}

/**
 * A draft (or scheduled) newsletter: both languages, the audience with a live count, a preview
 * with the real template, test-sending, sending and scheduling.
 */
export function Compose(loaderData: ComposeProps) {
	// 'ladder' as well, for the steps' names: after a client-side navigation only the namespaces
	// named here are fetched, and a key of another one would show raw.
	const { t, i18n } = useTranslation(['newsletters', 'ladder'])
	const { actionData } = loaderData
	const live = useFetcher<ComposeData>()
	const formRef = useRef<HTMLFormElement>(null)
	const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
	const schema = createComposeSchema(t)
	const [form, fields] = useForm({
		id: 'compose',
		lastResult: actionData?.result,
		defaultValue: loaderData.defaults,
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldValidate: 'onSubmit',
		// While typing, not on blur: a message that vanished on blur moved the buttons below it up
		// between the press and the release of a click, and the click was lost (issue 12).
		shouldRevalidate: 'onInput',
	})
	// With JavaScript the preview and the count follow the form as the coordinator types.
	function refresh() {
		clearTimeout(timer.current)
		timer.current = setTimeout(() => {
			if (!formRef.current) return
			const formData = new FormData(formRef.current)
			formData.set('intent', 'preview')
			if (!formData.get('title')) formData.set('title', loaderData.newsletter.title)
			void live.submit(formData, { method: 'post' })
		}, 400)
	}
	useEffect(() => () => clearTimeout(timer.current), [])
	const liveData = live.data?.result?.status === 'error' ? undefined : live.data
	const previewHtml = liveData?.previewHtml ?? actionData?.previewHtml ?? loaderData.previewHtml
	const count = liveData?.count ?? actionData?.count ?? loaderData.count ?? 0
	const stepsField = fields.steps
	const chosenSteps = new Set(
		(stepsField.initialValue as string[] | string | undefined) ? [stepsField.initialValue].flat() : [],
	)
	const scheduledFor = loaderData.scheduledFor
	return (
		<>
			<Form method="post" className="form compose-form" ref={formRef} onChange={refresh} {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				{loaderData.newsletter.status === 'scheduled' && scheduledFor ? (
					<div className="notice">
						<p>{t('compose.scheduledFor', scheduledFor)}</p>
						<button type="submit" name="intent" value="cancel" className="secondary" formNoValidate>
							{t('control.unschedule')}
						</button>
					</div>
				) : null}
				<TextField meta={fields.title} label={t('compose.title')} hint={t('compose.titleHint')} />

				<div className="compose-columns">
					<div className="compose-main">
						{(['Sv', 'En'] as const).map((language) => (
							<fieldset key={language} lang={language.toLowerCase()}>
								<legend>{t(`compose.version${language}`)}</legend>
								<p className="hint">{t('compose.versionHint')}</p>
								<TextField meta={fields[`subject${language}`]} label={t('compose.subject')} />
								<TextField
									meta={fields[`preheader${language}`]}
									label={t('compose.preheader')}
									hint={t('compose.preheaderHint')}
									optional
								/>
								<TextareaField
									meta={fields[`body${language}`]}
									label={t('compose.body')}
									hint={t('compose.bodyHint')}
									rows={10}
								/>
							</fieldset>
						))}

						<PlaceStory stories={loaderData.stories} story={fields.storyId} version={fields.storyVersion} />

						<fieldset>
							<legend>{t('segment.title')}</legend>
							<p className="hint">{t('segment.hint')}</p>
							<fieldset className="inner">
								<legend>{t('segment.steps')}</legend>
								<div className="choice-list">
									{ladderStepChoices.map((step) => (
										<label key={step} className="choice">
											<input
												type="checkbox"
												name={stepsField.name}
												value={String(step)}
												defaultChecked={chosenSteps.has(String(step))}
											/>
											{t('segment.step', { step, name: t(`steps.${step}.title`, { ns: 'ladder' }) })}
										</label>
									))}
								</div>
							</fieldset>
							<TextField
								meta={fields.districts}
								label={t('segment.districts')}
								hint={t('segment.districtsHint', { examples: loaderData.districts.slice(0, 5).join(', ') || '–' })}
								optional
							/>
							<fieldset className="inner">
								<legend>{t('segment.residency')}</legend>
								<div className="choice-list">
									{residencies.map((value) => (
										<label key={value} className="choice">
											<input
												type="radio"
												name={fields.residency.name}
												value={value}
												defaultChecked={(fields.residency.initialValue ?? 'all') === value}
											/>
											{t(`segment.residencies.${value}`)}
										</label>
									))}
								</div>
							</fieldset>
							<div className="field">
								<label htmlFor={fields.eventId.id}>{t('segment.event')}</label>
								<select
									{...getInputProps(fields.eventId, { type: 'text' })}
									key={fields.eventId.key}
									defaultValue={fields.eventId.initialValue ?? ''}
								>
									<option value="">{t('segment.anyEvent')}</option>
									{loaderData.events.map((event) => (
										<option key={event.id} value={event.id}>
											{event.title} ({event.date})
										</option>
									))}
								</select>
							</div>
							<div className="field">
								<label htmlFor={fields.themeId.id}>{t('segment.theme')}</label>
								<select
									{...getInputProps(fields.themeId, { type: 'text' })}
									key={fields.themeId.key}
									defaultValue={fields.themeId.initialValue ?? ''}
								>
									<option value="">{t('segment.anyTheme')}</option>
									{loaderData.themes.map((theme) => (
										<option key={theme.id} value={theme.id}>
											{theme.title}
										</option>
									))}
								</select>
							</div>
							<div className="date-pair">
								<DateField
									name={fields.signedFrom.name}
									id={fields.signedFrom.id}
									errorId={fields.signedFrom.errorId}
									errors={fields.signedFrom.errors}
									defaultValue={fields.signedFrom.initialValue}
									label={t('segment.signedFrom')}
								/>
								<DateField
									name={fields.signedTo.name}
									id={fields.signedTo.id}
									errorId={fields.signedTo.errorId}
									errors={fields.signedTo.errors}
									defaultValue={fields.signedTo.initialValue}
									label={t('segment.signedTo')}
								/>
							</div>
							<p className="recipient-count" aria-live="polite">
								<strong>{t('segment.count', { count, formatted: formatNumber(count, i18n.language) })}</strong>
							</p>
							<p className="hint">{t('segment.always')}</p>
							<button type="submit" name="intent" value="count" className="secondary">
								{t('segment.updateCount')}
							</button>
						</fieldset>
					</div>

					<section className="compose-preview" aria-labelledby="preview-heading">
						<h2 id="preview-heading">{t('preview.title')}</h2>
						<fieldset className="inner">
							<legend>{t('preview.language')}</legend>
							<div className="choice-list horizontal">
								{(['sv', 'en'] as const).map((language) => (
									<label key={language} className="choice">
										<input type="radio" name="previewLanguage" value={language} defaultChecked={language === 'sv'} />
										{t(`preview.languages.${language}`)}
									</label>
								))}
							</div>
						</fieldset>
						<button type="submit" name="intent" value="preview" className="secondary">
							{t('preview.show')}
						</button>
						{previewHtml ? (
							<iframe
								className="preview-frame"
								title={t('preview.frame')}
								sandbox="allow-scripts"
								srcDoc={previewHtml}
							/>
						) : (
							<p className="hint">{t('preview.empty')}</p>
						)}
					</section>
				</div>

				<fieldset>
					<legend>{t('test.title')}</legend>
					<TextField
						meta={fields.testAddresses}
						label={t('test.addresses')}
						hint={t('test.hint', { email: loaderData.userEmail, max: limits.testAddresses })}
						optional
					/>
					{actionData?.tested ? (
						<p className="notice" role="status">
							{t('test.sent', { count: actionData.tested })}
						</p>
					) : null}
					<button type="submit" name="intent" value="test" className="secondary">
						{t('test.send')}
					</button>
				</fieldset>

				<fieldset>
					<legend>{t('send.title')}</legend>
					<p className="hint">{t('send.hint')}</p>
					<div className="date-pair">
						<DateField
							name={fields.scheduledDate.name}
							id={fields.scheduledDate.id}
							errorId={fields.scheduledDate.errorId}
							errors={fields.scheduledDate.errors}
							defaultValue={fields.scheduledDate.initialValue}
							label={t('send.date')}
						/>
						<div className="field">
							<label htmlFor={fields.scheduledTime.id}>{t('send.time')}</label>
							<input
								type="time"
								id={fields.scheduledTime.id}
								name={fields.scheduledTime.name}
								defaultValue={fields.scheduledTime.initialValue ?? ''}
								aria-invalid={fields.scheduledTime.errors?.length ? true : undefined}
								aria-describedby={fields.scheduledTime.errors?.length ? fields.scheduledTime.errorId : undefined}
							/>
							<ErrorList id={fields.scheduledTime.errorId} errors={fields.scheduledTime.errors} />
						</div>
					</div>
					<div className="button-row">
						<button type="submit" name="intent" value="save" className="secondary">
							{t('send.save')}
						</button>
						<button type="submit" name="intent" value="schedule" className="secondary">
							{t('send.schedule')}
						</button>
						<button type="submit" name="intent" value="send" className="primary">
							{t('send.now', { count, formatted: formatNumber(count, i18n.language) })}
						</button>
					</div>
				</fieldset>
			</Form>
			{actionData?.confirmSend !== undefined ? (
				<ConfirmSend count={actionData.confirmSend} changed={actionData.countChanged ?? false} />
			) : null}
		</>
	)
}

/**
 * The second step of "send now", a form of its own so it works without JavaScript: the number of
 * people it goes to, said once more, and a button that sends to exactly that number.
 */
function ConfirmSend({ count, changed }: { count: number; changed: boolean }) {
	const { t, i18n } = useTranslation('newsletters')
	const ref = useRef<HTMLElement>(null)
	// Focus moves here, so the question is read out and in view next to where the button was pressed.
	useEffect(() => ref.current?.focus(), [count, changed])
	const formatted = formatNumber(count, i18n.language)
	return (
		<section ref={ref} tabIndex={-1} className="notice confirm-send" aria-labelledby="confirm-send-heading">
			<h2 id="confirm-send-heading">{t('confirm.title')}</h2>
			{changed ? <p>{t('confirm.changed')}</p> : null}
			<p>{t('confirm.text', { count, formatted })}</p>
			<Form method="post" className="button-row">
				<input type="hidden" name="count" value={count} />
				<button type="submit" name="intent" value="confirm-send" className="primary">
					{t('confirm.yes', { count, formatted })}
				</button>
				<Link to="." className="button secondary">
					{t('confirm.no')}
				</Link>
			</Form>
		</section>
	)
}

/**
 * Partner stories (issue 11): choose a published one and the version it goes into; the server
 * adds it to the end of that version's text and saves the draft.
 */
function PlaceStory({
	stories,
	story,
	version,
}: {
	stories: ComposeProps['stories']
	story: FieldMetadata<string>
	version: FieldMetadata<'sv' | 'en'>
}) {
	const { t } = useTranslation('newsletters')
	return (
		<fieldset>
			<legend>{t('compose.stories')}</legend>
			{stories.length === 0 ? (
				<p>{t('compose.noStories')}</p>
			) : (
				<>
					<p className="hint">{t('compose.storiesHint')}</p>
					<div className="field">
						<label htmlFor={story.id}>{t('compose.story')}</label>
						<select {...getInputProps(story, { type: 'text' })} key={story.key} defaultValue={story.initialValue ?? ''}>
							<option value="">{t('compose.chooseStory')}</option>
							{stories.map((s) => (
								<option key={s.id} value={s.id}>
									{s.title} ({[s.partner, s.date].filter(Boolean).join(', ')})
								</option>
							))}
						</select>
						<ErrorList id={story.errorId} errors={story.errors} />
					</div>
					<fieldset className="inner">
						<legend>{t('compose.storyVersion')}</legend>
						<div className="choice-list horizontal">
							{(['sv', 'en'] as const).map((language) => (
								<label key={language} className="choice">
									<input
										type="radio"
										name={version.name}
										value={language}
										defaultChecked={(version.initialValue ?? 'sv') === language}
									/>
									{t(language === 'sv' ? 'compose.versionSv' : 'compose.versionEn')}
								</label>
							))}
						</div>
					</fieldset>
					<button type="submit" name="intent" value="place-story" className="secondary">
						{t('compose.placeStory')}
					</button>
				</>
			)}
		</fieldset>
	)
}

function DateField({
	name,
	id,
	errorId,
	errors,
	defaultValue,
	label,
}: {
	name: string
	id: string
	errorId: string
	errors?: string[]
	defaultValue?: string
	label: string
}) {
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<input
				type="date"
				id={id}
				name={name}
				defaultValue={defaultValue ?? ''}
				aria-invalid={errors?.length ? true : undefined}
				aria-describedby={errors?.length ? errorId : undefined}
			/>
			<ErrorList id={errorId} errors={errors} />
		</div>
	)
}

export interface SendingProps {
	newsletter: { status: NewsletterStatus }
	progress: NewsletterProgress | null
	statistics: NewsletterStatistics | null
	subjects: Array<{ language: Language; subject: string }>
}

/** A newsletter on its way or sent: progress (followed live), pause/resume/cancel, statistics. */
export function Sending(loaderData: SendingProps) {
	const { t, i18n } = useTranslation('newsletters')
	const { newsletter, progress, statistics } = loaderData
	const revalidator = useRevalidator()
	const active = newsletter.status === 'queueing' || newsletter.status === 'sending'
	// While it is being sent the page follows along, every two seconds.
	useEffect(() => {
		if (!active) return
		const interval = setInterval(() => {
			if (revalidator.state === 'idle') void revalidator.revalidate()
		}, 2000)
		return () => clearInterval(interval)
	}, [active, revalidator])
	if (!progress || !statistics) return null
	const n = (value: number) => formatNumber(value, i18n.language)
	const done = progress.sent + progress.failed + progress.cancelled
	return (
		<>
			<section aria-labelledby="progress-heading">
				<h2 id="progress-heading">{t('progress.title')}</h2>
				<label htmlFor="progress-bar" className="visually-hidden">
					{t('progress.label')}
				</label>
				<progress id="progress-bar" className="send-progress" max={Math.max(progress.recipients, 1)} value={done}>
					{n(done)} / {n(progress.recipients)}
				</progress>
				<dl className="figures" aria-live="polite">
					<div>
						<dt>{t('progress.queued')}</dt>
						<dd>{n(progress.waiting)}</dd>
					</div>
					<div>
						<dt>{t('progress.sent')}</dt>
						<dd>{n(progress.sent)}</dd>
					</div>
					<div>
						<dt>{t('progress.failed')}</dt>
						<dd>{n(progress.failed)}</dd>
					</div>
					<div>
						<dt>{t('progress.cancelled')}</dt>
						<dd>{n(progress.cancelled)}</dd>
					</div>
				</dl>
				<Form method="post" className="button-row">
					{newsletter.status === 'sending' ? (
						<button type="submit" name="intent" value="pause" className="secondary">
							{t('control.pause')}
						</button>
					) : null}
					{newsletter.status === 'paused' ? (
						<button type="submit" name="intent" value="resume" className="primary">
							{t('control.resume')}
						</button>
					) : null}
					{['queueing', 'sending', 'paused'].includes(newsletter.status) ? (
						<button type="submit" name="intent" value="cancel" className="danger">
							{t('control.cancel')}
						</button>
					) : null}
				</Form>
			</section>
			<section aria-labelledby="statistics-heading">
				<h2 id="statistics-heading">{t('statistics.title')}</h2>
				<p className="hint">{t('statistics.hint')}</p>
				<dl className="figures">
					{(['recipients', 'delivered', 'bounced', 'complained', 'unsubscribed'] as const).map((key) => (
						<div key={key}>
							<dt>{t(`statistics.${key}`)}</dt>
							<dd>{n(statistics[key])}</dd>
						</div>
					))}
				</dl>
			</section>
			<section aria-labelledby="content-heading">
				<h2 id="content-heading">{t('compose.content')}</h2>
				<ul>
					{loaderData.subjects.map((s) => (
						<li key={s.language}>
							{t(`preview.languages.${s.language}`)}: {s.subject}
						</li>
					))}
				</ul>
			</section>
		</>
	)
}
