import { sql } from 'kysely'
import { getDb } from '#db/index.ts'

/** For load balancers and operators: 200 when the app and its database answer. */
export async function loader() {
	try {
		await sql`select 1`.execute(getDb())
		return Response.json({ status: 'ok', database: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
	} catch {
		return Response.json(
			{ status: 'error', database: 'unreachable' },
			{ status: 503, headers: { 'Cache-Control': 'no-store' } },
		)
	}
}
