import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/awards-nominate'
import { refusePublicForm } from '#app/auth/rate-limit.server.ts'
import { requireUser } from '#app/auth/session.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { formatMonth } from '#app/common/format.ts'
import { titleMeta } from '#app/common/meta.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { awardMonth, nominablePartners, nominate, nominationsBy } from '#app/stories/awards.server.ts'
import { NominationForm } from '#app/stories/forms.tsx'
import { createNominationSchema } from '#app/stories/schemas.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { storiesPage } from '#app/stories/pages.server.ts'
import { getDb } from '#db/index.ts'
import '#app/stories/stories.css'

export const handle: I18nHandle = { i18n: ['stories'] }

const messages = { nominated: 'flash.nominated' } as const

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

/** Anyone signed in nominates a climate action for this month's award. */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const db = getDb()
	const { t, language, head } = await storiesPage(request)
	const month = awardMonth()
	const [partners, mine] = await Promise.all([nominablePartners(db), nominationsBy(db, user.id, month)])
	return {
		...head(t('nominate.title')),
		monthName: formatMonth(month, language),
		partners,
		mine,
		flash: readFlash(new URL(request.url), messages),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const t = await getT(request, 'stories')
	const form = await request.formData()
	const refused = await refusePublicForm(getDb(), request, form, {
		form: 'nomination',
		clientIp: context.clientIp,
		person: user.id,
	})
	const submission = parseWithZod(form, { schema: createNominationSchema(t) })
	if (refused) return data(submission.reply(refused), { status: refused.status })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const outcome = await nominate(getDb(), user.id, submission.value)
	if (!outcome.ok) {
		const fieldErrors =
			outcome.reason === 'unknownPartner'
				? { partnerId: [t('errors.unknownPartner')] }
				: { [submission.value.nomineeKind === 'partner' ? 'partnerId' : 'nomineeName']: [t('errors.alreadyNominated')] }
		return data(submission.reply({ fieldErrors }), { status: 400 })
	}
	return redirect(withFlash('/awards/nominate', 'nominated'), 303)
}

export default function Nominate({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('stories')
	const { monthName, partners, mine, flash } = loaderData
	return (
		<div className="page narrow">
			<p className="breadcrumb">
				<Link to="/awards">← {t('awards.title')}</Link>
			</p>
			<h1>{t('nominate.title')}</h1>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<p className="lead">{t('nominate.lead', { month: monthName })}</p>
			<NominationForm lastResult={actionData} partners={partners} />
			{mine.length > 0 ? (
				<section aria-labelledby="mine-title">
					<h2 id="mine-title">{t('nominate.mine', { month: monthName })}</h2>
					<ul className="nomination-list">
						{mine.map((nomination) => (
							<li key={nomination.id} className="card stack">
								<p>
									<strong>
										<bdi>{nomination.nominee_name}</bdi>
									</strong>{' '}
									<span className="muted">({t(`awards.kind.${nomination.nominee_kind}`)})</span>
								</p>
								<p>{nomination.action}</p>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}
