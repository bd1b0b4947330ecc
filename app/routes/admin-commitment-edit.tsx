import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-commitment-edit'
import { requirePermission } from '#app/auth/session.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { getCommitment, reinstateCommitment, retireCommitment, updateCommitment } from '#app/pledge/catalogue.server.ts'
import { CommitmentForm } from '#app/pledge/commitment-form.tsx'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatNumber } from '#app/common/format.ts'
import { idOr404 } from '#app/common/params.ts'
import { createCommitmentSchema } from '#app/pledge/schemas.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { getDb } from '#db/index.ts'
import '#app/pledge/pledge.css'

export const handle: I18nHandle = { i18n: ['pledge'] }

/** One catalogue commitment: edit it, retire it (it stays on the pledges that chose it), reinstate it. */

/** The confirmations this page shows after a change (app/common/flash.ts). */
const messages = {
	saved: 'catalogue.saved.saved',
	retired: 'catalogue.saved.retired',
	reinstated: 'catalogue.saved.reinstated',
} as const

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request, params }: Route.LoaderArgs) {
	await requirePermission(request, 'catalogue:manage')
	const commitment = await getCommitment(getDb(), idOr404(params.commitmentId))
	if (!commitment) throw new Response('Not found', { status: 404 })
	const t = await getT(request, 'pledge')
	return { title: t('catalogue.editTitle'), commitment, flash: readFlash(new URL(request.url), messages) }
}

export async function action({ request, params }: Route.ActionArgs) {
	await requirePermission(request, 'catalogue:manage')
	const db = getDb()
	const id = idOr404(params.commitmentId)
	if (!(await getCommitment(db, id))) throw new Response('Not found', { status: 404 })
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'retire') {
		await retireCommitment(db, id)
		return redirect(withFlash(`/admin/commitments/${id}`, 'retired'))
	}
	if (intent === 'reinstate') {
		await reinstateCommitment(db, id)
		return redirect(withFlash(`/admin/commitments/${id}`, 'reinstated'))
	}
	const submission = parseWithZod(formData, { schema: createCommitmentSchema(await getT(request, 'pledge')) })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	await updateCommitment(db, id, submission.value)
	return redirect(withFlash(`/admin/commitments/${id}`, 'saved'))
}

export default function AdminCommitmentEdit({ loaderData, actionData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation('pledge')
	const { commitment, flash } = loaderData
	const retired = commitment.retired_at !== null
	return (
		<div className="page narrow">
			<p>
				<Link to="/admin/commitments">← {t('catalogue.back')}</Link>
			</p>
			<h1>{t('catalogue.editTitle')}</h1>
			<p className="lead">
				<bdi>{i18n.language === 'en' ? commitment.title_en : commitment.title_sv}</bdi>
			</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<p>
				{t('catalogue.chosenBy', {
					count: commitment.chosen_count,
					number: formatNumber(commitment.chosen_count, i18n.language),
				})}
				{retired ? ` ${t('catalogue.retiredNote')}` : null}
			</p>
			<div className="card">
				<CommitmentForm
					id={`commitment-${commitment.id}`}
					lastResult={actionData}
					submitLabel={t('catalogue.save')}
					defaultValue={{
						category: commitment.category,
						titleSv: commitment.title_sv,
						titleEn: commitment.title_en,
						kgCo2ePerYear: commitment.kg_co2e_per_year === null ? '' : String(commitment.kg_co2e_per_year),
						source: commitment.source ?? '',
					}}
				/>
			</div>
			<section aria-labelledby="retire-title" className="retire">
				<h2 id="retire-title" className="small-heading">
					{retired ? t('catalogue.reinstateTitle') : t('catalogue.retireTitle')}
				</h2>
				<p>{retired ? t('catalogue.reinstateText') : t('catalogue.retireText')}</p>
				<Form method="post">
					<input type="hidden" name="intent" value={retired ? 'reinstate' : 'retire'} />
					<button type="submit" className={retired ? 'secondary' : 'danger'}>
						{retired ? t('catalogue.reinstate') : t('catalogue.retire')}
					</button>
				</Form>
			</section>
		</div>
	)
}
