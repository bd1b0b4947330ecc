/**
 * One-line confirmations after an action, carried in the redirect's `?done=` (so they work without
 * JavaScript and survive a reload): a key, optionally followed by "-<count>".
 */
export function parseFlash(url: URL): { key: string; count: number } | null {
	const match = /^([a-z-]+?)(?:-(\d{1,6}))?$/.exec(url.searchParams.get('done') ?? '')
	return match ? { key: match[1]!, count: Number(match[2] ?? 0) } : null
}

export function flashParam(key: string, count?: number): string {
	return count === undefined ? key : `${key}-${count}`
}
