import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/sign'
import { consumeRateLimits, rateLimitBucket, refusePublicForm } from '#app/auth/rate-limit.server.ts'
import { getUser } from '#app/auth/session.server.ts'
import { normaliseEmail } from '#app/auth/verification.server.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { offeredCommitmentIds, offeredCommitments, toOffered } from '#app/pledge/catalogue.server.ts'
import {
	CommitmentChoices,
	DistrictField,
	OwnWordsInputs,
	ResidencyChoice,
	SignatureChoices,
} from '#app/pledge/components.tsx'
import { commonDistricts, SIGN_LIMITS, signFormDefaults, signPledge } from '#app/pledge/pledge.server.ts'
import { CONSENT_VERSION, createSignSchema, limits } from '#app/pledge/schemas.ts'
import { CheckboxField, FormErrors, TextField } from '#app/ui/forms.tsx'
import { HoneypotField } from '#app/ui/honeypot.tsx'
import { socialMeta } from '#app/common/social.ts'
import { getDb } from '#db/index.ts'
import '#app/pledge/pledge.css'

export const handle: I18nHandle = { i18n: ['pledge'] }

export function meta({ data }: Route.MetaArgs) {
	if (!data) return []
	return [
		{ title: data.title },
		{ name: 'description', content: data.description },
		...socialMeta({ title: data.title, description: data.description, url: `${data.appUrl}/sign` }),
	]
}

export async function loader({ request }: Route.LoaderArgs) {
	const db = getDb()
	const [language, user, t] = await Promise.all([getLanguage(request), getUser(request), getT(request, 'pledge')])
	const [catalogue, districts, defaults] = await Promise.all([
		offeredCommitments(db),
		commonDistricts(db),
		user ? signFormDefaults(db, user.id) : null,
	])
	return {
		title: t('sign.title'),
		appUrl: config.appUrl,
		description: t('sign.lead', { city: config.pact.city }),
		city: config.pact.city,
		pactName: config.pact.name,
		// The most chosen first, and so the categories in the order of their most chosen commitment:
		// most people find theirs at the top and never open the rest.
		commitments: catalogue.toSorted((a, b) => b.chosen_count - a.chosen_count).map((c) => toOffered(c, language)),
		districts,
		defaults,
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const db = getDb()
	const formData = await request.formData()
	const t = await getT(request, 'pledge')
	const submission = parseWithZod(formData, { schema: createSignSchema(t, await offeredCommitmentIds(db)) })
	const refused = await refusePublicForm(db, request, formData)
	if (refused) return data(submission.reply(refused), { status: refused.status })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })

	const email = normaliseEmail(submission.value.email)
	const allowed = await consumeRateLimits(db, [
		{ bucket: rateLimitBucket('sign', 'address', email), ...SIGN_LIMITS.perAddress },
		{ bucket: rateLimitBucket('sign', 'ip', context.clientIp), ...SIGN_LIMITS.perIp },
	])
	if (!allowed) return data(submission.reply({ formErrors: [t('errors.tooManyRequests')] }), { status: 429 })

	await signPledge(db, submission.value, { language: await getLanguage(request) })
	// The same answer whether the address was new, pending, confirmed or withdrawn.
	return redirect(`/sign/check-email?${new URLSearchParams({ email })}`)
}

export default function Sign({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('pledge')
	const { commitments, city, districts, defaults } = loaderData
	const ownWords = [...(defaults?.ownWords ?? [])]
	while (ownWords.length < limits.ownWordsLines) ownWords.push('')
	const [form, fields] = useForm({
		id: 'sign',
		lastResult: actionData,
		constraint: getZodConstraint(createSignSchema(t)),
		defaultValue: {
			name: defaults?.name,
			email: defaults?.email,
			livesInMunicipality: defaults?.livesInMunicipality,
			district: defaults?.district,
			commitmentIds: defaults?.commitmentIds,
			ownWords,
		},
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createSignSchema(t) }),
	})
	const alreadySigned = defaults?.status === 'confirmed'

	return (
		<div className="page sign-page">
			<header className="page-intro">
				<h1>{t('sign.title')}</h1>
				<p className="lead">{t('sign.lead', { city })}</p>
			</header>
			{alreadySigned ? (
				<p className="notice">
					{t('sign.alreadySigned')} <Link to="/my-pledge">{t('sign.toMyPledge')}</Link>
				</p>
			) : null}

			<Form method="post" className="form sign-form" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<HoneypotField />
				{form.errors?.length || Object.keys(form.allErrors).length === 0 ? null : (
					<p className="form-errors" role="alert">
						{t('sign.fixErrors')}
					</p>
				)}

				<section className="form-section" aria-labelledby="sign-section-about">
					<h2 id="sign-section-about">
						<span className="step-number" aria-hidden="true">
							1
						</span>
						{t('sign.aboutYou')}
					</h2>
					<TextField meta={fields.name} label={t('fields.name')} hint={t('fields.nameHint')} autoComplete="name" />
					<TextField
						meta={fields.email}
						label={t('fields.email')}
						hint={t('fields.emailHint')}
						type="email"
						autoComplete="email"
						inputMode="email"
					/>
					<ResidencyChoice meta={fields.livesInMunicipality} city={city} />
					<DistrictField meta={fields.district} suggestions={districts} />
				</section>

				<section className="form-section" aria-labelledby="sign-section-commitments">
					<h2 id="sign-section-commitments">
						<span className="step-number" aria-hidden="true">
							2
						</span>
						{t('sign.yourCommitments')}
					</h2>
					<p className="hint">{t('sign.commitmentsIntro')}</p>
					<CommitmentChoices
						meta={fields.commitmentIds}
						commitments={commitments}
						legend={t('sign.fromCatalogue')}
						hint={t('sign.fromCatalogueHint')}
					/>
					<OwnWordsInputs
						meta={fields.ownWords}
						legend={t('ownWords.legend')}
						hint={t('ownWords.hint', { max: limits.ownWords })}
					/>
				</section>

				<section className="form-section" aria-labelledby="sign-section-choices">
					<h2 id="sign-section-choices">
						<span className="step-number" aria-hidden="true">
							3
						</span>
						{t('sign.choices')}
					</h2>
					<SignatureChoices showFirstName={fields.showFirstName} newsletterConsent={fields.newsletterConsent} />
					<div className="consent-box">
						<h3>{t('consent.title')}</h3>
						<p>{t('consent.text', { city })}</p>
						<p className="hint">{t('consent.version', { version: CONSENT_VERSION })}</p>
						<CheckboxField meta={fields.consent} label={t('consent.label')} />
					</div>
				</section>

				<div className="button-row">
					<button type="submit" className="primary big">
						{t('sign.submit')}
					</button>
					<span className="hint">{t('sign.submitHint')}</span>
				</div>
			</Form>
		</div>
	)
}
