import type { Route } from './+types/images-file'
import { readImageFile } from '#app/images/images.server.ts'

/**
 * /images/<id>-<width>.<avif|webp|jpg>: an uploaded image's file. A file never changes once
 * written (a new upload is a new id), so browsers and caches may keep it for a year.
 */
export async function loader({ params }: Route.LoaderArgs) {
	const file = await readImageFile(params.file)
	if (!file) throw new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } })
	return new Response(new Uint8Array(file.data), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.data.length),
			'Cache-Control': 'public, max-age=31536000, immutable',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
