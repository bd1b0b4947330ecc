import { getDb, type DB } from '#db/index.ts'

/**
 * The one harness for route tests: a route's loader or action called the way the server calls it
 * (a Request, its params, the client's address in the context), and its answer in one shape
 * however the route gave it: returned data, data() with a status, a Response, or a thrown
 * Response (a guard's redirect, 403 or 404).
 */

/** A route module's loader and action; each route types its own arguments, tests pass the common shape. */
export interface RouteModule {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route args are generated per route
	loader?: (args: any) => unknown
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route args are generated per route
	action?: (args: any) => unknown
}

/** Form fields as a browser posts them; an array becomes a repeated key, undefined is left out. */
export type FormFields = Record<string, string | string[] | undefined>

export interface RequestOptions {
	/** GET, or POST when there is a form or body. */
	method?: string
	/** A Cookie header, e.g. from cookieFor(). */
	cookie?: string
	params?: Record<string, string>
	form?: FormFields | FormData | URLSearchParams
	/** A body sent as it is (a webhook's JSON); with `form`, the form wins. */
	body?: string
	headers?: Record<string, string>
	/** The browser's Accept-Language. */
	language?: string
	/** The client's address, which the server puts in the context (rate limits count by it). */
	ip?: string
}

/** What a loader or action answered. */
export interface Answer {
	status: number
	headers: Headers
	/** The Location header of a redirect, else null. */
	location: string | null
	/** Returned data (unwrapped from data()); null when the route answered with a Response. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route answers its own shape; a test reads what it checks
	data: any
	/** The Response itself when the route answered with one: a file, a feed, a redirect. */
	response: Response | null
}

/** Form fields as a route receives them. */
export function formData(fields: FormFields): FormData {
	const form = new FormData()
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue
		for (const item of Array.isArray(value) ? value : [value]) form.append(key, item)
	}
	return form
}

export function routeRequest(url: string, options: RequestOptions = {}): Request {
	const headers = new Headers(options.headers)
	headers.set('Accept-Language', options.language ?? 'sv')
	if (options.cookie) headers.set('Cookie', options.cookie)
	const form = options.form
	const body =
		form === undefined
			? options.body
			: form instanceof FormData || form instanceof URLSearchParams
				? form
				: formData(form)
	return new Request(new URL(url, 'http://localhost').href, {
		method: options.method ?? (body === undefined ? 'GET' : 'POST'),
		headers,
		body,
	})
}

/** A loader's or action's arguments. Typed loosely so a test can call any route's loader with it and keep its typed result. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route args are generated per route; tests pass the common shape
export function routeArgs(url: string, options: RequestOptions = {}): any {
	return {
		request: routeRequest(url, options),
		params: options.params ?? {},
		context: { clientIp: options.ip ?? '127.0.0.1' },
	}
}

function answerOf(value: unknown): Answer {
	if (value instanceof Response)
		return {
			status: value.status,
			headers: value.headers,
			location: value.headers.get('Location'),
			data: null,
			response: value,
		}
	if (value && typeof value === 'object' && (value as { type?: string }).type === 'DataWithResponseInit') {
		const { data, init } = value as { data: unknown; init: ResponseInit | null }
		const headers = new Headers(init?.headers)
		return { status: init?.status ?? 200, headers, location: headers.get('Location'), data, response: null }
	}
	return { status: 200, headers: new Headers(), location: null, data: value, response: null }
}

/** Runs a loader or action that may return or throw its answer. */
export async function settle(run: () => unknown): Promise<Answer> {
	try {
		return answerOf(await run())
	} catch (thrown) {
		if (thrown instanceof Response) return answerOf(thrown)
		throw thrown
	}
}

export function callLoader(route: RouteModule, url: string, options: RequestOptions = {}): Promise<Answer> {
	return settle(() => route.loader!(routeArgs(url, options)))
}

export function callAction(route: RouteModule, url: string, options: RequestOptions = {}): Promise<Answer> {
	return settle(() => route.action!(routeArgs(url, { method: 'POST', ...options })))
}

/** A Cookie header that signs this user in with a fresh session, as signing in does. */
export async function cookieFor(userId: number, db: DB = getDb()): Promise<string> {
	const { signInHeaders } = await import('#app/auth/session.server.ts')
	return new Headers(await signInHeaders(db, userId)).get('Set-Cookie')!.split(';')[0]!
}

let ips = 0

/** An address no other request in this file came from, so a per-network limit stays out of the way unless tested. */
export function freshIp(): string {
	ips += 1
	return `10.${(ips >> 16) & 255}.${(ips >> 8) & 255}.${ips & 255}`
}

/**
 * Server-renders one route component with the data its loader (and action) returned, inside a
 * root route with root data, the way a page is rendered: to check what a person would see.
 */
export async function renderRoute({
	Component,
	url,
	loaderData,
	actionData,
	language = 'sv',
	rootData = {},
}: {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route component
	Component: any
	url: string
	loaderData: unknown
	actionData?: unknown
	language?: 'sv' | 'en' | 'da' | 'nb'
	rootData?: Record<string, unknown>
}): Promise<string> {
	const [{ createElement }, { renderToString }, { createRoutesStub, Outlet }, { I18nextProvider }, { serverI18n }] =
		await Promise.all([
			import('react'),
			import('react-dom/server'),
			import('react-router'),
			import('react-i18next'),
			import('#app/i18n/i18n.server.ts'),
		])
	const path = new URL(url, 'http://localhost').pathname
	const Stub = createRoutesStub([
		{
			id: 'root',
			path: '/',
			Component: () => createElement(Outlet),
			loader: () => null,
			children: [
				path === '/'
					? { id: 'page', index: true, Component, loader: () => null }
					: { id: 'page', path: path.slice(1), Component, loader: () => null, action: () => null },
			],
		},
	])
	const i18n = serverI18n(language)
	const root = {
		language,
		user: null,
		permissions: [],
		pact: { name: 'Testpakten', city: 'Helsingborg', brandColor: '#1f6f43' },
		timeZone: 'Europe/Stockholm',
		mailboxOpen: false,
		...rootData,
	}
	return renderToString(
		createElement(
			I18nextProvider,
			{ i18n },
			createElement(Stub, {
				initialEntries: [url],
				hydrationData: {
					loaderData: { root, page: loaderData },
					actionData: actionData === undefined ? undefined : { page: actionData },
				},
			}),
		),
	)
}
