import type { Route } from './+types/events-personal-feed'
import { personalFeed } from '#app/events/calendar.server.ts'
import { getDb } from '#db/index.ts'

/** /events/feed/<secret>.ics: one person's events. The secret is the only key, so no cookie is needed. */
export async function loader({ params }: Route.LoaderArgs) {
	const token = params.token.replace(/\.ics$/, '')
	const feed = /^[a-z0-9]{16,64}$/.test(token) ? await personalFeed(getDb(), token) : null
	if (!feed) throw new Response('Not found', { status: 404 })
	return new Response(feed, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'inline; filename="my-events.ics"',
			'Cache-Control': 'private, no-store',
			'X-Robots-Tag': 'noindex',
		},
	})
}
