import 'react-router'

declare module 'react-router' {
	/** What server.mjs passes to every loader and action. */
	interface AppLoadContext {
		/** The client's IP address, for rate limits. */
		clientIp: string
		/** This response's Content-Security-Policy nonce, for React Router's inline scripts (server/http.mjs). */
		nonce?: string
	}
}
