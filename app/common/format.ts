import { dateTimeFormat, numberFormat } from '#app/common/intl.ts'
import { utcToLocal } from '#app/common/time.ts'
import type { SupportedLanguage } from '#app/i18n/i18n.ts'

/**
 * Numbers, dates and times as people read them, in the page's language and the deployment's time
 * zone; always the value first, then the language. Formatted on the server (loaders, emails) so a
 * page renders the same text in the browser as it did on the server.
 */
// English is British: day before month, 24-hour clock, as the pact's other languages read it;
// never the browser's or the server's own locale.
const locales: Record<string, string> = { sv: 'sv-SE', en: 'en-GB', da: 'da-DK', nb: 'nb-NO' }

export function localeFor(language: string): string {
	return locales[language] ?? 'sv-SE'
}

/** "1 234" or "1,234". */
export function formatNumber(value: number, language: string): string {
	return numberFormat(localeFor(language)).format(value)
}

/** "28 mars 2027" or "28 March 2027". */
export function formatDate(instant: string, language: string, timeZone: string): string {
	return dateTimeFormat(localeFor(language), { dateStyle: 'long', timeZone }).format(new Date(instant))
}

/** "lördag 28 mars 2027 18:00–20:00", or both dates when the event spans days. */
export function formatEventWhen(
	startsAt: string,
	endsAt: string,
	language: SupportedLanguage,
	timeZone: string,
): string {
	const format = dateTimeFormat(localeFor(language), { dateStyle: 'full', timeStyle: 'short', timeZone })
	return format.formatRange(new Date(startsAt), new Date(endsAt))
}

/** "lör 28 mars" for lists. */
export function formatShortDate(instant: string, language: SupportedLanguage, timeZone: string): string {
	return dateTimeFormat(localeFor(language), { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(
		new Date(instant),
	)
}

/** "18:00–20:00" */
export function formatTimeRange(
	startsAt: string,
	endsAt: string,
	language: SupportedLanguage,
	timeZone: string,
): string {
	const format = dateTimeFormat(localeFor(language), { hour: '2-digit', minute: '2-digit', timeZone })
	return format.formatRange(new Date(startsAt), new Date(endsAt))
}

/** "28 mars 2027 17:45" */
export function formatDateTime(instant: string, language: SupportedLanguage, timeZone: string): string {
	return dateTimeFormat(localeFor(language), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
		new Date(instant),
	)
}

/** "mars 2027" for a YYYY-MM month. */
export function formatMonth(month: string, language: SupportedLanguage): string {
	const [y, m] = month.split('-').map(Number) as [number, number]
	return dateTimeFormat(localeFor(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y, m - 1, 15)),
	)
}

/**
 * "2027-03-28 17:45" in the deployment's time zone, the same in every language: for CSV files
 * and tables that are sorted by time, where a spreadsheet must read the value as a date.
 */
export function formatSortableDateTime(instant: string, timeZone: string): string {
	const { date, time } = utcToLocal(instant, timeZone)
	return `${date} ${time}`
}

/** "2027-03-28" in the deployment's time zone, for CSV files (see formatSortableDateTime). */
export function formatSortableDate(instant: string, timeZone: string): string {
	return utcToLocal(instant, timeZone).date
}
