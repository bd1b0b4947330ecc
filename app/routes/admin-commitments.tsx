import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-commitments'
import { requirePermission } from '#app/auth/session.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { createCommitment, groupByCategory, listCatalogue } from '#app/pledge/catalogue.server.ts'
import { CommitmentForm } from '#app/pledge/commitment-form.tsx'
import { CommitmentEstimate } from '#app/pledge/components.tsx'
import { formatNumber } from '#app/common/format.ts'
import { createCommitmentSchema } from '#app/pledge/schemas.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { getDb } from '#db/index.ts'
import '#app/pledge/pledge.css'

export const handle: I18nHandle = { i18n: ['pledge'] }

/** The commitment catalogue, for coordinators: every entry by category, with how often it is chosen. */
export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'catalogue:manage')
	const t = await getT(request, 'pledge')
	const url = new URL(request.url)
	return {
		title: t('catalogue.title'),
		groups: groupByCategory(await listCatalogue(getDb())),
		added: url.searchParams.get('added') === '1',
	}
}

export async function action({ request }: Route.ActionArgs) {
	await requirePermission(request, 'catalogue:manage')
	const submission = parseWithZod(await request.formData(), {
		schema: createCommitmentSchema(await getT(request, 'pledge')),
	})
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	await createCommitment(getDb(), submission.value)
	return redirect('/admin/commitments?added=1')
}

export default function AdminCommitments({ loaderData, actionData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation('pledge')
	const { groups, added } = loaderData
	return (
		<div className="page catalogue-admin">
			<h1>{t('catalogue.title')}</h1>
			<p className="lead">{t('catalogue.lead')}</p>
			<FlashMessage>{added ? t('catalogue.added') : null}</FlashMessage>
			{groups.length === 0 ? <p>{t('catalogue.empty')}</p> : null}
			{groups.map((group) => (
				<section key={group.category} aria-labelledby={`category-${group.category}`}>
					<h2 id={`category-${group.category}`}>
						<span className={`category-dot category-${group.category}`} aria-hidden="true" />
						{t(`categories.${group.category}`)}
					</h2>
					<div className="table-wrap">
						<table className="catalogue-table">
							<thead>
								<tr>
									<th scope="col">{t('catalogue.columns.title')}</th>
									<th scope="col">{t('catalogue.columns.estimate')}</th>
									<th scope="col" className="numeric">
										{t('catalogue.columns.chosen')}
									</th>
									<th scope="col">{t('catalogue.columns.status')}</th>
									<th scope="col">
										<span className="visually-hidden">{t('catalogue.columns.actions')}</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{group.entries.map((entry) => (
									<tr key={entry.id} className={entry.retired_at ? 'retired' : undefined}>
										<td>
											<span lang="sv">{entry.title_sv}</span>
											<br />
											<span lang="en" className="muted">
												{entry.title_en}
											</span>
										</td>
										<td>
											<CommitmentEstimate kgCo2ePerYear={entry.kg_co2e_per_year} source={entry.source} />
										</td>
										<td className="numeric">{formatNumber(entry.chosen_count, i18n.language)}</td>
										<td>{entry.retired_at ? t('catalogue.retired') : t('catalogue.offered')}</td>
										<td>
											<Link to={`/admin/commitments/${entry.id}`}>
												{t('catalogue.edit')}
												<span className="visually-hidden">
													: {i18n.language === 'en' ? entry.title_en : entry.title_sv}
												</span>
											</Link>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</section>
			))}

			<section aria-labelledby="add-commitment" className="card add-commitment">
				<h2 id="add-commitment">{t('catalogue.addTitle')}</h2>
				<CommitmentForm id="add-commitment-form" lastResult={actionData} submitLabel={t('catalogue.addSubmit')} />
			</section>
		</div>
	)
}
