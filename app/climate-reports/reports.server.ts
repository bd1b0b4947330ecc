import { parseWithZod } from '@conform-to/zod/v4'
import { utcToLocal } from '#app/common/time.ts'
import { config } from '#app/config.server.ts'
import { getT } from '#app/i18n/i18n.server.ts'
import type { DB, DbHandle } from '#db/index.ts'
import { checkReport, type ReportedYear } from './rules.ts'
import { createReportSchema, type ReportInput } from './schemas.ts'
import { latestStanding, trajectory, type Targets, type TrajectoryYear } from './trajectory.ts'

/**
 * A partner's yearly climate reports: the first is its baseline, each later one a year's
 * emissions and what it did. Only the partner's own people reach these functions (the routes
 * guard with the partners area's `requirePartnerMember`).
 */

export interface PartnerReport {
	id: number
	year: number
	scope1Tonnes: number
	scope2Tonnes: number
	scope3Tonnes: number | null
	actions: string
	isBaseline: boolean
	updatedAt: string
}

/** The municipality's targets for partners, from the settings. */
export function partnerTargets(): Targets {
	return {
		target2030Percent: config.partners.target2030Percent,
		climateNeutralYear: config.partners.climateNeutralYear,
	}
}

/** The calendar year now in the pact's time zone. */
export function currentYear(now = new Date()): number {
	return Number(utcToLocal(now, config.timeZone).date.slice(0, 4))
}

export async function partnerReports(db: DbHandle, partnerId: number): Promise<PartnerReport[]> {
	const rows = await db
		.selectFrom('climate_report')
		.select(['id', 'year', 'scope1_tonnes', 'scope2_tonnes', 'scope3_tonnes', 'actions', 'is_baseline', 'updated_at'])
		.where('partner_id', '=', partnerId)
		.orderBy('year')
		.execute()
	return rows.map((r) => ({
		id: r.id,
		year: r.year,
		scope1Tonnes: r.scope1_tonnes,
		scope2Tonnes: r.scope2_tonnes,
		scope3Tonnes: r.scope3_tonnes,
		actions: r.actions,
		isBaseline: r.is_baseline === 1,
		updatedAt: r.updated_at,
	}))
}

/** Each reported year against the trajectory from the partner's baseline. */
export function partnerTrajectory(reports: PartnerReport[], targets = partnerTargets()): TrajectoryYear[] {
	const baseline = reports.find((r) => r.isBaseline)
	return baseline ? trajectory(reports, baseline.year, targets) : []
}

export { latestStanding }

export type SaveOutcome =
	{ ok: true; year: number; created: boolean } | { ok: false; problems: ReturnType<typeof checkReport> }

/**
 * Saves a year's report: a new year, or the one being edited (its year stays). The first report
 * a partner makes is its baseline. The checks against the other years and the write happen in
 * one transaction, so two people reporting the same year at once cannot both get in.
 */
export async function saveReport(
	db: DB,
	partnerId: number,
	userId: number,
	input: ReportInput,
	{ editingYear = null, now = new Date() }: { editingYear?: number | null; now?: Date } = {},
): Promise<SaveOutcome> {
	return db.transaction().execute(async (trx) => {
		const existing: ReportedYear[] = (await partnerReports(trx, partnerId)).map((r) => ({
			year: r.year,
			scope1Tonnes: r.scope1Tonnes,
			scope2Tonnes: r.scope2Tonnes,
			isBaseline: r.isBaseline,
		}))
		const year = editingYear ?? input.year
		if (editingYear !== null && !existing.some((r) => r.year === editingYear))
			return { ok: false, problems: [{ field: 'year', key: 'duplicateYear' }] as const }
		const problems = checkReport(existing, { ...input, year }, { currentYear: currentYear(now), editingYear })
		if (problems.length > 0) return { ok: false, problems }
		const values = {
			scope1_tonnes: input.scope1,
			scope2_tonnes: input.scope2,
			scope3_tonnes: input.scope3,
			actions: input.actions,
			submitted_by: userId,
			updated_at: now.toISOString(),
		}
		if (editingYear !== null) {
			await trx
				.updateTable('climate_report')
				.set(values)
				.where('partner_id', '=', partnerId)
				.where('year', '=', editingYear)
				.execute()
			return { ok: true, year, created: false }
		}
		await trx
			.insertInto('climate_report')
			.values({
				...values,
				partner_id: partnerId,
				year,
				is_baseline: existing.length === 0 ? 1 : 0,
				submitted_at: now.toISOString(),
			})
			.execute()
		return { ok: true, year, created: true }
	})
}

/**
 * The report form from a request, with the checks that need the partner's other reports worded
 * next to their fields. Nothing is stored unless every check passes.
 */
export async function submitReport(
	request: Request,
	db: DB,
	partnerId: number,
	userId: number,
	editingYear: number | null,
) {
	const t = await getT(request, 'reports')
	const form = await request.formData()
	// An edited report keeps its year; the form does not offer to change it.
	if (editingYear !== null) form.set('year', String(editingYear))
	const submission = parseWithZod(form, { schema: createReportSchema(t) })
	if (submission.status !== 'success') return { ok: false as const, reply: submission.reply() }
	const outcome = await saveReport(db, partnerId, userId, submission.value, { editingYear })
	if (outcome.ok) return { ok: true as const, year: outcome.year, created: outcome.created }
	const fieldErrors: Record<string, string[]> = {}
	for (const problem of outcome.problems) {
		const message = t(`errors.${problem.key}`, { year: 'year' in problem ? problem.year : undefined })
		;(fieldErrors[problem.field] ??= []).push(message)
	}
	return { ok: false as const, reply: submission.reply({ fieldErrors }) }
}
