import { Link } from 'react-router'
import type { Route } from './+types/admin-projects'
import { readFlash } from '#app/common/flash.ts'
import { formatDate } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ProjectStatusBadge } from '#app/projects/components.tsx'
import { coordinatorsPage } from '#app/projects/forms.server.ts'
import { projectsForCoordinators } from '#app/projects/projects.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import '#app/projects/projects.css'

export const handle: I18nHandle = { i18n: ['projects'] }

/** Every lighthouse project for coordinators, with its partners and updates, and a way to add one. */

const messages = { deleted: 'flash.deleted' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

export async function loader({ request }: Route.LoaderArgs) {
	const { db, t, language, head } = await coordinatorsPage(request)
	const projects = await projectsForCoordinators(db)
	return {
		...head(t('admin.title')),
		flash: readFlash(new URL(request.url), messages),
		projects: projects.map((project) => ({
			...project,
			started: formatDate(`${project.starts_on}T12:00:00Z`, language, config.timeZone),
		})),
	}
}

export default function AdminProjects({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('projects')
	const { projects, flash } = loaderData
	return (
		<div className="page">
			<h1 id="projects-title">{t('admin.title')}</h1>
			<p className="lead">{t('admin.lead')}</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<p className="button-row">
				<Link to="/admin/projects/new" className="button primary">
					{t('admin.add')}
				</Link>
				<Link to="/projects">{t('admin.publicList')}</Link>
			</p>
			{projects.length === 0 ? (
				<p>{t('admin.empty')}</p>
			) : (
				<div className="table-wrap contained" tabIndex={0} role="region" aria-labelledby="projects-title">
					<table>
						<thead>
							<tr>
								<th scope="col">{t('admin.project')}</th>
								<th scope="col">{t('list.status')}</th>
								<th scope="col">{t('form.startsOn')}</th>
								<th scope="col">{t('page.partners')}</th>
								<th scope="col">{t('page.updates')}</th>
								<th scope="col">
									<span className="visually-hidden">{t('admin.actions')}</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{projects.map((project) => (
								<tr key={project.id}>
									<td>
										<Link to={`/projects/${project.slug}`}>{project.title}</Link>
									</td>
									<td>
										<ProjectStatusBadge status={project.status} />
									</td>
									<td>{project.started}</td>
									<td>
										{project.partners
											.map((partner) => (partner.isLead ? t('admin.leadName', { name: partner.name }) : partner.name))
											.join(', ')}
									</td>
									<td>{project.updates}</td>
									<td>
										<Link to={`/admin/projects/${project.id}`}>
											{t('admin.edit')}
											<span className="visually-hidden">: {project.title}</span>
										</Link>
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
