import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/proposals-edit'
import { refusePublicForm } from '#app/auth/rate-limit.server.ts'
import { requireUser } from '#app/auth/session.server.ts'
import { withFlash } from '#app/common/flash.ts'
import { titleMeta } from '#app/common/meta.ts'
import { idOr404 } from '#app/common/params.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { DraftForm } from '#app/proposals/components.tsx'
import { draftForEditing, parseDraftForm, updateDraft } from '#app/proposals/drafts.server.ts'
import { themeChoices } from '#app/themes/themes.server.ts'
import { getDb } from '#db/index.ts'
import '#app/proposals/proposals.css'

export const handle: I18nHandle = { i18n: ['proposals'] }

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

/** Only the author edits, and only a draft: anyone else is told there is no such page. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const id = idOr404(params.proposalId)
	const db = getDb()
	const draft = await draftForEditing(db, id, user.id)
	if (!draft) throw new Response('Not found', { status: 404 })
	if (draft.status !== 'draft') throw redirect(`/proposals/${id}`)
	const [t, language] = await Promise.all([getT(request, 'proposals'), getLanguage(request)])
	return {
		pactName: config.pact.name,
		title: t('new.editTitle'),
		id,
		defaultValue: {
			title: draft.title,
			summary: draft.summary,
			body: draft.body,
			themeId: draft.theme_id === null ? '' : String(draft.theme_id),
		},
		themes: await themeChoices(db, language),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const id = idOr404(params.proposalId)
	// Someone else's proposal is not found, whatever the form holds, as the page itself answers.
	if (!(await draftForEditing(getDb(), id, user.id))) throw new Response('Not found', { status: 404 })
	const form = await request.formData()
	const submission = await parseDraftForm(request, form)
	// The draft form carries the honeypot (docs/decisions/0020); an edit takes no rate-limit hit.
	const refused = await refusePublicForm(getDb(), request, form)
	if (refused) return data(submission.reply(refused), { status: refused.status })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const outcome = await updateDraft(getDb(), id, user.id, submission.value)
	if (outcome === 'not-found' || outcome === 'not-author') throw new Response('Not found', { status: 404 })
	if (outcome === 'not-draft') return redirect(`/proposals/${id}`, 303)
	return redirect(withFlash(`/proposals/${id}`, 'saved'), 303)
}

export default function EditProposal({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('proposals')
	return (
		<div className="page narrow">
			<p className="breadcrumb">
				<Link to={`/proposals/${loaderData.id}`}>← {loaderData.defaultValue.title}</Link>
			</p>
			<h1>{t('new.editTitle')}</h1>
			<DraftForm defaultValue={loaderData.defaultValue} lastResult={actionData} themes={loaderData.themes} />
		</div>
	)
}
