import { csvCell } from '#app/common/csv.ts'
import { formatSortableDate } from '#app/common/format.ts'
import type { LadderMember } from './coordinators.server.ts'
import type { VolunteerInterest } from './rules.ts'

/**
 * The coordinators' list as CSV: dates as ISO days in the pact's time zone, so spreadsheets sort
 * them; a BOM for å, ä, ö.
 */
export function membersCsv(
	members: LadderMember[],
	headers: string[],
	interestLabel: (interest: VolunteerInterest) => string,
	timeZone: string,
): string {
	const day = (iso: string | null) => (iso ? formatSortableDate(iso, timeZone) : '')
	const rows = members.map((m) => [
		m.name,
		m.email,
		m.district,
		m.step,
		m.ruleStep,
		day(m.reachedAt),
		day(m.lastActivity),
		m.interests.map(interestLabel).join(', '),
	])
	return '\ufeff' + [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
