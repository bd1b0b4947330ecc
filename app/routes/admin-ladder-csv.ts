import type { Route } from './+types/admin-ladder-csv'
import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import { membersCsv } from '#app/ladder/csv.ts'
import { ladderMembers } from '#app/ladder/coordinators.server.ts'
import { parseMemberFilter } from '#app/ladder/schemas.ts'
import { getDb } from '#db/index.ts'

/** The coordinators' list, with the same filters as the page, as CSV in their language. */
export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'members:manage')
	const t = await getT(request, 'ladder')
	const members = await ladderMembers(getDb(), parseMemberFilter(new URL(request.url)))
	const headers = (
		['name', 'email', 'district', 'step', 'ruleStep', 'since', 'lastActivity', 'interests'] as const
	).map((key) => t(`csv.${key}`))
	const csv = membersCsv(members, headers, (interest) => t(`interests.${interest}`), config.timeZone)
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="engagemangstrappan.csv"',
			'Cache-Control': 'private, no-store',
		},
	})
}
