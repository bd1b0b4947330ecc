import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-partnership-days'
import { formatNumber } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { withFlash } from '#app/common/flash.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
	candidateEvents,
	coordinatorsPage,
	createPartnershipDay,
	listPartnershipDays,
} from '#app/partnership-day/partnership-day.server.ts'
import { followUpMonths } from '#app/partnership-day/pledges.server.ts'
import { ScrollingTable } from '#app/partnership-day/components.tsx'
import { createDaySchema } from '#app/partnership-day/schemas.ts'
import { FormErrors, SelectField } from '#app/ui/forms.tsx'
import '#app/partnership-day/partnership-day.css'

export const handle: I18nHandle = { i18n: ['partnership-day'] }

/** Coordinators' list of partnership days, and the form that makes an upcoming event one. */

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

export async function loader({ request }: Route.LoaderArgs) {
	const { db, t, language, head } = await coordinatorsPage(request)
	const [days, candidates] = await Promise.all([listPartnershipDays(db, language), candidateEvents(db, language)])
	return { ...head(t('admin.title')), days, candidates, months: followUpMonths, language }
}

export async function action({ request }: Route.ActionArgs) {
	const { db, coordinator, t } = await coordinatorsPage(request)
	const submission = parseWithZod(await request.formData(), { schema: createDaySchema(t) })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const outcome = await createPartnershipDay(db, submission.value.eventId, coordinator.id)
	if (outcome === 'not-eligible')
		return data(submission.reply({ fieldErrors: { eventId: [t('errors.notEligible')] } }), { status: 400 })
	return redirect(withFlash(`/admin/partnership-days/${submission.value.eventId}`, outcome), 303)
}

export default function AdminPartnershipDays({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('partnership-day')
	const { days, candidates, language } = loaderData
	const [form, fields] = useForm({
		id: 'create-day',
		lastResult: actionData,
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createDaySchema(t) }),
	})
	return (
		<div className="page partnership-day">
			<h1>{t('admin.title')}</h1>
			<p className="lead">{t('admin.lead', { months: loaderData.months })}</p>

			{/* Not a landmark itself: the scrolling table is the region with this name (axe's landmark-unique). */}
			<section>
				<h2 id="days-heading">{t('admin.days')}</h2>
				{days.length === 0 ? (
					<p>{t('admin.none')}</p>
				) : (
					<ScrollingTable label={t('admin.days')}>
						<table>
							<thead>
								<tr>
									<th scope="col">{t('admin.event')}</th>
									<th scope="col">{t('admin.date')}</th>
									<th scope="col">{t('admin.registered')}</th>
									<th scope="col">{t('admin.rounds')}</th>
									<th scope="col">{t('admin.pledges')}</th>
									<th scope="col">{t('admin.answered')}</th>
								</tr>
							</thead>
							<tbody>
								{days.map((day) => (
									<tr key={day.eventId}>
										<th scope="row">
											<Link to={`/admin/partnership-days/${day.eventId}`} lang={day.titleLang}>
												{day.title}
											</Link>
										</th>
										<td>{day.when}</td>
										<td>{formatNumber(day.registered, language)}</td>
										<td>{day.rounds > 0 ? formatNumber(day.rounds, language) : t('admin.noRounds')}</td>
										<td>{formatNumber(day.pledges, language)}</td>
										<td>{formatNumber(day.answered, language)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</ScrollingTable>
				)}
			</section>

			<section aria-labelledby="create-heading" className="narrow">
				<h2 id="create-heading">{t('admin.createHeading')}</h2>
				{candidates.length === 0 ? (
					<p>{t('admin.noCandidates')}</p>
				) : (
					<Form method="post" className="form" {...getFormProps(form)}>
						<FormErrors id={form.errorId} errors={form.errors} />
						<SelectField
							meta={fields.eventId}
							label={t('admin.eventChoice')}
							hint={t('admin.createHint')}
							placeholder={t('admin.chooseEvent')}
							options={candidates.map((event) => ({
								value: String(event.id),
								label: `${event.title} (${event.when})`,
							}))}
						/>
						<div className="button-row">
							<button type="submit" className="primary">
								{t('admin.create')}
							</button>
						</div>
					</Form>
				)}
			</section>
		</div>
	)
}
