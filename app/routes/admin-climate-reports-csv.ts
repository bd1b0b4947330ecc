import type { Route } from './+types/admin-climate-reports-csv'
import { requirePermission } from '#app/auth/session.server.ts'
import { rollupCsv, rollupRows } from '#app/climate-reports/rollup.server.ts'
import { config } from '#app/config.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import { getDb } from '#db/index.ts'

/** Every partner's reports, one year per row, for the municipality's own climate report. */
export async function loader({ request }: Route.LoaderArgs) {
	await requirePermission(request, 'climate-reports:manage')
	const t = await getT(request, 'reports')
	const headers = (
		[
			'partner',
			'type',
			'sector',
			'year',
			'baseline',
			'scope1',
			'scope2',
			'scope3',
			'total',
			'target',
			'standing',
			'submittedAt',
		] as const
	).map((key) => t(`csv.${key}`))
	const csv = rollupCsv(
		await rollupRows(getDb()),
		headers,
		{ type: (type) => t(`types.${type}`), standing: (standing) => t(`standing.${standing}`) },
		config.timeZone,
	)
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="klimatrapporter.csv"',
			'Cache-Control': 'private, no-store',
		},
	})
}
