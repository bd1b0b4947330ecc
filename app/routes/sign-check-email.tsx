import { useTranslation } from '#app/i18n/use-translation.ts'
import { Form, Link } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/sign-check-email'
import { CODE_VALID_MINUTES } from '#app/auth/sign-in.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useRootData } from '#app/ui/use-root-data.ts'
import { SharePact } from '#app/ui/share.tsx'
import { config } from '#app/config.server.ts'
import '#app/pledge/pledge.css'

export const handle: I18nHandle = { i18n: ['pledge', 'pages'] }

/**
 * "Check your email", the same for every address: whether it was new, pending, confirmed or
 * withdrawn is told only in the email itself. The code form posts to /verify.
 */
const emailSchema = z.string().trim().max(254).pipe(z.email())

export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request }: Route.LoaderArgs) {
	const t = await getT(request, 'pledge')
	const email = emailSchema.safeParse(new URL(request.url).searchParams.get('email'))
	return {
		title: t('checkEmail.title'),
		email: email.success ? email.data : null,
		minutes: CODE_VALID_MINUTES,
		// What the person shares: the pact's front page, where the count and the sign button are.
		shareUrl: `${config.appUrl}/`,
	}
}

export default function SignCheckEmail({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('pledge')
	const root = useRootData()
	const { email, minutes } = loaderData
	return (
		<div className="page narrow check-email">
			<div className="check-email-icon" aria-hidden="true">
				✉
			</div>
			<h1>{t('checkEmail.title')}</h1>
			{email ? (
				<p className="lead">
					{t('checkEmail.sentTo')} <strong className="email-address">{email}</strong>
				</p>
			) : (
				<p className="lead">{t('checkEmail.sentToYou')}</p>
			)}
			<p>{t('checkEmail.explain', { minutes })}</p>

			{root?.mailboxOpen ? (
				<p className="notice">
					{t('checkEmail.localMailbox')} <Link to="/dev/mail">{t('checkEmail.localMailboxLink')}</Link>
				</p>
			) : null}

			{email ? (
				<Form method="post" action="/verify" className="form card code-form">
					<h2>{t('checkEmail.codeTitle')}</h2>
					<input type="hidden" name="email" value={email} />
					<input type="hidden" name="purpose" value="confirm-signature" />
					<div className="field">
						<label htmlFor="confirm-code">{t('checkEmail.codeLabel')}</label>
						<p id="confirm-code-hint" className="hint">
							{t('checkEmail.codeHint')}
						</p>
						<input
							id="confirm-code"
							name="code"
							className="code-input"
							type="text"
							inputMode="numeric"
							autoComplete="one-time-code"
							pattern="\s*[0-9]{3}\s?[0-9]{3}\s*"
							maxLength={8}
							required
							aria-describedby="confirm-code-hint"
						/>
					</div>
					<div className="button-row">
						<button type="submit" className="primary">
							{t('checkEmail.submit')}
						</button>
					</div>
				</Form>
			) : null}

			<SharePact url={loaderData.shareUrl} pactName={root?.pact.name ?? ''} />

			<h2 className="small-heading">{t('checkEmail.noEmailTitle')}</h2>
			<ul>
				<li>{t('checkEmail.noEmailSpam')}</li>
				<li>
					{t('checkEmail.noEmailTypo')} <Link to="/sign">{t('checkEmail.signAgain')}</Link>
				</li>
			</ul>
		</div>
	)
}
