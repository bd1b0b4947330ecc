import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import {
	isRouteErrorResponse,
	ServerRouter,
	type AppLoadContext,
	type EntryContext,
	type HandleErrorFunction,
} from 'react-router'
import { config } from '#app/config.server.ts'
import { getLanguage, getT, serverI18n } from '#app/i18n/i18n.server.ts'

// The areas' wiring, made once per process before any request or command.
import '#app/areas.server.ts'

// server.mjs reaches these through the build's entry module, so the web server, the worker and
// the start-up steps share one copy of the app code and one database handle per process.
export { prepareDatabase, startWorker } from '#app/boot.server.ts'
export { commands } from '#app/commands.server.ts'

export const streamTimeout = 5_000

const refusals = {
	400: ['errors.badRequestTitle', 'errors.badRequest'],
	403: ['errors.crossSiteTitle', 'errors.crossSite'],
	413: ['errors.tooLargeTitle', 'errors.tooLarge'],
	415: ['errors.notAFormTitle', 'errors.notAForm'],
} as const

/**
 * What server/http.mjs says, in the visitor's language, when it refuses a request before the app
 * sees it (a cross-site form, a body too large, of the wrong type or broken), and its settings.
 */
export async function httpErrorPage(status: number, headers: Record<string, string | string[] | undefined>) {
	const plain = new Headers()
	for (const name of ['cookie', 'accept-language']) {
		const value = headers[name]
		if (typeof value === 'string') plain.set(name, value)
	}
	const language = await getLanguage(new Request('http://localhost/', { headers: plain }))
	const t = await getT(language)
	const [title, message] =
		status in refusals
			? refusals[status as keyof typeof refusals]
			: (['errors.genericTitle', 'errors.generic'] as const)
	return { language, title: t(title), message: t(message), backHome: t('errors.backHome') }
}

export const httpSettings = {
	appUrl: config.appUrl,
	hsts: config.isProduction,
	bodyMaxBytes: config.http.bodyMaxBytes,
	// An image (IMAGE_MAX_MB) and the form around it; the image's own limit is checked as it is read
	// (app/images/upload.server.ts), with a message beside the field, below this one.
	multipartMaxBytes: config.imageMaxBytes + config.http.bodyMaxBytes + 1024 * 1024,
	host: config.http.host,
	logRequests: config.http.logRequests,
	shutdownTimeoutMs: config.http.shutdownTimeoutMs,
	errorPage: httpErrorPage,
}

export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	routerContext: EntryContext,
	loadContext: AppLoadContext,
) {
	// server/http.mjs makes one per request and names it in the Content-Security-Policy.
	const nonce = loadContext.nonce
	const i18n = serverI18n(await getLanguage(request))
	const userAgent = request.headers.get('user-agent')
	// Bots and no-JS clients get the whole page at once; browsers get it streamed.
	const readyEvent = (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady'

	return new Promise<Response>((resolve, reject) => {
		let shellRendered = false
		// Gives up on a render that hangs. Cleared once everything is rendered: a pending timer keeps
		// the whole render alive, and hundreds of them per second made each process hold hundreds of MB.
		const timer = setTimeout(() => abort(), streamTimeout + 1000)
		const { pipe, abort } = renderToPipeableStream(
			<I18nextProvider i18n={i18n}>
				<ServerRouter context={routerContext} url={request.url} nonce={nonce} />
			</I18nextProvider>,
			{
				nonce,
				onAllReady() {
					clearTimeout(timer)
					if (readyEvent === 'onAllReady') ready()
				},
				onShellReady() {
					if (readyEvent === 'onShellReady') ready()
				},
				onShellError(error: unknown) {
					clearTimeout(timer)
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					if (shellRendered) console.error(error)
				},
			},
		)
		function ready() {
			shellRendered = true
			const body = new PassThrough()
			responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
			resolve(
				new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
			)
			pipe(body)
		}
	})
}

/**
 * What reaches the log: real errors only. A page or file that does not exist (a 404) and a
 * request the browser gave up on are ordinary, and must not bury errors under stack traces.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
	if (request.signal.aborted) return
	if (isRouteErrorResponse(error) && error.status === 404) return
	console.error(error)
}
