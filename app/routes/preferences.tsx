import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, redirect } from 'react-router'
import type { Route } from './+types/preferences'
import { getUser } from '#app/auth/session.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { createPreferencesSchema } from '#app/newsletters/schemas.ts'
import { emailPreferences, readEmailLinkToken } from '#app/common/email-preferences.server.ts'
import { readFlash, withFlash } from '#app/common/flash.ts'
import { saveEmailPreferences } from '#app/newsletters/unsubscribe.server.ts'
import { FlashMessage } from '#app/ui/flash-message.tsx'
import { CheckboxField, FormErrors } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/newsletters/newsletters.css'

export const handle: I18nHandle = { i18n: ['newsletters', 'auth'] }

/**
 * Which emails a person gets. Reached signed in, or from the link in any newsletter or digest
 * (signed for that person, so it works without signing in).
 */
export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

async function whoseToken(request: Request, token: string | null | undefined): Promise<number | null> {
	if (token) {
		const claims = readEmailLinkToken(token)
		return claims?.list === 'preferences' ? claims.userId : null
	}
	return (await getUser(request))?.id ?? null
}

/** The confirmation this page shows after saving (app/common/flash.ts). */
const messages = { saved: 'preferences.saved' } as const

export async function loader({ request }: Route.LoaderArgs) {
	const token = new URL(request.url).searchParams.get('token')
	const userId = await whoseToken(request, token)
	if (!userId) {
		if (token) throw data(null, { status: 400 })
		throw redirect(`/login?${new URLSearchParams({ redirectTo: '/preferences' })}`)
	}
	const preferences = await emailPreferences(getDb(), userId)
	if (!preferences) throw data(null, { status: 404 })
	const t = await getT(request, 'newsletters')
	return { title: t('preferences.title'), token, preferences, flash: readFlash(new URL(request.url), messages) }
}

export async function action({ request }: Route.ActionArgs) {
	const submission = parseWithZod(await request.formData(), {
		schema: createPreferencesSchema(await getT(request, 'newsletters')),
	})
	const userId = await whoseToken(request, submission.payload.token as string | undefined)
	if (!userId) throw data(null, { status: 403 })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const { token, ...preferences } = submission.value
	await saveEmailPreferences(getDb(), userId, preferences)
	return redirect(withFlash(token ? `/preferences?${new URLSearchParams({ token })}` : '/preferences', 'saved'))
}

export default function Preferences({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('newsletters')
	const { preferences, token, flash } = loaderData
	const [form, fields] = useForm({
		lastResult: actionData,
		constraint: getZodConstraint(createPreferencesSchema(t)),
		defaultValue: {
			digestFrequency: preferences.digestFrequency,
			newsletters: preferences.newsletters ? 'on' : undefined,
			eventReminders: preferences.eventReminders ? 'on' : undefined,
			levelUpEmails: preferences.levelUpEmails ? 'on' : undefined,
		},
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createPreferencesSchema(t) }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="page narrow">
			<h1>{t('preferences.title')}</h1>
			<p className="lead">{t('preferences.lead', { email: preferences.email })}</p>
			<FlashMessage>{flash ? t(messages[flash.key]) : null}</FlashMessage>
			<Form method="post" className="form" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				{token ? <input type="hidden" name="token" value={token} /> : null}
				<fieldset>
					<legend>{t('preferences.digest')}</legend>
					<p className="hint">{t('preferences.digestHint')}</p>
					<div className="choice-list">
						{(['weekly', 'monthly', 'off'] as const).map((value) => (
							<label key={value} className="choice">
								<input
									type="radio"
									name={fields.digestFrequency.name}
									value={value}
									defaultChecked={preferences.digestFrequency === value}
								/>
								{t(`preferences.frequency.${value}`)}
							</label>
						))}
					</div>
				</fieldset>
				<fieldset>
					<legend>{t('preferences.other')}</legend>
					{preferences.signed ? (
						<CheckboxField
							meta={fields.newsletters}
							label={t('preferences.newsletters')}
							hint={t('preferences.newslettersHint')}
						/>
					) : (
						<p className="hint">{t('preferences.newslettersNotSigned')}</p>
					)}
					<CheckboxField meta={fields.eventReminders} label={t('preferences.eventReminders')} />
					<CheckboxField meta={fields.levelUpEmails} label={t('preferences.levelUpEmails')} />
				</fieldset>
				<div className="button-row">
					<button type="submit" className="primary">
						{t('preferences.save')}
					</button>
				</div>
			</Form>
			{token ? null : <SignOutEverywhere />}
		</div>
	)
}

/** Ends every session of the person, on every device (issue 12); only for someone signed in here. */
function SignOutEverywhere() {
	const { t } = useTranslation('auth')
	return (
		<section aria-labelledby="sign-out-everywhere">
			<h2 id="sign-out-everywhere">{t('signOutEverywhere.title')}</h2>
			<p className="hint">{t('signOutEverywhere.hint')}</p>
			<Form method="post" action="/logout" className="button-row">
				<input type="hidden" name="scope" value="everywhere" />
				<button type="submit" className="secondary">
					{t('signOutEverywhere.submit')}
				</button>
			</Form>
		</section>
	)
}
