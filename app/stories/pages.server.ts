import { requirePermission } from '#app/auth/session.server.ts'
import { config } from '#app/config.server.ts'
import { getLanguage, getT } from '#app/i18n/i18n.server.ts'

/**
 * What every page of the area starts with: the area's t, the page's language, and the head of its
 * loader data (the page's title and the pact's name, for `titleMeta`). The coordinators' pages
 * also guard: only someone who may manage stories and awards gets further.
 */
export async function storiesPage(request: Request) {
	const [t, language] = await Promise.all([getT(request, 'stories'), getLanguage(request)])
	return { t, language, head: (title: string) => ({ pactName: config.pact.name, title }) }
}

export async function coordinatorsPage(request: Request) {
	const coordinator = await requirePermission(request, 'stories:manage')
	return { coordinator, ...(await storiesPage(request)) }
}

/** A public list's head: its title and lead as the description, and its address for link previews. */
export async function publicListHead(request: Request, section: 'list' | 'awards', path: string) {
	const { t, head } = await storiesPage(request)
	return { ...head(t(`${section}.title`)), description: t(`${section}.lead`), url: `${config.appUrl}${path}` }
}
