import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/login'
import { refusePublicForm } from '#app/auth/rate-limit.server.ts'
import { getUser } from '#app/auth/session.server.ts'
import { afterSignInPath, requestSignIn } from '#app/auth/sign-in.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { FormErrors, TextField } from '#app/ui/forms.tsx'
import { HoneypotField } from '#app/ui/honeypot.tsx'
import { getDb } from '#db/index.ts'
import { createLoginSchema } from '#app/auth/schemas.ts'

export const handle: I18nHandle = { i18n: ['auth'] }

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const redirectTo = afterSignInPath(url.searchParams.get('redirectTo'))
	// Someone already signed in has nothing to do here.
	if (await getUser(request)) throw redirect(redirectTo)
	const t = await getT(request, 'auth')
	return { title: t('login.title'), redirectTo, email: url.searchParams.get('email')?.slice(0, 254) ?? '' }
}

export async function action({ request, context }: Route.ActionArgs) {
	const t = await getT(request, 'auth')
	const form = await request.formData()
	const submission = parseWithZod(form, { schema: createLoginSchema(t) })
	const refused = await refusePublicForm(getDb(), request, form)
	if (refused) return data({ result: submission.reply(refused) }, { status: refused.status })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const { email } = submission.value
	const redirectTo = afterSignInPath(submission.value.redirectTo)
	const outcome = await requestSignIn(getDb(), {
		email,
		clientIp: context.clientIp,
		language: await getLanguage(request),
		redirectTo,
	})
	if (!outcome.ok)
		return data({ result: submission.reply({ formErrors: [t('errors.tooManyRequests')] }) }, { status: 429 })
	// The same answer whether or not the address has an account (see requestSignIn).
	return redirect(`/verify?${new URLSearchParams({ email, purpose: 'sign-in', redirectTo })}`)
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('auth')
	const [form, fields] = useForm({
		id: 'login',
		lastResult: actionData?.result,
		constraint: getZodConstraint(createLoginSchema(t)),
		defaultValue: { email: loaderData.email, redirectTo: loaderData.redirectTo },
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createLoginSchema(t) }),
	})
	return (
		<div className="page narrow">
			<h1>{t('login.title')}</h1>
			<p className="lead">{t('login.lead')}</p>
			<Form method="post" className="form card" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<HoneypotField />
				<input type="hidden" name={fields.redirectTo.name} value={loaderData.redirectTo} />
				<TextField
					meta={fields.email}
					label={t('login.email')}
					hint={t('login.emailHint')}
					type="email"
					autoComplete="email"
					inputMode="email"
				/>
				<div className="button-row">
					<button type="submit" className="primary">
						{t('login.submit')}
					</button>
				</div>
			</Form>
			<p>
				{t('login.notSignedYet')} <Link to="/sign">{t('login.signLink')}</Link>
			</p>
		</div>
	)
}
