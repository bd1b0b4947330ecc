import { getCollectionProps, getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from 'react-router'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { ImageField } from '#app/images/image-field.tsx'
import { Picture } from '#app/images/picture.tsx'
import type { ImageFieldView, PictureImage } from '#app/images/sources.ts'
import { ErrorList, FormErrors, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import type { ProjectStatus } from '#db/schema.ts'
import { projectFormSchema, projectStatuses, updateSchema } from './schemas.ts'
import './projects.css'

/** The projects area's pages' pieces. Routes using them list 'projects' in their handle (and 'images' for the form). */

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
	const { t } = useTranslation('projects')
	return <span className={`status-badge project-status-${status}`}>{t(`status.${status}`)}</span>
}

/** "Led by A, with B and C." */
function PartnerNames({ partners }: { partners: Array<{ name: string; isLead: boolean }> }) {
	const { t } = useTranslation('projects')
	const lead = partners.find((partner) => partner.isLead)
	const others = partners.filter((partner) => !partner.isLead).map((partner) => partner.name)
	if (!lead && others.length === 0) return null
	return (
		<p className="project-partners">
			{lead ? t('list.ledBy', { lead: lead.name }) : null}
			{lead && others.length ? ' ' : null}
			{others.length ? t('list.with', { names: others.join(', ') }) : null}
		</p>
	)
}

export interface ProjectCardData {
	slug: string
	title: string
	status: ProjectStatus
	/** Already in words. */
	started: string
	extract: string
	image: PictureImage | null
	partners: Array<{ name: string; isLead: boolean }>
}

export function ProjectList({ projects }: { projects: ProjectCardData[] }) {
	const { t } = useTranslation('projects')
	return (
		<ul className="project-list">
			{projects.map((project) => (
				<li key={project.slug} className="card project-card">
					{project.image ? (
						<Picture image={project.image} className="project-card-picture" sizes="(min-width: 60rem) 22rem, 100vw" />
					) : null}
					<div className="project-card-text">
						<h2>
							<Link to={`/projects/${project.slug}`}>{project.title}</Link>
						</h2>
						<p>
							<ProjectStatusBadge status={project.status} />{' '}
							<span className="muted">{t('list.started', { date: project.started })}</span>
						</p>
						<PartnerNames partners={project.partners} />
						<p>{project.extract}</p>
					</div>
				</li>
			))}
		</ul>
	)
}

/** On a partner's page: the lighthouse projects it takes part in. Nothing when there are none. */
export function PartnerProjects({
	projects,
}: {
	projects: Array<{ slug: string; title: string; status: ProjectStatus; isLead: boolean }>
}) {
	const { t } = useTranslation('projects')
	if (projects.length === 0) return null
	return (
		<section aria-labelledby="projects-heading">
			<h2 id="projects-heading">{t('partner.title')}</h2>
			<ul className="partner-projects">
				{projects.map((project) => (
					<li key={project.slug}>
						<Link to={`/projects/${project.slug}`}>{project.title}</Link> <ProjectStatusBadge status={project.status} />
						{project.isLead ? <span className="muted"> {t('partner.lead')}</span> : null}
					</li>
				))}
			</ul>
		</section>
	)
}

export interface ProjectFormValues {
	title: string
	titleEn: string
	description: string
	descriptionEn: string
	status: string
	startsOn: string
	partners: string[]
	leadId: string
}

/** The coordinators' form for a project, to create or edit; the image last (see app/images/upload.server.ts). */
export function ProjectForm({
	id,
	defaultValue,
	lastResult,
	partners,
	image,
	submitLabel,
}: {
	id: string
	defaultValue?: Partial<ProjectFormValues>
	lastResult?: SubmissionResult<string[]> | null
	partners: Array<{ id: number; name: string }>
	image: ImageFieldView
	submitLabel: string
}) {
	const { t } = useTranslation('projects')
	const [form, fields] = useForm({
		id,
		lastResult,
		defaultValue,
		// Not on blur: leaving one checkbox for the next would re-render the list mid-click.
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: projectFormSchema(t) }),
	})
	const choices = getCollectionProps(fields.partners, {
		type: 'checkbox',
		options: partners.map((partner) => String(partner.id)),
	})
	const partnersInvalid = Boolean(fields.partners.errors?.length)
	const partnersHint = `${fields.partners.id}-hint`
	const options = partners.map((partner) => ({ value: String(partner.id), label: partner.name }))
	return (
		<Form method="post" encType="multipart/form-data" className="form project-form" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<TextField meta={fields.title} label={t('form.title')} />
			<TextField meta={fields.titleEn} label={t('form.titleEn')} optional />
			<TextareaField meta={fields.description} label={t('form.description')} hint={t('form.markdownHint')} rows={8} />
			<TextareaField
				meta={fields.descriptionEn}
				label={t('form.descriptionEn')}
				hint={t('form.markdownHint')}
				optional
				rows={6}
			/>
			<SelectField
				meta={fields.status}
				label={t('form.status')}
				options={projectStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
			/>
			<TextField meta={fields.startsOn} type="date" label={t('form.startsOn')} />
			<fieldset
				className="project-partner-choices"
				aria-invalid={partnersInvalid || undefined}
				aria-describedby={partnersInvalid ? `${partnersHint} ${fields.partners.errorId}` : partnersHint}
			>
				<legend>{t('form.partners')}</legend>
				<p id={partnersHint} className="hint">
					{t('form.partnersHint')}
				</p>
				<ErrorList id={fields.partners.errorId} errors={fields.partners.errors} />
				<ul className="choice-list">
					{choices.map((props, index) => (
						<li key={props.key} className="field field-checkbox">
							<input {...props} key={props.key} />
							<label htmlFor={props.id}>{partners[index]!.name}</label>
						</li>
					))}
				</ul>
			</fieldset>
			<SelectField
				meta={fields.leadId}
				label={t('form.lead')}
				hint={t('form.leadHint')}
				placeholder={t('form.choose')}
				options={options}
			/>
			<ImageField
				current={image.current}
				alt={image.alt}
				error={image.error}
				maxBytes={image.maxBytes}
				legend={t('form.image')}
			/>
			<div className="button-row">
				<button type="submit" className="primary">
					{submitLabel}
				</button>
			</div>
		</Form>
	)
}

/** Someone who acts for a partner taking part posts an update, optionally with the project's new status. */
export function UpdateForm({
	partners,
	status,
	lastResult,
}: {
	partners: Array<{ id: number; name: string }>
	/** The project's status now: not offered as a change. */
	status: ProjectStatus
	lastResult?: SubmissionResult<string[]> | null
}) {
	const { t } = useTranslation('projects')
	const [form, fields] = useForm({
		id: 'project-update',
		lastResult,
		defaultValue: partners.length === 1 ? { partnerId: String(partners[0]!.id) } : undefined,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: updateSchema(t) }),
	})
	return (
		<Form method="post" action="?intent=post" className="form stack" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			{partners.length === 1 ? (
				<input type="hidden" name="partnerId" value={partners[0]!.id} />
			) : (
				<SelectField
					meta={fields.partnerId}
					label={t('updates.partner')}
					placeholder={t('form.choose')}
					options={partners.map((partner) => ({ value: String(partner.id), label: partner.name }))}
				/>
			)}
			<TextareaField meta={fields.body} label={t('updates.body')} hint={t('updates.bodyHint')} rows={5} />
			<SelectField
				meta={fields.newStatus}
				label={t('updates.newStatus')}
				placeholder={t('updates.noChange')}
				options={projectStatuses
					.filter((value) => value !== status)
					.map((value) => ({ value, label: t(`status.${value}`) }))}
			/>
			<div className="button-row">
				<button type="submit" className="primary">
					{t('updates.post')}
				</button>
			</div>
		</Form>
	)
}

export interface UpdateItem {
	id: number
	body: string
	newStatus: ProjectStatus | null
	/** Already in words. */
	posted: string
	author: string | null
	partner: { slug: string; name: string } | null
	hidden: boolean
	edited: boolean
}

/** The updates, newest first; a coordinator gets a way to correct and hide each one. */
export function UpdateList({
	updates,
	moderate,
	editError,
}: {
	updates: UpdateItem[]
	moderate: boolean
	/** A correction the server refused, with its messages. */
	editError?: { updateId: number; errors: string[] } | null
}) {
	const { t } = useTranslation('projects')
	if (updates.length === 0) return <p>{t('updates.none')}</p>
	return (
		<ol className="project-updates">
			{updates.map((update) => (
				<li key={update.id} className={update.hidden ? 'card project-update is-hidden' : 'card project-update'}>
					<p className="muted" id={`update-${update.id}-meta`}>
						{update.partner ? (
							<>
								<Link to={`/partners/${update.partner.slug}`}>{update.partner.name}</Link> ·{' '}
							</>
						) : null}
						{update.author ? `${update.author} · ` : null}
						{update.posted}
						{update.edited ? ` · ${t('updates.edited')}` : null}
					</p>
					{update.hidden ? <p className="status-badge">{t('updates.hidden')}</p> : null}
					<p className="project-update-body">{update.body}</p>
					{update.newStatus ? (
						<p>
							{t('updates.statusChanged')} <ProjectStatusBadge status={update.newStatus} />
						</p>
					) : null}
					{moderate ? (
						<ModerateUpdate update={update} errors={editError?.updateId === update.id ? editError.errors : null} />
					) : null}
				</li>
			))}
		</ol>
	)
}

/** A coordinator's tools for one update: hide it (or show it again) and correct its text. */
function ModerateUpdate({ update, errors }: { update: UpdateItem; errors: string[] | null }) {
	const { t } = useTranslation('projects')
	const bodyId = `update-${update.id}-body`
	const errorId = `${bodyId}-error`
	// The buttons say which update they act on through the line naming its partner, author and time.
	const describedBy = `update-${update.id}-meta`
	return (
		<div className="project-update-tools">
			<Form method="post" action={update.hidden ? '?intent=show' : '?intent=hide'}>
				<input type="hidden" name="updateId" value={update.id} />
				<button type="submit" className="secondary" aria-describedby={describedBy}>
					{update.hidden ? t('updates.show') : t('updates.hide')}
				</button>
			</Form>
			<details open={errors ? true : undefined}>
				<summary aria-describedby={describedBy}>{t('updates.edit')}</summary>
				<Form method="post" action="?intent=edit" className="form">
					<input type="hidden" name="updateId" value={update.id} />
					<div className="field">
						<label htmlFor={bodyId}>{t('updates.body')}</label>
						<textarea
							id={bodyId}
							name="body"
							rows={5}
							defaultValue={update.body}
							aria-invalid={errors ? true : undefined}
							aria-describedby={errors ? errorId : undefined}
						/>
						<ErrorList id={errorId} errors={errors} />
					</div>
					<div className="button-row">
						<button type="submit" className="secondary">
							{t('updates.save')}
						</button>
					</div>
				</Form>
			</details>
		</div>
	)
}
