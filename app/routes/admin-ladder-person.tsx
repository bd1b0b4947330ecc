import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-ladder-person'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { EventLinks, HistoryList, Staircase } from '#app/ladder/components.tsx'
import { evaluateLadder, setStepByCoordinator } from '#app/ladder/ladder.server.ts'
import { personForCoordinator } from '#app/ladder/coordinators.server.ts'
import { ladderSteps } from '#app/ladder/rules.ts'
import { createCoordinatorChangeSchema, limits } from '#app/ladder/schemas.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate } from '#app/common/format.ts'
import { idOr404 } from '#app/common/params.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { ErrorList, FormErrors } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/ladder/ladder.css'

export const handle: I18nHandle = { i18n: ['ladder'] }

/** One person on the ladder, for a coordinator: the facts, the history, and raise or lower with a reason. */

/** The confirmations this page shows after a change (app/common/flash.ts). */
const messages = { changed: 'person.saved', unchanged: 'person.unchanged' } as const

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request, params }: Route.LoaderArgs) {
	await requirePermission(request, 'members:manage')
	const db = getDb()
	const userId = idOr404(params.userId)
	await evaluateLadder(db, userId)
	const person = await personForCoordinator(db, userId)
	if (!person) throw new Response('Not found', { status: 404 })
	const [language, t] = [await getLanguage(request), await getT(request, 'ladder')]
	const date = (iso: string) => formatDate(iso, language, config.timeZone)
	return {
		title: t('person.title', { name: person.name }),
		flash: readFlash(new URL(request.url), messages),
		person: {
			...person,
			history: person.history.map((h) => ({ ...h, when: date(h.changedAt) })),
			attended: person.attended.map((e) => ({ ...e, when: date(e.startsAt) })),
			helped: person.helped.map((e) => ({ ...e, when: date(e.startsAt) })),
		},
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const coordinator = await requirePermission(request, 'members:manage')
	const userId = idOr404(params.userId)
	const t = await getT(request, 'ladder')
	const submission = parseWithZod(await request.formData(), { schema: createCoordinatorChangeSchema(t) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { step, reason } = submission.value
	const outcome = await setStepByCoordinator(getDb(), {
		userId,
		step: step as (typeof ladderSteps)[number],
		reason,
		coordinatorId: coordinator.id,
	})
	if (outcome.kind === 'not-signed')
		return data({ result: submission.reply({ formErrors: [t('person.notSigned')] }) }, { status: 400 })
	return redirect(withFlash(`/admin/ladder/${userId}`, outcome.kind), 303)
}

export default function AdminLadderPerson({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('ladder')
	const { person, flash } = loaderData
	const [form, fields] = useForm({
		id: 'change-step',
		lastResult: actionData?.result,
		constraint: getZodConstraint(createCoordinatorChangeSchema(t)),
		defaultValue: { step: String(person.step || 1) },
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createCoordinatorChangeSchema(t) }),
	})
	const reasonProps = getTextareaProps(fields.reason)
	return (
		<div className="page lad-admin">
			<p>
				<Link to="/admin/ladder">← {t('person.back')}</Link>
			</p>
			<h1>
				<bdi>{loaderData.title}</bdi>
			</h1>
			<p className="lead">
				{person.email}
				{person.district ? (
					<>
						{' · '}
						<bdi>{person.district}</bdi>
					</>
				) : null}
			</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			{!person.confirmed ? <p className="notice">{t('person.notSigned')}</p> : null}

			<div className="lad-two">
				<section aria-labelledby="person-caption">
					<Staircase
						step={person.step}
						size="small"
						captionId="person-caption"
						caption={
							person.step
								? t('person.current', { step: person.step, title: t(`steps.${person.step}.title`) })
								: t('person.notSigned')
						}
					/>
					{person.ruleStep !== person.step && person.confirmed ? (
						<p className="lad-note">{t('person.rulesSay', { step: person.ruleStep })}</p>
					) : null}
					<h2>{t('person.facts')}</h2>
					<p>{t('person.attended', { count: person.attended.length })}</p>
					<EventLinks events={person.attended.slice(0, 10)} />
					<p>
						{t('person.helped', {
							count: person.helped.length,
							window: t('window', { count: person.settings.helperWindowMonths }),
						})}
					</p>
					<EventLinks events={person.helped} />
					<p>
						{t('admin.interests')}:{' '}
						{person.interests.length
							? person.interests.map((i) => t(`interests.${i}`)).join(', ')
							: t('interests.none')}
					</p>
				</section>

				{person.confirmed ? (
					<section aria-labelledby="change-title" className="card">
						<h2 id="change-title">{t('person.changeTitle')}</h2>
						<p className="hint">{t('person.changeLead')}</p>
						<Form method="post" className="form" {...getFormProps(form)}>
							<FormErrors id={form.errorId} errors={form.errors} />
							<fieldset aria-describedby={fields.step.errors?.length ? fields.step.errorId : undefined}>
								<legend>{t('person.newStep')}</legend>
								<div className="lad-steps-choice">
									{ladderSteps.map((s) => (
										<label key={s}>
											<input
												type="radio"
												name={fields.step.name}
												value={s}
												defaultChecked={String(fields.step.initialValue) === String(s)}
											/>
											{s}. {t(`steps.${s}.title`)}
										</label>
									))}
								</div>
								<ErrorList id={fields.step.errorId} errors={fields.step.errors} />
							</fieldset>
							<div className="field">
								<label htmlFor={fields.reason.id}>{t('person.reason')}</label>
								<p id={`${fields.reason.id}-hint`} className="hint">
									{t('person.reasonHint')}
								</p>
								<textarea
									{...reasonProps}
									key={reasonProps.key}
									rows={3}
									maxLength={limits.reason}
									aria-invalid={fields.reason.errors?.length ? true : undefined}
									aria-describedby={[
										`${fields.reason.id}-hint`,
										fields.reason.errors?.length ? fields.reason.errorId : '',
									]
										.filter(Boolean)
										.join(' ')}
								/>
								<ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
							</div>
							<div className="button-row">
								<button type="submit" className="primary">
									{t('person.save')}
								</button>
							</div>
						</Form>
					</section>
				) : null}
			</div>

			<section aria-labelledby="history-title" className="lad-section">
				<h2 id="history-title">{t('person.historyTitle')}</h2>
				<HistoryList history={person.history} showWho />
			</section>
		</div>
	)
}
