import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-partners'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import {
	agreementView,
	formatDay,
	getAgreement,
	reviewAgreement,
	submittedAgreements,
} from '#app/partners/agreements.server.ts'
import { AgreementCommitments } from '#app/partners/components.tsx'
import { coordinatorsPage } from '#app/partners/forms.server.ts'
import { reviewSchema } from '#app/partners/schemas.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { ErrorList } from '#app/ui/forms.tsx'
import '#app/partners/partners.css'

export const handle: I18nHandle = { i18n: ['partners'] }

/** Coordinators review submitted partnership agreements: approve, or send back with a comment. */

const messages = { approved: 'done.approved', returned: 'done.returned' } as const

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	const { db, t } = await coordinatorsPage(request)
	const language = await getLanguage(request)
	const submitted = await submittedAgreements(db)
	return {
		title: t('admin.title'),
		flash: readFlash(new URL(request.url), messages),
		submitted: await Promise.all(
			submitted.map(async (row) => ({
				...row,
				signed: row.signedAt ? formatDay(row.signedAt.slice(0, 10), language) : '',
				agreement: agreementView((await getAgreement(db, row.id))!, language),
			})),
		),
	}
}

export async function action({ request }: Route.ActionArgs) {
	const { db, coordinator, t } = await coordinatorsPage(request)
	const submission = parseWithZod(await request.formData(), { schema: reviewSchema(t) })
	if (submission.status !== 'success')
		return data({ agreementId: Number(submission.payload.agreementId), result: submission.reply() }, { status: 400 })
	const decision = submission.value
	const outcome = await reviewAgreement(
		db,
		decision.agreementId,
		coordinator.id,
		decision.intent === 'approve' ? { intent: 'approve' } : { intent: 'return', comment: decision.comment },
	)
	if (outcome === 'not-submitted')
		return data(
			{
				agreementId: decision.agreementId,
				result: submission.reply({ formErrors: [t('errors.notSubmitted')] }),
			},
			{ status: 409 },
		)
	return redirect(withFlash('/admin/partners', decision.intent === 'approve' ? 'approved' : 'returned'))
}

export default function AdminPartners({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('partners')
	const { submitted, flash } = loaderData
	return (
		<div className="page narrow">
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<h1>{t('admin.title')}</h1>
			<p>
				<Link to="/admin/partners/challenges">{t('admin.challengesLink')}</Link> ·{' '}
				<Link to="/partners">{t('admin.directoryLink')}</Link>
			</p>
			<h2>{t('admin.submitted')}</h2>
			{submitted.length === 0 ? <p>{t('admin.none')}</p> : null}
			<ul className="review-list">
				{submitted.map((row) => {
					const errors = actionData?.agreementId === row.id ? actionData.result : null
					const commentErrors = errors?.error?.comment ?? null
					const formErrors = errors?.error?.[''] ?? null
					const commentId = `comment-${row.id}`
					return (
						<li key={row.id} className="card">
							<h3>
								<Link to={`/partners/${row.partnerSlug}`}>{row.partnerName}</Link>
							</h3>
							<p className="muted">{t('admin.signedBy', { name: row.signedBy ?? '—', date: row.signed })}</p>
							<details>
								<summary>{t('admin.show')}</summary>
								<AgreementCommitments agreement={row.agreement} />
							</details>
							<Form method="post" className="form">
								<input type="hidden" name="agreementId" value={row.id} />
								<ErrorList errors={formErrors} />
								<div className="field">
									<label htmlFor={commentId}>{t('admin.comment')}</label>
									<p id={`${commentId}-hint`} className="hint">
										{t('admin.commentHint')}
									</p>
									<textarea
										id={commentId}
										name="comment"
										rows={3}
										aria-invalid={commentErrors ? true : undefined}
										aria-describedby={commentErrors ? `${commentId}-hint ${commentId}-error` : `${commentId}-hint`}
									/>
									<ErrorList id={`${commentId}-error`} errors={commentErrors} />
								</div>
								<div className="button-row">
									<button type="submit" name="intent" value="approve" className="primary">
										{t('admin.approve')}
									</button>
									<button type="submit" name="intent" value="return" className="secondary">
										{t('admin.return')}
									</button>
								</div>
							</Form>
						</li>
					)
				})}
			</ul>
		</div>
	)
}
