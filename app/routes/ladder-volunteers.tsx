import { useTranslation } from '#app/i18n/use-translation.ts'
import { Form } from 'react-router'
import type { Route } from './+types/ladder-volunteers'
import { requirePermission } from '#app/auth/session.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { volunteers } from '#app/ladder/volunteers.server.ts'
import { isVolunteerInterest, volunteerInterests } from '#app/ladder/rules.ts'
import { getDb } from '#db/index.ts'
import '#app/ladder/ladder.css'

export const handle: I18nHandle = { i18n: ['ladder'] }

/** Whom to ask: members who said what they would help with, for organisers, filtered by interest. */

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'events:organise')
	const t = await getT(request, 'ladder')
	const raw = new URL(request.url).searchParams.get('interest')
	const interest = isVolunteerInterest(raw) ? raw : undefined
	return { title: t('volunteers.title'), interest: interest ?? null, people: await volunteers(getDb(), interest) }
}

export default function LadderVolunteers({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('ladder')
	const { people, interest } = loaderData
	return (
		<div className="page lad-admin">
			<h1>{t('volunteers.title')}</h1>
			<p className="lead">{t('volunteers.lead')}</p>
			<Form method="get" className="lad-filters" aria-label={t('admin.filter')}>
				<div className="field">
					<label htmlFor="volunteer-interest">{t('admin.interest')}</label>
					<select id="volunteer-interest" name="interest" defaultValue={interest ?? ''}>
						<option value="">{t('admin.anyInterest')}</option>
						{volunteerInterests.map((i) => (
							<option key={i} value={i}>
								{t(`interests.${i}`)}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="primary">
					{t('admin.filter')}
				</button>
			</Form>
			<p role="status">
				<strong>{t('volunteers.count', { count: people.length })}</strong>
			</p>
			{people.length === 0 ? (
				<p>{t('volunteers.empty')}</p>
			) : (
				<div className="table-wrap">
					<table className="lad-table">
						<caption className="visually-hidden">{t('volunteers.title')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('admin.name')}</th>
								<th scope="col">{t('admin.email')}</th>
								<th scope="col">{t('admin.step')}</th>
								<th scope="col">{t('admin.district')}</th>
								<th scope="col">{t('admin.interests')}</th>
							</tr>
						</thead>
						<tbody>
							{people.map((p) => (
								<tr key={p.userId}>
									<th scope="row">
										<bdi>{p.name}</bdi>
									</th>
									<td>
										<a href={`mailto:${p.email}`}>{p.email}</a>
									</td>
									<td>
										<span className="lad-step-badge">{p.step}</span>{' '}
										<span className="visually-hidden">{t(`steps.${p.step}.title`)}</span>
									</td>
									<td>
										<bdi>{p.district ?? t('admin.never')}</bdi>
									</td>
									<td>{p.interests.map((i) => t(`interests.${i}`)).join(', ')}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	)
}
