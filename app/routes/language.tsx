import { redirect } from 'react-router'
import type { Route } from './+types/language'
import { getUser } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { languageCookie } from '#app/i18n/i18n.server.ts'
import { safeRedirectPath } from '#app/ui/safe-redirect.ts'
import { getDb } from '#db/index.ts'

/** The language switcher posts here: remember the choice, and use it for the person's emails too. */
export async function action({ request }: Route.ActionArgs) {
	const form = await request.formData()
	const language = form.get('language')
	const back = safeRedirectPath(form.get('redirectTo'))
	// Only the languages this pact offers: another would be forgotten by the next page anyway.
	const offered = config.pact.languages.find((l) => l === language)
	if (!offered) return redirect(back)
	const user = await getUser(request)
	if (user) await getDb().updateTable('user').set({ language: offered }).where('id', '=', user.id).execute()
	return redirect(back, { headers: { 'Set-Cookie': await languageCookie.serialize(offered) } })
}

export function loader() {
	return redirect('/')
}
