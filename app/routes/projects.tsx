import { Form, Link } from 'react-router'
import type { Route } from './+types/projects'
import { formatDate } from '#app/common/format.ts'
import { publicListMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ProjectList } from '#app/projects/components.tsx'
import { projectsPage } from '#app/projects/forms.server.ts'
import { listProjects } from '#app/projects/projects.server.ts'
import { projectStatuses, statusParam } from '#app/projects/schemas.ts'
import '#app/projects/projects.css'
import { FilterSelect } from '#app/ui/forms.tsx'

export const handle: I18nHandle = { i18n: ['projects'] }

/** The public list of lighthouse projects, filtered by status, with the partners taking part. */

export const meta = ({ data }: Route.MetaArgs) => publicListMeta(data)

export async function loader({ request }: Route.LoaderArgs) {
	const { db, t, language, head } = await projectsPage(request)
	const status = statusParam(new URL(request.url).searchParams.get('status'))
	const projects = await listProjects(db, { status }, language)
	return {
		...head(t('list.title')),
		description: t('list.lead'),
		url: `${config.appUrl}/projects`,
		status,
		projects: projects.map((project) => ({
			...project,
			started: formatDate(`${project.startsOn}T12:00:00Z`, language, config.timeZone),
		})),
	}
}

export default function Projects({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('projects')
	const { projects, status } = loaderData
	return (
		<div className="page projects-page">
			<h1>{t('list.title')}</h1>
			<p className="lead">{loaderData.description}</p>
			<p>
				<Link to="/partners">{t('list.partnersLink')}</Link>
			</p>
			<Form method="get" className="project-filters" aria-label={t('list.filter')}>
				<FilterSelect
					name="status"
					label={t('list.status')}
					value={status}
					allLabel={t('list.all')}
					options={projectStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
				/>
				<button type="submit" className="secondary">
					{t('list.apply')}
				</button>
			</Form>
			<p role="status">{t('list.count', { count: projects.length })}</p>
			{projects.length === 0 ? <p>{t('list.empty')}</p> : <ProjectList projects={projects} />}
		</div>
	)
}
