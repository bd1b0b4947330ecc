import 'react-router'

declare module 'react-router' {
	/** What server.mjs passes to every loader and action. */
	interface AppLoadContext {
		/** The client's IP address, for rate limits. */
		clientIp: string
	}
}
