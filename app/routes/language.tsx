import { redirect } from 'react-router'
import type { Route } from './+types/language'
import { getUser } from '#app/auth/session.server.ts'
import { isSupportedLanguage } from '#app/i18n/i18n.ts'
import { languageCookie } from '#app/i18n/i18n.server.ts'
import { safeRedirectPath } from '#app/ui/safe-redirect.ts'
import { getDb } from '#db/index.ts'

/** The language switcher posts here: remember the choice, and use it for the person's emails too. */
export async function action({ request }: Route.ActionArgs) {
	const form = await request.formData()
	const language = form.get('language')
	const back = safeRedirectPath(form.get('redirectTo'))
	if (!isSupportedLanguage(language)) return redirect(back)
	const user = await getUser(request)
	if (user) await getDb().updateTable('user').set({ language }).where('id', '=', user.id).execute()
	return redirect(back, { headers: { 'Set-Cookie': await languageCookie.serialize(language) } })
}

export function loader() {
	return redirect('/')
}
