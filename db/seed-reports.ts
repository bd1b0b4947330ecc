import type { DB } from './index.ts'
import type { PartnerSize } from './schema.ts'

/**
 * Demo climate reports: three years for each demo partner (the baseline three years ago, then
 * the two years since), so a partner's report page has a chart and the coordinators' roll-up has
 * totals, someone behind the trajectory and someone who has not reported last year. Written as
 * rows after the partners' own demo content; deterministic for a given partner list and year.
 */

/** Scope 1 and 2 in the baseline year, tonnes, by the partner's size. */
const baselineBySize: Record<PartnerSize, number> = { '1-9': 14, '10-49': 120, '50-249': 640, '250+': 3800 }

const actionsByYear = [
	'- Kartlade energianvändning och resor för första gången\n- Satte upp mål för de kommande åren',
	'- Bytte till förnybar el\n- Ersatte två tjänstebilar med elbilar\n- Cykelpool för personalen',
	'- Sänkte inomhustemperaturen en grad och bytte till LED-belysning\n- Ställde klimatkrav i två upphandlingar',
]

export async function seedReports(db: DB, now = new Date()): Promise<void> {
	const partners = await db.selectFrom('partner').select(['id', 'size']).orderBy('id').execute()
	const lastYear = now.getUTCFullYear() - 1
	// In the spring after the year, or now when that spring has not come yet.
	const submittedAt = (year: number) => {
		const spring = `${year + 1}-03-1${year % 7}T09:00:00.000Z`
		return spring < now.toISOString() ? spring : now.toISOString()
	}
	for (const [i, partner] of partners.entries()) {
		const base = (baselineBySize[partner.size] ?? 120) * (1 + (i % 5) / 10)
		// Most cut 7–22 % a year; every fifth partner's emissions grew, so it is behind the trajectory.
		const change = i % 5 === 3 ? 1.04 : 1 - (0.07 + (i % 4) * 0.05)
		// Every fourth partner has not yet reported last year.
		const years = i % 4 === 2 ? [lastYear - 2, lastYear - 1] : [lastYear - 2, lastYear - 1, lastYear]
		await db
			.insertInto('climate_report')
			.values(
				years.map((year, y) => {
					const total = base * change ** y
					const round = (n: number) => Math.round(n * 10) / 10
					return {
						partner_id: partner.id,
						year,
						scope1_tonnes: round(total * 0.55),
						scope2_tonnes: round(total * 0.45),
						scope3_tonnes: i % 3 === 0 ? round(total * 3.2) : null,
						actions: actionsByYear[y]!,
						is_baseline: y === 0 ? 1 : 0,
						submitted_at: submittedAt(year),
						updated_at: submittedAt(year),
					}
				}),
			)
			.execute()
	}
}
