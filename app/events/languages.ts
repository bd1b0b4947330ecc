/**
 * Events are written in Swedish and, when the organiser adds it, English (issue 10). The English
 * site shows the English text where there is one and the Swedish otherwise; `lang` says which, so
 * a screen reader reads a Swedish title with Swedish sounds on the English site.
 */
export interface Localised {
	text: string
	lang: 'sv' | 'en'
}

export function eventTitle(event: { title: string; title_en: string | null }, language: string): Localised {
	return language === 'en' && event.title_en ? { text: event.title_en, lang: 'en' } : { text: event.title, lang: 'sv' }
}

export function eventDescription(
	event: { description: string; description_en: string | null },
	language: string,
): Localised {
	return language === 'en' && event.description_en
		? { text: event.description_en, lang: 'en' }
		: { text: event.description, lang: 'sv' }
}

/**
 * An event as a list built on the server shows it: its title in the language, and `titleLang` for
 * the element's `lang`. For lists of events that other areas hand on (participation, the ladder).
 */
export function withTitleIn<T extends { title: string; title_en: string | null }>(
	event: T,
	language: string,
): T & { titleLang: Localised['lang'] } {
	const title = eventTitle(event, language)
	return { ...event, title: title.text, titleLang: title.lang }
}
