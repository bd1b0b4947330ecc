import { Link } from 'react-router'
import type { Route } from './+types/admin-proposals'
import { requirePermission } from '#app/auth/session.server.ts'
import { formatNumber } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { StatusBadge } from '#app/proposals/components.tsx'
import { proposalsForCoordinators } from '#app/proposals/tracker.server.ts'
import { getDb } from '#db/index.ts'
import '#app/proposals/proposals.css'

export const handle: I18nHandle = { i18n: ['proposals'] }

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

/** Coordinators' overview: every published proposal, hidden ones and open reports included. */
export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'proposals:manage')
	const t = await getT(request, 'proposals')
	return {
		pactName: config.pact.name,
		title: t('admin.title'),
		proposals: await proposalsForCoordinators(getDb()),
	}
}

export default function AdminProposals({ loaderData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation('proposals')
	const { proposals } = loaderData
	return (
		<div className="page">
			<h1>{t('admin.title')}</h1>
			<p className="lead">{t('admin.lead')}</p>
			{proposals.length === 0 ? (
				<p>{t('admin.empty')}</p>
			) : (
				<div className="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">{t('admin.columns.title')}</th>
								<th scope="col">{t('admin.columns.status')}</th>
								<th scope="col" className="numeric">
									{t('admin.columns.support')}
								</th>
								<th scope="col" className="numeric">
									{t('admin.columns.reports')}
								</th>
							</tr>
						</thead>
						<tbody>
							{proposals.map((proposal) => (
								<tr key={proposal.id}>
									<td>
										<Link to={`/proposals/${proposal.id}`}>{proposal.title}</Link>
									</td>
									<td>
										<StatusBadge status={proposal.status} outcome={proposal.outcome} hidden={proposal.hidden} />
									</td>
									<td className="numeric">{formatNumber(proposal.supportCount, i18n.language)}</td>
									<td className="numeric">
										{proposal.openReports > 0 ? (
											<strong>{formatNumber(proposal.openReports, i18n.language)}</strong>
										) : (
											'0'
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	)
}
