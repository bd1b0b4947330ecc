import { useTranslation } from '#app/i18n/use-translation.ts'
import { data, Form, Link } from 'react-router'
import type { Route } from './+types/unsubscribe'
import { getT } from '#app/i18n/i18n.server.ts'
import type { I18nHandle } from '#app/i18n/i18n.ts'
import { preferencesUrl, readEmailLinkToken } from '#app/common/email-preferences.server.ts'
import { unsubscribe } from '#app/newsletters/unsubscribe.server.ts'
import { getDb } from '#db/index.ts'

export const handle: I18nHandle = { i18n: ['newsletters'] }

/**
 * One-click unsubscribe (RFC 8058). GET only shows a button, because mail scanners open links;
 * the POST, from the button or straight from a mail client, unsubscribes without signing in.
 */
export function meta({ data }: Route.MetaArgs) {
	return [{ title: data?.title }]
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const t = await getT(request, 'newsletters')
	const claims = readEmailLinkToken(params.token)
	if (!claims || claims.list === 'preferences')
		return data({ title: t('unsubscribe.invalidTitle'), list: null }, { status: 400 })
	return { title: t(`unsubscribe.title.${claims.list}`), list: claims.list }
}

export async function action({ request, params }: Route.ActionArgs) {
	const t = await getT(request, 'newsletters')
	const claims = readEmailLinkToken(params.token)
	const done = claims ? await unsubscribe(getDb(), claims) : null
	if (!claims || !done) return data({ done: false as const, title: t('unsubscribe.invalidTitle') }, { status: 400 })
	return {
		done: true as const,
		list: done.list,
		preferences: new URL(preferencesUrl(claims.userId)).pathname + new URL(preferencesUrl(claims.userId)).search,
	}
}

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('newsletters')
	if (actionData?.done) {
		return (
			<div className="page narrow">
				<h1>{t('unsubscribe.doneTitle')}</h1>
				<p className="notice" role="status">
					{t(`unsubscribe.done.${actionData.list}`)}
				</p>
				<p>
					<Link to={actionData.preferences}>{t('unsubscribe.preferences')}</Link>
				</p>
			</div>
		)
	}
	if (!loaderData.list || actionData) {
		return (
			<div className="page narrow">
				<h1>{t('unsubscribe.invalidTitle')}</h1>
				<p>{t('unsubscribe.invalid')}</p>
			</div>
		)
	}
	return (
		<div className="page narrow">
			<h1>{loaderData.title}</h1>
			<p className="lead">{t(`unsubscribe.lead.${loaderData.list}`)}</p>
			<Form method="post">
				<input type="hidden" name="List-Unsubscribe" value="One-Click" />
				<button type="submit" className="button primary">
					{t('unsubscribe.button')}
				</button>
			</Form>
		</div>
	)
}
