import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/verify'
import {
	afterSignInPath,
	CODE_VALID_MINUTES as minutes,
	verifyCodeAndSignIn,
	verifyLinkAndSignIn,
	type VerifyResult,
} from '#app/auth/sign-in.server.ts'
import { peekLinkToken } from '#app/auth/verification.server.ts'
import { formatDateTime } from '#app/common/format.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { ErrorList, FormErrors, TextField } from '#app/ui/forms.tsx'
import { HoneypotField } from '#app/ui/honeypot.tsx'
import { refusePublicForm } from '#app/auth/rate-limit.server.ts'
import { getDb } from '#db/index.ts'
import '../auth/auth.css'
import { createCodeSchema, createEmailSchema, linkSchema, purposeSchema, type Purpose } from '#app/auth/schemas.ts'

export const handle: I18nHandle = { i18n: ['auth'] }

/**
 * The one page that checks every emailed proof. Opened from a link it shows a single button
 * (the POST acts; a GET changes nothing, because mail scanners follow links). Opened after asking
 * for a code it shows the code form.
 */
type Failure = Extract<VerifyResult, { ok: false }>['reason']

const codeErrors = {
	invalid: 'errors.invalid',
	expired: 'errors.expired',
	'too-many-attempts': 'errors.tooManyAttempts',
	'rate-limited': 'errors.rateLimitedAttempts',
	'no-signature': 'errors.noSignature',
	'locked-out': 'errors.lockedOut',
	'locked-out-today': 'errors.lockedOutToday',
} as const satisfies Record<Failure, string>

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const t = await getT(request, 'auth')
	const redirectTo = afterSignInPath(url.searchParams.get('redirectTo'))
	const token = url.searchParams.get('token')
	if (token) {
		const link = await peekLinkToken(getDb(), token)
		const title = !link
			? t('verify.linkInvalidTitle')
			: link.purpose === 'sign-in'
				? t('verify.linkTitleSignIn')
				: t('verify.linkTitleConfirm')
		return data(
			{ mode: 'link' as const, title, token, purpose: link?.purpose ?? null, redirectTo, minutes },
			{ status: link ? 200 : 400 },
		)
	}
	const email = createEmailSchema(t).safeParse(url.searchParams.get('email'))
	const purpose = purposeSchema.safeParse(url.searchParams.get('purpose') ?? 'sign-in')
	if (email.success && purpose.success) {
		return data({
			mode: 'code' as const,
			title: t('verify.title'),
			email: email.data,
			purpose: purpose.data,
			redirectTo,
			minutes,
		})
	}
	return data({ mode: 'start' as const, title: t('verify.missingTitle'), minutes })
}

/** Refusals that keep the person waiting, and so answer 429. */
function isLimit(reason: Failure): boolean {
	return reason === 'rate-limited' || reason === 'locked-out' || reason === 'locked-out-today'
}

export async function action({ request, context }: Route.ActionArgs) {
	const formData = await request.formData()
	const db = getDb()
	if (formData.has('token')) {
		const submission = parseWithZod(formData, { schema: linkSchema })
		const result: VerifyResult =
			submission.status === 'success'
				? await verifyLinkAndSignIn(db, {
						token: submission.value.token,
						clientIp: context.clientIp,
						redirectTo: submission.value.redirectTo,
					})
				: { ok: false, reason: 'invalid' }
		if (result.ok) return redirect(result.redirectTo, { headers: result.headers })
		return data({ kind: 'link' as const, reason: result.reason }, { status: isLimit(result.reason) ? 429 : 400 })
	}

	const t = await getT(request, 'auth')
	const submission = parseWithZod(formData, { schema: createCodeSchema(t) })
	const refused = await refusePublicForm(db, request, formData)
	if (refused)
		return data({ kind: 'code' as const, result: submission.reply(refused), form: null }, { status: refused.status })
	if (submission.status !== 'success')
		return data({ kind: 'code' as const, result: submission.reply(), form: null }, { status: 400 })
	const { email, purpose, code } = submission.value
	const redirectTo = afterSignInPath(submission.value.redirectTo)
	const result = await verifyCodeAndSignIn(db, { email, purpose, code, clientIp: context.clientIp, redirectTo })
	if (result.ok) return redirect(result.redirectTo, { headers: result.headers })
	// A locked address says until when, in the pact's time zone.
	const when =
		'until' in result ? formatDateTime(result.until.toISOString(), await getLanguage(request), config.timeZone) : ''
	// The code field says what went wrong; nothing else has changed. The form's context comes
	// back too, for a code form posted from another page to /verify without a query string.
	return data(
		{
			kind: 'code' as const,
			result: submission.reply({ fieldErrors: { code: [t(codeErrors[result.reason], { when })] } }),
			form: { email, purpose, redirectTo },
		},
		{ status: isLimit(result.reason) ? 429 : 400 },
	)
}

export default function Verify({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('auth')
	if (loaderData.mode === 'link') {
		return <LinkConfirmation {...loaderData} failure={actionData?.kind === 'link' ? actionData.reason : undefined} />
	}
	const codeForm = loaderData.mode === 'code' ? loaderData : actionData?.kind === 'code' ? actionData.form : null
	if (codeForm) {
		return (
			<CodeForm
				{...codeForm}
				minutes={loaderData.minutes}
				lastResult={actionData?.kind === 'code' ? actionData.result : undefined}
			/>
		)
	}
	return (
		<div className="page narrow">
			<h1>{t('verify.missingTitle')}</h1>
			<p className="lead">{t('verify.missing')}</p>
			<p>
				<Link to="/login" className="button">
					{t('verify.toLogin')}
				</Link>
			</p>
		</div>
	)
}

function LinkConfirmation({
	token,
	purpose,
	redirectTo,
	minutes,
	failure,
}: {
	token: string
	purpose: Purpose | null
	redirectTo: string
	minutes: number
	failure?: Failure
}) {
	const { t } = useTranslation('auth')
	// A link that can still be used keeps its button: after "too many tries, wait" the person may try again later.
	if (purpose && (!failure || failure === 'rate-limited')) {
		const confirm = purpose === 'confirm-signature'
		return (
			<div className="page narrow">
				<h1>{confirm ? t('verify.linkTitleConfirm') : t('verify.linkTitleSignIn')}</h1>
				<p className="lead">{confirm ? t('verify.linkLeadConfirm') : t('verify.linkLeadSignIn')}</p>
				<Form method="post" className="form">
					<input type="hidden" name="token" value={token} />
					<input type="hidden" name="redirectTo" value={redirectTo} />
					{failure ? <FormErrors errors={[codeErrors[failure]]} /> : null}
					<div className="button-row">
						<button type="submit" className="primary auth-big-button">
							{confirm ? t('verify.submitConfirm') : t('verify.submitSignIn')}
						</button>
					</div>
				</Form>
			</div>
		)
	}
	const message =
		failure === 'expired'
			? t('verify.linkExpired', { minutes })
			: failure === 'too-many-attempts'
				? t('verify.linkLocked')
				: failure === 'no-signature'
					? t('verify.linkNoSignature')
					: t('verify.linkInvalid', { minutes })
	return (
		<div className="page narrow">
			<h1>{t('verify.linkInvalidTitle')}</h1>
			<p className="lead" role={failure ? 'alert' : undefined}>
				{message}
			</p>
			<p className="button-row">
				<Link
					to={failure === 'no-signature' ? '/sign' : `/login?${new URLSearchParams({ redirectTo })}`}
					className="button"
				>
					{failure === 'no-signature' ? t('login.signLink') : t('verify.startOver')}
				</Link>
			</p>
		</div>
	)
}

function CodeForm({
	email,
	purpose,
	redirectTo,
	minutes,
	lastResult,
}: {
	email: string
	purpose: Purpose
	redirectTo: string
	minutes: number
	lastResult?: SubmissionResult<string[]>
}) {
	const { t } = useTranslation('auth')
	const confirm = purpose === 'confirm-signature'
	const [form, fields] = useForm({
		id: 'verify-code',
		lastResult,
		constraint: getZodConstraint(createCodeSchema(t)),
		defaultValue: { email, purpose, redirectTo },
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createCodeSchema(t) }),
	})
	// Errors in the hidden fields (a tampered or broken link) are shown above the form.
	const hiddenErrors = [...(fields.email.errors ?? []), ...(fields.purpose.errors ?? [])]
	return (
		<div className="page narrow">
			<h1>{t('verify.title')}</h1>
			<p className="lead">{confirm ? t('verify.sentConfirm', { email }) : t('verify.sentSignIn', { email })}</p>
			<Form method="post" className="form card" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				{hiddenErrors.length ? (
					<div className="form-errors" role="alert">
						<ErrorList errors={hiddenErrors} />
					</div>
				) : null}
				<HoneypotField />
				<input type="hidden" name={fields.email.name} value={email} />
				<input type="hidden" name={fields.purpose.name} value={purpose} />
				<input type="hidden" name={fields.redirectTo.name} value={redirectTo} />
				<div className="auth-code-field">
					<TextField
						meta={fields.code}
						label={t('verify.code')}
						hint={t('verify.codeHint', { minutes })}
						autoComplete="one-time-code"
						inputMode="numeric"
					/>
				</div>
				<div className="button-row">
					<button type="submit" className="primary">
						{confirm ? t('verify.submitConfirm') : t('verify.submitSignIn')}
					</button>
				</div>
			</Form>
			<p>{t('verify.orButton')}</p>
			<p>
				{t('verify.noEmail')}{' '}
				{confirm ? (
					<Link to="/sign">{t('verify.signAgain')}</Link>
				) : (
					<Link to={`/login?${new URLSearchParams({ email, redirectTo })}`}>{t('verify.newCode')}</Link>
				)}
			</p>
		</div>
	)
}
