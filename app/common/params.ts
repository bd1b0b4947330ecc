/**
 * A positive whole-number id from the URL (`/admin/commitments/:commitmentId`), or a 404 answer:
 * text, zero or a number too large to be exact cannot name a row.
 */
export function idOr404(param: string | undefined): number {
	const id = Number(param)
	if (!Number.isSafeInteger(id) || id <= 0) throw new Response('Not found', { status: 404 })
	return id
}
