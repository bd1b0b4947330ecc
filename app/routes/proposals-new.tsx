import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/proposals-new'
import { refusePublicForm } from '#app/auth/rate-limit.server.ts'
import { requireUser } from '#app/auth/session.server.ts'
import { withFlash } from '#app/common/flash.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { isSignatory } from '#app/pledge/signatories.server.ts'
import { DraftForm } from '#app/proposals/components.tsx'
import { createDraft, parseDraftForm } from '#app/proposals/drafts.server.ts'
import { themeChoices } from '#app/themes/themes.server.ts'
import { getDb } from '#db/index.ts'
import '#app/proposals/proposals.css'

export const handle: I18nHandle = { i18n: ['proposals'] }

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const [t, language] = await Promise.all([getT(request, 'proposals'), getLanguage(request)])
	const db = getDb()
	return {
		pactName: config.pact.name,
		title: t('new.title'),
		signatory: await isSignatory(db, user.id),
		themes: await themeChoices(db, language),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const form = await request.formData()
	const submission = await parseDraftForm(request, form)
	const refused = await refusePublicForm(getDb(), request, form, {
		form: 'proposal',
		clientIp: context.clientIp,
		person: user.id,
	})
	if (refused) return data(submission.reply(refused), { status: refused.status })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const outcome = await createDraft(getDb(), user.id, submission.value)
	if (!outcome.ok) throw new Response('Forbidden', { status: 403 })
	return redirect(withFlash(`/proposals/${outcome.proposalId}`, 'created'), 303)
}

export default function NewProposal({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('proposals')
	return (
		<div className="page narrow">
			<p className="breadcrumb">
				<Link to="/proposals">← {t('page.back')}</Link>
			</p>
			<h1>{t('new.title')}</h1>
			{loaderData.signatory ? (
				<>
					<p className="lead">{t('new.lead')}</p>
					<DraftForm lastResult={actionData} themes={loaderData.themes} />
				</>
			) : (
				<div className="card stack">
					<p>{t('new.notSignatory')}</p>
					<p>
						<Link to="/sign" className="button">
							{t('page.signLink')}
						</Link>
					</p>
				</div>
			)}
		</div>
	)
}
