import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { isRouteErrorResponse, ServerRouter, type EntryContext, type HandleErrorFunction } from 'react-router'
import { getLanguage, serverI18n } from '#app/i18n/i18n.server.ts'

// The areas' wiring, made once per process before any request or command.
import '#app/areas.server.ts'

// server.mjs reaches these through the build's entry module, so the web server, the worker and
// the start-up steps share one copy of the app code and one database handle per process.
export { prepareDatabase, startWorker } from '#app/boot.server.ts'
export { commands } from '#app/commands.server.ts'

export const streamTimeout = 5_000

export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	routerContext: EntryContext,
) {
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
				<ServerRouter context={routerContext} url={request.url} />
			</I18nextProvider>,
			{
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
			responseHeaders.set('X-Content-Type-Options', 'nosniff')
			responseHeaders.set('Referrer-Policy', 'same-origin')
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
