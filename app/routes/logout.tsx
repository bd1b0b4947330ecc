import { redirect } from 'react-router'
import type { Route } from './+types/logout'
import { signOut, signOutEverywhere } from '#app/auth/session.server.ts'

/** Signs out here, or with scope=everywhere (the preferences page's button) on every device. */
export async function action({ request }: Route.ActionArgs) {
	// A body that is not a form signs out here only, the safer reading of a broken request.
	const form = await request.formData().catch(() => null)
	const everywhere = form?.get('scope') === 'everywhere'
	return redirect('/', { headers: await (everywhere ? signOutEverywhere(request) : signOut(request)) })
}

export function loader() {
	return redirect('/')
}
