import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-projects-edit'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { titleMeta } from '#app/common/meta.ts'
import { idOr404 } from '#app/common/params.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { imageFieldView } from '#app/images/upload.server.ts'
import { ProjectForm } from '#app/projects/components.tsx'
import { coordinatorsPage, submitProjectForm } from '#app/projects/forms.server.ts'
import { deleteProject, getProject, partnerChoices, projectFormDefaults } from '#app/projects/projects.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import '#app/projects/projects.css'

export const handle: I18nHandle = { i18n: ['projects', 'images'] }

/** One lighthouse project for coordinators: edit every field, or delete it with its updates. */

const messages = { created: 'flash.created', saved: 'flash.saved' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

async function projectOr404(request: Request, projectId: string | undefined) {
	const page = await coordinatorsPage(request)
	const project = await getProject(page.db, idOr404(projectId))
	if (!project) throw new Response('Not found', { status: 404 })
	return { ...page, project }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { db, t, head, project } = await projectOr404(request, params.projectId)
	return {
		...head(t('admin.editTitle')),
		project: { id: project.id, slug: project.slug, title: project.title },
		defaults: await projectFormDefaults(db, project),
		partners: await partnerChoices(db, project.id),
		image: await imageFieldView(db, project.image_id),
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { db, t, coordinator, project } = await projectOr404(request, params.projectId)
	if (new URL(request.url).searchParams.get('intent') === 'delete') {
		await deleteProject(db, project.id)
		return redirect(withFlash('/admin/projects', 'deleted'), 303)
	}
	const outcome = await submitProjectForm(db, request, t, { projectId: project.id, userId: coordinator.id })
	if (outcome.kind === 'invalid') return data(outcome, { status: 400 })
	if (outcome.kind === 'gone') throw new Response('Not found', { status: 404 })
	return redirect(withFlash(`/admin/projects/${project.id}`, 'saved'), 303)
}

export default function AdminProjectEdit({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('projects')
	const { project, flash } = loaderData
	return (
		<div className="page narrow">
			<p>
				<Link to="/admin/projects">← {t('admin.back')}</Link>
			</p>
			<h1>{t('admin.editTitle')}</h1>
			<p className="lead">
				<bdi>{project.title}</bdi> · <Link to={`/projects/${project.slug}`}>{t('admin.view')}</Link>
			</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<ProjectForm
				id={`project-${project.id}`}
				lastResult={actionData?.result}
				partners={loaderData.partners}
				image={actionData?.image ?? loaderData.image}
				defaultValue={loaderData.defaults}
				submitLabel={t('admin.save')}
			/>
			<section aria-labelledby="delete-heading">
				<h2 id="delete-heading">{t('admin.deleteTitle')}</h2>
				<p>{t('admin.deleteText')}</p>
				{/* The intent rides in the address: the form's body is not read. */}
				<Form method="post" action={`/admin/projects/${project.id}?intent=delete`}>
					<button type="submit" className="danger">
						{t('admin.delete')}
					</button>
				</Form>
			</section>
		</div>
	)
}
