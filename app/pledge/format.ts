/** Numbers and dates on the pledge pages, through Intl in the page's language. */
const numberFormats = new Map<string, Intl.NumberFormat>()

export function formatNumber(language: string, value: number): string {
	let format = numberFormats.get(language)
	if (!format) {
		format = new Intl.NumberFormat(language)
		numberFormats.set(language, format)
	}
	return format.format(value)
}

export function formatDate(language: string, iso: string, timeZone: string): string {
	return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone }).format(new Date(iso))
}
