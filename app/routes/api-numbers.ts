import type { Route } from './+types/api-numbers'
import { numbersPreflightOrRefusal, numbersResponse } from '#app/numbers/api.server.ts'
import { pactNumbers } from '#app/numbers/figures.server.ts'
import { getDb } from '#db/index.ts'

/** The pact in numbers as JSON, for any site to read (README, "The pact in numbers as JSON"). */
export async function loader({ request }: Route.LoaderArgs) {
	// React Router hands GET, HEAD and OPTIONS (a CORS preflight) to the loader.
	if (request.method === 'OPTIONS') return numbersPreflightOrRefusal(request)
	return numbersResponse(request, await pactNumbers(getDb()))
}

/** POST, PUT, PATCH and DELETE: the figures are read-only. */
export function action({ request }: Route.ActionArgs) {
	return numbersPreflightOrRefusal(request)
}
