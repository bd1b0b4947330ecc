import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, redirect } from 'react-router'
import type { Route } from './+types/admin-awards'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatMonth } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { awardMonth, decideAward, nominationsFor } from '#app/stories/awards.server.ts'
import { AwardCard } from '#app/stories/components.tsx'
import { createAwardSchema, monthParam } from '#app/stories/schemas.ts'
import { ErrorList, FormErrors, TextareaField } from '#app/ui/forms.tsx'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { coordinatorsPage } from '#app/stories/pages.server.ts'
import { getDb } from '#db/index.ts'
import '#app/stories/stories.css'

export const handle: I18nHandle = { i18n: ['stories'] }

const messages = { awarded: 'flash.awarded' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

/** A month's nominations (this month unless ?month=YYYY-MM) and the coordinators' choice of winner. */
export async function loader({ request }: Route.LoaderArgs) {
	const { t, language, head } = await coordinatorsPage(request)
	const url = new URL(request.url)
	const month = monthParam(url.searchParams.get('month')) ?? awardMonth()
	const { nominations, award } = await nominationsFor(getDb(), month)
	return {
		...head(t('adminAwards.title')),
		month,
		monthName: formatMonth(month, language),
		nominations,
		award,
		flash: readFlash(url, messages),
	}
}

export async function action({ request }: Route.ActionArgs) {
	const { coordinator, t } = await coordinatorsPage(request)
	const submission = parseWithZod(await request.formData(), { schema: createAwardSchema(t) })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const outcome = await decideAward(getDb(), submission.value, coordinator.id)
	if (!outcome.ok) {
		const message = outcome.reason === 'already' ? t('errors.alreadyAwarded') : t('errors.unknownNomination')
		return data(submission.reply({ fieldErrors: { nominationId: [message] } }), { status: 400 })
	}
	return redirect(withFlash(`/admin/awards?month=${submission.value.month}`, 'awarded'), 303)
}

export default function AdminAwards({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('stories')
	const { month, monthName, nominations, award, flash } = loaderData
	const [form, fields] = useForm({
		id: `award-${month}`,
		lastResult: actionData,
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createAwardSchema(t) }),
	})
	const choice = fields.nominationId
	return (
		<div className="page narrow">
			<h1>{t('adminAwards.title')}</h1>
			<p className="lead">{t('adminAwards.lead')}</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<Form method="get" className="button-row">
				<div className="field">
					<label htmlFor="award-month">{t('adminAwards.month')}</label>
					<input id="award-month" type="month" name="month" defaultValue={month} />
				</div>
				<button type="submit" className="secondary">
					{t('adminAwards.show')}
				</button>
			</Form>
			<h2>{monthName}</h2>
			{award ? <AwardCard award={award} showMonth={false} /> : null}
			{nominations.length === 0 ? (
				<p>{t('adminAwards.none', { month: monthName })}</p>
			) : award ? (
				<ul className="nomination-list">
					{nominations.map((nomination) => (
						<li key={nomination.id} className="card stack">
							<NominationText nomination={nomination} />
						</li>
					))}
				</ul>
			) : (
				<Form method="post" className="form stack" {...getFormProps(form)}>
					<input type="hidden" name="month" value={month} />
					<FormErrors id={form.errorId} errors={form.errors} />
					<fieldset aria-describedby={choice.errors?.length ? choice.errorId : undefined}>
						<legend>{t('adminAwards.winner')}</legend>
						<ul className="nomination-list">
							{nominations.map((nomination) => (
								<li key={nomination.id} className="card nomination-choice">
									<input
										type="radio"
										id={`nomination-${nomination.id}`}
										name={choice.name}
										value={nomination.id}
										aria-describedby={`nomination-${nomination.id}-text`}
									/>
									<div className="stack" id={`nomination-${nomination.id}-text`}>
										<label htmlFor={`nomination-${nomination.id}`}>
											<strong>
												<bdi>{nomination.nominee_name}</bdi>
											</strong>{' '}
											({t(`awards.kind.${nomination.nominee_kind}`)}
											{nomination.sameNominee > 1
												? `, ${t('adminAwards.count', { count: nomination.sameNominee })}`
												: ''}
											)
										</label>
										<NominationText nomination={nomination} withName={false} />
									</div>
								</li>
							))}
						</ul>
						<ErrorList id={choice.errorId} errors={choice.errors} />
					</fieldset>
					<TextareaField
						meta={fields.citation}
						label={t('adminAwards.citation')}
						hint={t('adminAwards.citationHint')}
						rows={3}
					/>
					<div className="button-row">
						<button type="submit" className="primary">
							{t('adminAwards.decide')}
						</button>
					</div>
				</Form>
			)}
		</div>
	)
}

function NominationText({
	nomination,
	withName = true,
}: {
	nomination: { nominee_name: string; nominee_kind: 'resident' | 'partner'; action: string; nominatedBy: string }
	withName?: boolean
}) {
	const { t } = useTranslation('stories')
	return (
		<>
			{withName ? (
				<p>
					<strong>
						<bdi>{nomination.nominee_name}</bdi>
					</strong>{' '}
					<span className="muted">({t(`awards.kind.${nomination.nominee_kind}`)})</span>
				</p>
			) : null}
			<p>{nomination.action}</p>
			<p className="muted">{t('adminAwards.nominatedBy', { name: nomination.nominatedBy })}</p>
		</>
	)
}
