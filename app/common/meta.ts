import type { MetaDescriptor } from 'react-router'
import { socialMeta } from '#app/common/social.ts'

/**
 * Page titles: "<page> – <pact>" from the loader data's title and the pact's name, and on the
 * public lists also the description and the link-preview tags.
 */
interface TitledPage {
	title: string
	pactName: string
}

export function titleMeta(data: TitledPage | undefined): MetaDescriptor[] {
	return data ? [{ title: `${data.title} – ${data.pactName}` }] : []
}

export function publicListMeta(
	data: (TitledPage & { description: string; url: string }) | undefined,
): MetaDescriptor[] {
	if (!data) return []
	return [
		...titleMeta(data),
		{ name: 'description', content: data.description },
		...socialMeta({ title: data.title, description: data.description, url: data.url }),
	]
}
