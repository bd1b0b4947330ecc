import type { MetaDescriptor } from 'react-router'

export interface SocialImage {
	/** An absolute address: sharing services fetch it from elsewhere. */
	url: string
	alt: string
}

export interface SocialPage {
	title: string
	description: string
	/** The page's absolute address (config.appUrl + path), what a shared link points at. */
	url: string
	image?: SocialImage | null
}

/**
 * The Open Graph and Twitter tags that make a shared link show a title, a line and a picture in
 * chats and feeds. Use it in every public page's `meta`, after the page's own title.
 *
 * og:site_name and og:locale are the same on every page, so the root layout writes them once
 * (app/root.tsx) from the pact's name and the page's language: a route's `meta` replaces its
 * parents' rather than adding to them, and no page has to pass them along.
 */
export function socialMeta({ title, description, url, image }: SocialPage): MetaDescriptor[] {
	const tags: MetaDescriptor[] = [
		{ property: 'og:title', content: title },
		{ property: 'og:description', content: description },
		{ property: 'og:url', content: url },
		{ property: 'og:type', content: 'website' },
		{ name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
		{ name: 'twitter:title', content: title },
		{ name: 'twitter:description', content: description },
	]
	if (image) {
		tags.push(
			{ property: 'og:image', content: image.url },
			{ property: 'og:image:alt', content: image.alt },
			{ name: 'twitter:image', content: image.url },
			{ name: 'twitter:image:alt', content: image.alt },
		)
	}
	return tags
}

const openGraphLocales: Record<string, string> = { sv: 'sv_SE', en: 'en_GB', da: 'da_DK', nb: 'nb_NO' }

/** og:locale's form of the page's language: "sv_SE", "en_GB", "da_DK", "nb_NO". */
export function openGraphLocale(language: string): string {
	return openGraphLocales[language] ?? 'sv_SE'
}
