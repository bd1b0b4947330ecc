/** Helpers for tests that call route loaders and actions directly. */

/** What a loader or action answered: its status, headers and data, however it answered. */
export interface Settled {
	status: number
	headers: Headers
	/** Each route answers its own shape; a test reads what it checks. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	data: any
}

/** Runs a loader or action that may return data(), return a Response, or throw one (a guard). */
export async function settle(run: () => Promise<unknown>): Promise<Settled> {
	let value: unknown
	try {
		value = await run()
	} catch (error) {
		if (!(error instanceof Response)) throw error
		value = error
	}
	if (value instanceof Response) return { status: value.status, headers: value.headers, data: value }
	if (value && typeof value === 'object' && 'init' in value && 'data' in value) {
		const { init, data } = value as { init: ResponseInit | null; data: unknown }
		return { status: init?.status ?? 200, headers: new Headers(init?.headers), data }
	}
	return { status: 200, headers: new Headers(), data: value }
}
