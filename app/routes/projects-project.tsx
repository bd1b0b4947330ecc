import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/projects-project'
import { getUser, requirePermission, requireUser, userHasPermission } from '#app/auth/session.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatDate, formatDateTime } from '#app/common/format.ts'
import { socialMeta } from '#app/common/social.ts'
import { config } from '#app/config.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { openGraphImageUrl } from '#app/images/images.server.ts'
import { Picture } from '#app/images/picture.tsx'
import { ProjectStatusBadge, UpdateForm, UpdateList } from '#app/projects/components.tsx'
import { projectsPage } from '#app/projects/forms.server.ts'
import { getProject, projectForPage } from '#app/projects/projects.server.ts'
import { editUpdateSchema, updateSchema } from '#app/projects/schemas.ts'
import {
	editUpdate,
	postingPartners,
	postUpdate,
	projectUpdates,
	setUpdateHidden,
} from '#app/projects/updates.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import '#app/projects/projects.css'

export const handle: I18nHandle = { i18n: ['projects'] }

/**
 * A lighthouse project: what it is, its status and partners, and its updates, newest first. The
 * people who act for a partner taking part post updates here; coordinators correct or hide them.
 */

const messages = {
	posted: 'flash.posted',
	edited: 'flash.edited',
	hidden: 'flash.hidden',
	shown: 'flash.shown',
} as const

export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	const { project } = data
	return [
		{ title: `${project.title} – ${data.pactName}` },
		{ name: 'description', content: project.extract },
		...socialMeta({ title: project.title, description: project.extract, url: data.url, image: data.shareImage }),
	]
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { db, language, head } = await projectsPage(request)
	const project = await projectForPage(db, params.slug, language)
	if (!project) throw new Response('Not found', { status: 404 })
	const user = await getUser(request)
	const moderate = user ? await userHasPermission(db, user.id, 'partners:manage') : false
	const [updates, posting] = await Promise.all([
		projectUpdates(db, project.id, { withHidden: moderate }),
		user ? postingPartners(db, project.id, user.id) : [],
	])
	return {
		...head(project.title),
		url: `${config.appUrl}/projects/${project.slug}`,
		shareImage: project.image ? { url: openGraphImageUrl(project.image.id), alt: project.image.alt } : null,
		project: { ...project, started: formatDate(`${project.startsOn}T12:00:00Z`, language, config.timeZone) },
		updates: updates.map((update) => ({
			...update,
			posted: formatDateTime(update.createdAt, language, config.timeZone),
		})),
		posting,
		moderate,
		signedIn: user !== null,
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { db, t } = await projectsPage(request)
	const project = await getProject(db, params.slug)
	if (!project) throw new Response('Not found', { status: 404 })
	const here = `/projects/${project.slug}`
	const intent = new URL(request.url).searchParams.get('intent')
	const formData = await request.formData()
	if (intent === 'post') {
		const user = await requireUser(request)
		const submission = parseWithZod(formData, { schema: updateSchema(t) })
		if (submission.status !== 'success')
			return data({ intent, updateId: null, result: submission.reply() }, { status: 400 })
		if ((await postUpdate(db, project.id, user.id, submission.value)) === 'not-participating')
			throw new Response('Forbidden', { status: 403 })
		return redirect(withFlash(`${here}#updates-heading`, 'posted'), 303)
	}
	const coordinator = await requirePermission(request, 'partners:manage')
	const updateId = Number(formData.get('updateId'))
	if (intent === 'edit') {
		const submission = parseWithZod(formData, { schema: editUpdateSchema(t) })
		if (submission.status !== 'success') return data({ intent, updateId, result: submission.reply() }, { status: 400 })
		if (!(await editUpdate(db, project.id, submission.value.updateId, submission.value.body, coordinator.id)))
			throw new Response('Not found', { status: 404 })
		return redirect(withFlash(here, 'edited'), 303)
	}
	if (intent === 'hide' || intent === 'show') {
		if (!(await setUpdateHidden(db, project.id, updateId, intent === 'hide', coordinator.id)))
			throw new Response('Not found', { status: 404 })
		return redirect(withFlash(here, intent === 'hide' ? 'hidden' : 'shown'), 303)
	}
	throw new Response('Bad request', { status: 400 })
}

export default function ProjectPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('projects')
	const { project, updates, posting, moderate, flash } = loaderData
	const editError =
		actionData?.intent === 'edit' && actionData.updateId !== null
			? { updateId: actionData.updateId, errors: actionData.result.error?.body ?? [] }
			: null
	return (
		<article className="page narrow project-page">
			<p>
				<Link to="/projects">← {t('list.title')}</Link>
			</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<h1>{project.title}</h1>
			<p>
				<ProjectStatusBadge status={project.status} />{' '}
				<span className="muted">{t('list.started', { date: project.started })}</span>
			</p>
			{project.image ? (
				<Picture image={project.image} className="project-page-picture" sizes="(min-width: 45rem) 42rem, 100vw" eager />
			) : null}
			<div className="project-description" dangerouslySetInnerHTML={{ __html: project.descriptionHtml }} />

			<section aria-labelledby="partners-heading">
				<h2 id="partners-heading">{t('page.partners')}</h2>
				{project.partners.length === 0 ? (
					<p>{t('page.noPartners')}</p>
				) : (
					<ul className="project-partner-list">
						{project.partners.map((partner) => (
							<li key={partner.slug}>
								<Link to={`/partners/${partner.slug}`}>{partner.name}</Link>
								{partner.isLead ? <span className="muted"> ({t('page.lead')})</span> : null}
							</li>
						))}
					</ul>
				)}
			</section>

			<section aria-labelledby="updates-heading">
				<h2 id="updates-heading">{t('page.updates')}</h2>
				{posting.length > 0 ? (
					<div className="card">
						<h3>{t('updates.title')}</h3>
						<UpdateForm
							partners={posting}
							status={project.status}
							lastResult={actionData?.intent === 'post' ? actionData.result : undefined}
						/>
					</div>
				) : null}
				<UpdateList updates={updates} moderate={moderate} editError={editError} />
			</section>
		</article>
	)
}
