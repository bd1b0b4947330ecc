import type { Route } from './+types/my-data'
import { requireUser } from '#app/auth/session.server.ts'
import { personalData } from '#app/privacy/export.server.ts'
import { getDb } from '#db/index.ts'

/** Everything stored about the signed-in person, as a JSON file to save (app/privacy/export.server.ts). */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const exported = { exportedAt: new Date().toISOString(), ...(await personalData(getDb(), user.id)) }
	const day = exported.exportedAt.slice(0, 10)
	return new Response(JSON.stringify(exported, null, '\t'), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="my-data-${day}.json"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
