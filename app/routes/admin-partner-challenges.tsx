import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/admin-partner-challenges'
import { requirePermission } from '#app/auth/session.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { challengeCatalogue } from '#app/partners/agreements.server.ts'
import { addChallenge, challengeUse, setChallengeRetired } from '#app/partners/challenges.server.ts'
import { coordinatorsPage } from '#app/partners/forms.server.ts'
import { challengeSchema } from '#app/partners/schemas.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { FormErrors, TextField } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/partners/partners.css'

export const handle: I18nHandle = { i18n: ['partners'] }

/** Coordinators keep the climate challenges partners choose from: add, retire, reinstate. */

const messages = { added: 'done.challengeAdded', changed: 'done.challengeChanged' } as const

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	const { db, t } = await coordinatorsPage(request)
	const use = await challengeUse(db)
	return {
		title: t('challenges.title'),
		flash: readFlash(new URL(request.url), messages),
		challenges: (await challengeCatalogue(db, { withRetired: true })).map((c) => ({
			...c,
			used: use.get(c.id) ?? 0,
		})),
	}
}

export async function action({ request }: Route.ActionArgs) {
	await requirePermission(request, 'partners:manage')
	const db = getDb()
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'retire' || intent === 'reinstate') {
		const found = await setChallengeRetired(db, Number(formData.get('challengeId')), intent === 'retire')
		if (!found) throw new Response('Not found', { status: 404 })
		return redirect(withFlash('/admin/partners/challenges', 'changed'))
	}
	const submission = parseWithZod(formData, { schema: challengeSchema(await getT(request, 'partners')) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	await addChallenge(db, submission.value)
	return redirect(withFlash('/admin/partners/challenges', 'added'))
}

export default function AdminChallenges({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('partners')
	const [form, fields] = useForm({
		id: 'challenge-new',
		lastResult: actionData?.result,
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: challengeSchema(t) }),
	})
	return (
		<div className="page narrow">
			<p>
				<Link to="/admin/partners">← {t('challenges.back')}</Link>
			</p>
			<FlashMessage>{loaderData.flash ? t(messages[loaderData.flash.key]) : null}</FlashMessage>
			<h1>{t('challenges.title')}</h1>
			<p className="lead">{t('challenges.intro')}</p>
			<ul className="member-list">
				{loaderData.challenges.map((challenge) => (
					<li key={challenge.id}>
						<span>
							<strong>{challenge.title_sv}</strong> / {challenge.title_en}{' '}
							<span className="muted">
								({challenge.retired_at ? `${t('challenges.retired')}, ` : ''}
								{t('challenges.used', { count: challenge.used })})
							</span>
						</span>
						<Form method="post">
							<input type="hidden" name="challengeId" value={challenge.id} />
							<button
								type="submit"
								name="intent"
								value={challenge.retired_at ? 'reinstate' : 'retire'}
								className="secondary"
								aria-label={`${t(challenge.retired_at ? 'challenges.reinstate' : 'challenges.retire')}: ${challenge.title_sv}`}
							>
								{t(challenge.retired_at ? 'challenges.reinstate' : 'challenges.retire')}
							</button>
						</Form>
					</li>
				))}
			</ul>
			<h2>{t('challenges.add')}</h2>
			<Form method="post" className="form" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="add" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<div className="stack">
					<TextField meta={fields.titleSv} label={t('challenges.titleSv')} />
					<TextField meta={fields.titleEn} label={t('challenges.titleEn')} />
					<TextField meta={fields.description} label={t('challenges.description')} optional />
				</div>
				<div className="button-row">
					<button type="submit" className="primary">
						{t('challenges.add')}
					</button>
				</div>
			</Form>
		</div>
	)
}
