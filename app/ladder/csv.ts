import type { LadderMember } from './queries.server.ts'

/** One CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
function cell(value: string | number | null): string {
	let text = value === null ? '' : String(value)
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
	return `"${text.replace(/"/g, '""')}"`
}

/** The coordinators' list as CSV: dates as ISO days so spreadsheets sort them; a BOM for å, ä, ö. */
export function membersCsv(members: LadderMember[], headers: string[], interestLabel: (interest: string) => string): string {
	const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '')
	const rows = members.map((m) => [m.name, m.email, m.district, m.step, m.ruleStep, day(m.reachedAt), day(m.lastActivity), m.interests.map(interestLabel).join(', ')])
	return '\ufeff' + [headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
