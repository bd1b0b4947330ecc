import { dateTimeFormat } from '#app/common/intl.ts'
import { formatMonth, localeFor } from '#app/common/format.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'

export interface MonthLabel {
	/** "november 2026", for tables and descriptions. */
	long: string
	/** "nov. 2026", under a chart's axis. */
	short: string
}

/** Month names for the page, made in the loader so the browser shows the server's text. */
export function monthLabels(months: string[], language: SupportedLanguage): Record<string, MonthLabel> {
	const short = dateTimeFormat(localeFor(language), { month: 'short', year: 'numeric', timeZone: 'UTC' })
	return Object.fromEntries(
		months.map((month) => {
			const [y, m] = month.split('-').map(Number) as [number, number]
			return [month, { long: formatMonth(month, language), short: short.format(new Date(Date.UTC(y, m - 1, 15))) }]
		}),
	)
}
