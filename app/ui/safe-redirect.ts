/**
 * Only same-site paths: a redirectTo from a form or link must never send people elsewhere.
 * Resolving against a stand-in origin catches every trick a browser would honour ("//host",
 * "/\host", a tab or newline that browsers drop), and control characters are refused outright
 * since they cannot go into a Location header. The check looks at the path it RETURNS: dot-segments
 * ("/.//host", "/a/..//host", "/%2e//host") resolve to a path that itself starts with "//", which a
 * browser reads as another host, so a normalised path starting with "//" or "/\\" is refused too.
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	// eslint-disable-next-line no-control-regex -- refusing control characters is the point
	if (typeof value !== 'string' || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback
	const base = 'http://same-site.invalid'
	let url: URL
	try {
		url = new URL(value, base)
	} catch {
		return fallback
	}
	if (url.origin !== base) return fallback
	const path = url.pathname + url.search + url.hash
	return /^\/[/\\]/.test(path) ? fallback : path
}
