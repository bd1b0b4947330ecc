// What every answer of the HTTP layer carries, and which requests it refuses before the app sees
// them (issue 12, docs/decisions/0019-http-hardening.md). Plain JavaScript: server.mjs runs it
// without a build step, as it does server/http.mjs.
import crypto from 'node:crypto'

/** A fresh nonce for one page's scripts: 128 random bits. */
export function newNonce() {
	return crypto.randomBytes(16).toString('base64')
}

// The counter a municipality shows in an iframe on its own site: framing is what it is for.
const embeddable = new Set(['/embed/counter'])

/**
 * The page's Content-Security-Policy. Scripts only from this origin or with this response's
 * nonce (React Router's inline scripts carry it); styles may be inline, because the pact's brand
 * colour is an inline <style> and bars and swatches are sized and coloured with style attributes
 * (a nonce would make browsers ignore 'unsafe-inline', and attributes cannot carry one). Charts are
 * server SVG, images are ours. In development Vite's hot reload talks over a WebSocket.
 */
export function contentSecurityPolicy({ nonce, dev = false, framable = false }) {
	return [
		"default-src 'self'",
		`script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}`,
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"font-src 'self'",
		`connect-src 'self'${dev ? ' ws: wss:' : ''}`,
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		`frame-ancestors ${framable ? '*' : "'none'"}`,
	].join('; ')
}

/**
 * The headers every response gets, static files and error pages included. A header the app set
 * itself wins (the embeddable counter sends a stricter policy of its own). HSTS only where the
 * app is public over https: on http://localhost it would pin a developer's browser to https.
 */
export function securityHeaders({ path, nonce, dev = false, hsts = false }) {
	const framable = embeddable.has(path)
	const headers = {
		'Content-Security-Policy': contentSecurityPolicy({ nonce, dev, framable }),
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'same-origin',
	}
	if (!framable) headers['X-Frame-Options'] = 'DENY'
	if (hsts) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
	return headers
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Requests that prove themselves otherwise: the one-click unsubscribe (RFC 8058: the mail
 * provider posts it, carrying the signed token) and the provider's webhook (signed body).
 */
export function provesItself(path) {
	return path === '/webhooks/resend' || /^\/unsubscribe\/[^/]+$/.test(path)
}

/**
 * Whether a state-changing request comes from another site: its Origin is not the app's (or,
 * without Origin, the browser's Sec-Fetch-Site says so). A request with neither is not a
 * browser's cross-site form (browsers send one or both on every POST), so it passes: curl and
 * the provider's servers have no cookies of our visitors to abuse. The app's own origin is
 * APP_URL's; without a proxy in front, the Host the browser asked for is the app's too (a
 * laptop reached as 127.0.0.1 rather than localhost).
 */
export function isCrossSite(req, { appOrigin, behindProxy = false }) {
	if (!stateChanging.has(req.method)) return false
	const origin = req.headers.origin
	if (origin) {
		if (origin === appOrigin) return false
		if (behindProxy || !req.headers.host) return true
		try {
			return new URL(origin).host !== req.headers.host
		} catch {
			return true // "null" (a sandboxed frame, a privacy-minded redirect) or garbage
		}
	}
	const site = req.headers['sec-fetch-site']
	return site !== undefined && site !== 'same-origin' && site !== 'none'
}
