/**
 * The one-line confirmation after an action ("Saved", "You are number 3 on the waitlist"),
 * carried in the redirect's `?done=` so it works without JavaScript and survives a reload: a key,
 * optionally followed by "-<count>" ("notified-2"). Each page lists the keys it knows with the
 * message each shows; any other key, typed into the address bar, shows nothing.
 * Shown by <FlashMessage> (app/ui/flash-message.tsx).
 */

export interface Flash<K extends string = string> {
	key: K
	count: number
}

/** "saved", or "notified-2" when a number goes with the key. */
export function flashParam(key: string, count?: number): string {
	return count === undefined ? key : `${key}-${count}`
}

/** Where to go after an action, with its confirmation, before any #fragment: `/ladder?done=interests#interests-title`. */
export function withFlash(path: string, key: string, count?: number): string {
	const hash = path.indexOf('#')
	const [base, fragment] = hash === -1 ? [path, ''] : [path.slice(0, hash), path.slice(hash)]
	return `${base}${base.includes('?') ? '&' : '?'}done=${flashParam(key, count)}${fragment}`
}

/** The confirmation a URL carries, when its key is one of the page's `messages`. */
export function readFlash<K extends string>(url: URL, messages: Readonly<Record<K, string>>): Flash<K> | null {
	const match = /^([a-z-]+?)(?:-(\d{1,6}))?$/.exec(url.searchParams.get('done') ?? '')
	if (!match || !Object.hasOwn(messages, match[1]!)) return null
	return { key: match[1] as K, count: Number(match[2] ?? 0) }
}
