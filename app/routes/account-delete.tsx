import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/account-delete'
import { getUser, requireUser, signOut } from '#app/auth/session.server.ts'
import { titleMeta } from '#app/common/meta.ts'
import { config } from '#app/config.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { useTranslation } from '#app/i18n/use-translation.ts'
import { deleteAccount } from '#app/privacy/delete-account.server.ts'
import { createDeleteAccountSchema } from '#app/privacy/schemas.ts'
import { FormErrors, TextField } from '#app/ui/forms.tsx'
import { getDb } from '#db/index.ts'
import '#app/privacy/privacy.css'

export const handle: I18nHandle = { i18n: ['privacy'] }

export const meta = ({ data }: Route.MetaArgs) => titleMeta(data)

/** Deleting my account (app/privacy/delete-account.server.ts): what goes, what stays, a typed word to confirm. */
export async function loader({ request }: Route.LoaderArgs) {
	const t = await getT(request, 'privacy')
	const page = { pactName: config.pact.name }
	// After deleting, the person is signed out and sees the confirmation here.
	const deleted = new URL(request.url).searchParams.get('done') === 'deleted'
	if (deleted && !(await getUser(request))) return { ...page, title: t('delete.doneTitle'), deleted }
	await requireUser(request)
	return { ...page, title: t('delete.title'), deleted: false }
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const t = await getT(request, 'privacy')
	const submission = parseWithZod(await request.formData(), { schema: createDeleteAccountSchema(t) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	// The name left on what stays (proposals, stories…) is in the pact's own language.
	const anonymousName = (await getT(config.pact.defaultLanguage, 'privacy'))('delete.anonymousName')
	const outcome = await deleteAccount(getDb(), user.id, anonymousName)
	if (outcome.kind === 'last-contact') {
		const formErrors = [t('delete.lastContact', { partners: outcome.partners.join(', ') })]
		return data({ result: submission.reply({ formErrors }) }, { status: 409 })
	}
	return redirect('/account/delete?done=deleted', { headers: await signOut(request) })
}

export default function AccountDelete({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('privacy')
	const word = t('delete.confirmWord')
	const [form, fields] = useForm({
		id: 'account-delete',
		lastResult: actionData?.result,
		shouldValidate: 'onSubmit',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: createDeleteAccountSchema(t) }),
	})
	if (loaderData.deleted)
		return (
			<div className="page narrow">
				<h1>{t('delete.doneTitle')}</h1>
				<p role="status">{t('delete.doneText')}</p>
			</div>
		)
	return (
		<div className="page narrow account-delete">
			<h1>{t('delete.title')}</h1>
			<div className="card danger-zone stack">
				<p>{t('delete.removed')}</p>
				<p>{t('delete.places')}</p>
				<p>{t('delete.kept')}</p>
				<p>{t('delete.emails')}</p>
				<p>
					<a href="/my-pledge/data.json" download>
						{t('delete.download')}
					</a>
				</p>
			</div>
			<Form method="post" className="form stack" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<TextField meta={fields.confirm} label={t('delete.confirmLabel', { word })} autoComplete="off" />
				<div className="button-row">
					<button type="submit" className="danger">
						{t('delete.submit')}
					</button>
					<Link to="/my-pledge">{t('delete.cancel')}</Link>
				</div>
			</Form>
		</div>
	)
}
