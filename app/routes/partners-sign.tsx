import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/partners-sign'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { config } from '#app/config.server.ts'
import { getLanguage } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { challengeCatalogue, openAgreement } from '#app/partners/agreements.server.ts'
import { AgreementForm } from '#app/partners/components.tsx'
import { contactsPage, submitAgreementForm } from '#app/partners/forms.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import '#app/partners/partners.css'

export const handle: I18nHandle = { i18n: ['partners'] }

/** The contact fills in and signs the partner's open agreement (a draft, or one sent back). */

const messages = { registered: 'done.registered', renewed: 'done.renewed', signed: 'done.signed' } as const

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { db, partner, t } = await contactsPage(request, params.slug)
	const language = await getLanguage(request)
	const agreement = await openAgreement(db, partner.id)
	const chosen = new Set(agreement?.challenges.map((c) => c.id))
	// The catalogue as offered now, plus any retired challenge this agreement already names.
	const catalogue = [
		...(await challengeCatalogue(db)),
		...(agreement?.challenges.filter((c) => c.retired_at !== null) ?? []),
	]
	return {
		title: t('sign.title', { partner: partner.name }),
		partner: { slug: partner.slug, name: partner.name },
		flash: readFlash(new URL(request.url), messages),
		goal: { percent: config.partners.target2030Percent, year: config.partners.climateNeutralYear },
		agreement: agreement
			? {
					id: agreement.id,
					status: agreement.status,
					reviewComment: agreement.review_comment,
					defaults: {
						communication: agreement.communication_commitment,
						education: agreement.education_commitment,
						baselineYear: agreement.co2_baseline_year === null ? '' : String(agreement.co2_baseline_year),
						target2030Percent: String(agreement.co2_target_2030_percent),
						climateNeutralYear: String(agreement.climate_neutral_year),
						challenges: [...chosen].map(String),
					},
				}
			: null,
		challenges: catalogue.map((c) => ({
			id: c.id,
			title: language === 'en' ? c.title_en : c.title_sv,
			description: c.description,
		})),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const { db, partner, user, t } = await contactsPage(request, params.slug)
	const agreement = await openAgreement(db, partner.id)
	if (!agreement) throw new Response('Not found', { status: 404 })
	const outcome = await submitAgreementForm(
		db,
		await request.formData(),
		t,
		{ agreementId: agreement.id, partnerId: partner.id, userId: user.id, clientIp: context.clientIp },
		request,
	)
	if (outcome.kind === 'refused') return data({ result: outcome.result }, { status: outcome.status })
	if (outcome.kind === 'invalid') return data({ result: outcome.result }, { status: 400 })
	if (outcome.kind === 'not-editable')
		return data({ result: { status: 'error' as const, error: { '': [t('errors.notEditable')] } } }, { status: 409 })
	return redirect(withFlash(`/partners/${partner.slug}/manage`, 'signed'))
}

export default function SignAgreement({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('partners')
	const { partner, agreement, flash } = loaderData
	return (
		<div className="page narrow">
			<p>
				<Link to={`/partners/${partner.slug}/manage`}>← {t('manage.title', { partner: partner.name })}</Link>
			</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<h1>{loaderData.title}</h1>
			{!agreement ? (
				<p>{t('sign.nothingOpen')}</p>
			) : agreement.status === 'submitted' ? (
				<p>{t('sign.submitted')}</p>
			) : (
				<>
					<p className="lead">{t('sign.intro')}</p>
					{agreement.status === 'returned' && agreement.reviewComment ? (
						<div className="card">
							<p>{t('sign.returned')}</p>
							<p className="review-comment">{agreement.reviewComment}</p>
						</div>
					) : null}
					<AgreementForm
						defaultValue={agreement.defaults}
						lastResult={actionData?.result}
						challenges={loaderData.challenges}
						goal={loaderData.goal}
					/>
				</>
			)}
		</div>
	)
}
