import { Link } from 'react-router'
import type { Route } from './+types/partners-agreement'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { agreementView, formatDay } from '#app/partners/agreements.server.ts'
import { AgreementCommitments } from '#app/partners/components.tsx'
import { partnerForPage } from '#app/partners/partners.server.ts'
import { getDb } from '#db/index.ts'
import '#app/partners/partners.css'

export const handle: I18nHandle = { i18n: ['partners'] }

/** The agreement in force as a document to print (print CSS in partners.css hides the site's frame). */

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const db = getDb()
	const { partner, agreement } = await partnerForPage(db, request, params.slug)
	if (!agreement) throw new Response('Not found', { status: 404 })
	const language = await getLanguage(request)
	const signer = agreement.signed_by
		? await db.selectFrom('user').select('name').where('id', '=', agreement.signed_by).executeTakeFirst()
		: undefined
	const tp = await getT(request, 'partners')
	return {
		title: tp('print.title', { partner: partner.name, pact: config.pact.name }),
		pact: { name: config.pact.name, city: config.pact.city },
		partner: { slug: partner.slug, name: partner.name, type: partner.type, sector: partner.sector },
		agreement: {
			...agreementView(agreement, language),
			period: { start: formatDay(agreement.period_start, language), end: formatDay(agreement.period_end, language) },
			signed: agreement.signed_at ? formatDay(agreement.signed_at.slice(0, 10), language) : null,
			approved: agreement.reviewed_at ? formatDay(agreement.reviewed_at.slice(0, 10), language) : null,
			signer: signer?.name ?? null,
		},
	}
}

export default function PrintableAgreement({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('partners')
	const { partner, agreement, pact } = loaderData
	return (
		<article className="page printable-agreement">
			<p className="no-print">
				<Link to={`/partners/${partner.slug}`}>← {t('print.back', { partner: partner.name })}</Link>{' '}
				<button type="button" className="secondary" onClick={() => window.print()}>
					{t('print.printButton')}
				</button>
			</p>
			<h1>{loaderData.title}</h1>
			<section aria-labelledby="parties-heading">
				<h2 id="parties-heading">{t('print.parties')}</h2>
				<p>
					{pact.name} ({pact.city})
					<br />
					{t('print.partner')}: {partner.name}, {t(`types.${partner.type}`)}, {partner.sector}
				</p>
				<p>{t('partner.period', agreement.period)}</p>
			</section>
			<section aria-labelledby="commitments-heading">
				<h2 id="commitments-heading">{t('partner.agreement')}</h2>
				<AgreementCommitments agreement={agreement} />
			</section>
			<section aria-labelledby="signatures-heading">
				<h2 id="signatures-heading">{t('status.approved')}</h2>
				{agreement.signed && agreement.signer ? (
					<p>{t('print.signed', { name: agreement.signer, date: agreement.signed })}</p>
				) : null}
				{agreement.approved ? <p>{t('print.approved', { date: agreement.approved })}</p> : null}
			</section>
		</article>
	)
}
