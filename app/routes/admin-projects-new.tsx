import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-projects-new'
import { withFlash } from '#app/common/flash.ts'
import { localToday } from '#app/partners/partners.server.ts'
import { titleMeta } from '#app/common/meta.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { imageFieldView } from '#app/images/upload.server.ts'
import { ProjectForm } from '#app/projects/components.tsx'
import { coordinatorsPage, submitProjectForm } from '#app/projects/forms.server.ts'
import { partnerChoices } from '#app/projects/projects.server.ts'
import '#app/projects/projects.css'

export const handle: I18nHandle = { i18n: ['projects', 'images'] }

/** A coordinator starts a lighthouse project: its text, status, start, partners with their lead, an image. */

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

export async function loader({ request }: Route.LoaderArgs) {
	const { db, t, head } = await coordinatorsPage(request)
	return {
		...head(t('admin.newTitle')),
		partners: await partnerChoices(db, null),
		image: await imageFieldView(db, null),
		today: localToday(),
	}
}

export async function action({ request }: Route.ActionArgs) {
	const { db, t, coordinator } = await coordinatorsPage(request)
	const outcome = await submitProjectForm(db, request, t, { projectId: null, userId: coordinator.id })
	if (outcome.kind === 'invalid') return data(outcome, { status: 400 })
	if (outcome.kind === 'gone') throw new Response('Not found', { status: 404 })
	return redirect(withFlash(`/admin/projects/${outcome.id}`, 'created'), 303)
}

export default function AdminProjectNew({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('projects')
	return (
		<div className="page narrow">
			<p>
				<Link to="/admin/projects">← {t('admin.back')}</Link>
			</p>
			<h1>{t('admin.newTitle')}</h1>
			<ProjectForm
				id="project-new"
				lastResult={actionData?.result}
				partners={loaderData.partners}
				image={actionData?.image ?? loaderData.image}
				defaultValue={{ status: 'idea', startsOn: loaderData.today }}
				submitLabel={t('admin.create')}
			/>
		</div>
	)
}
