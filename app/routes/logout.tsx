import { redirect } from 'react-router'
import type { Route } from './+types/logout'
import { signOut } from '#app/auth/session.server.ts'

export async function action({ request }: Route.ActionArgs) {
	return redirect('/', { headers: await signOut(request) })
}

export function loader() {
	return redirect('/')
}
