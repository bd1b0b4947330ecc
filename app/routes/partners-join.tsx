import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/partners-join'
import { requireUser } from '#app/auth/session.server.ts'
import { withFlash } from '#app/common/flash.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { imageFieldView } from '#app/images/upload.server.ts'
import { PartnerForm } from '#app/partners/components.tsx'
import { submitPartnerForm } from '#app/partners/forms.server.ts'
import { partnersOf } from '#app/partners/partners.server.ts'
import { getDb } from '#db/index.ts'
import '#app/partners/partners.css'

export const handle: I18nHandle = { i18n: ['partners', 'images'] }

/** A signed-in person registers an organisation, becomes its contact, and goes on to sign the agreement. */

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const t = await getT(request, 'partners')
	const mine = (await partnersOf(getDb(), user.id)).filter((partner) => partner.role === 'contact')
	return { title: t('join.title'), logo: await imageFieldView(getDb(), null), mine }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const outcome = await submitPartnerForm(getDb(), request, await getT(request, 'partners'), {
		partnerId: null,
		userId: user.id,
		clientIp: context.clientIp,
	})
	if (outcome.kind === 'refused') return data({ result: outcome.result, logo: undefined }, { status: outcome.status })
	if (outcome.kind === 'invalid') return data({ result: outcome.result, logo: outcome.logo }, { status: 400 })
	return redirect(withFlash(`/partners/${outcome.slug}/sign`, 'registered'))
}

export default function PartnersJoin({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('partners')
	return (
		<div className="page narrow">
			<h1>{t('join.title')}</h1>
			<p className="lead">{t('join.intro')}</p>
			{loaderData.mine.length > 0 ? (
				<>
					<p>{t('join.yours')}</p>
					<ul>
						{loaderData.mine.map((partner) => (
							<li key={partner.id}>
								<Link to={`/partners/${partner.slug}/manage`}>{partner.name}</Link>
							</li>
						))}
					</ul>
				</>
			) : null}
			<PartnerForm
				id="partner-join"
				lastResult={actionData?.result}
				logo={actionData?.logo ?? loaderData.logo}
				submitLabel={t('join.submit')}
			/>
		</div>
	)
}
