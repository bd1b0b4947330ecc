import { csvCell } from '#app/common/csv.ts'
import type { LadderMember } from './queries.server.ts'


/** The coordinators' list as CSV: dates as ISO days so spreadsheets sort them; a BOM for å, ä, ö. */
export function membersCsv(members: LadderMember[], headers: string[], interestLabel: (interest: string) => string): string {
	const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '')
	const rows = members.map((m) => [m.name, m.email, m.district, m.step, m.ruleStep, day(m.reachedAt), day(m.lastActivity), m.interests.map(interestLabel).join(', ')])
	return '\ufeff' + [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
