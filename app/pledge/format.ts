import { dateTimeFormat, numberFormat } from '#app/common/intl.ts'

/** Numbers and dates on the pledge pages, through Intl in the page's language. */
export function formatNumber(language: string, value: number): string {
	return numberFormat(language).format(value)
}

export function formatDate(language: string, iso: string, timeZone: string): string {
	return dateTimeFormat(language, { dateStyle: 'long', timeZone }).format(new Date(iso))
}
