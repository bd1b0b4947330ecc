// Stopping a web process on SIGTERM without losing what it is doing (issue 12): a deploy or a
// restart must not cut a page or a download in half, nor a batch of emails.

/**
 * Returns the function to run on SIGTERM/SIGINT: stop accepting connections, let the requests in
 * flight finish (a streaming response to its end), let the worker finish its current batch, then
 * exit. Connections kept alive for a next request are closed as soon as they fall idle. After
 * `timeoutMs` whatever is still open is cut and the process exits with 1.
 */
export function gracefulShutdown(servers, { stopWorker = async () => {}, timeoutMs = 20_000, exit = process.exit }) {
	let stopping = false
	return async () => {
		if (stopping) return
		stopping = true
		const hardStop = setTimeout(() => {
			console.error(`still busy ${timeoutMs / 1000} s after SIGTERM; stopping anyway`)
			for (const server of servers) server.closeAllConnections()
			exit(1)
		}, timeoutMs)
		hardStop.unref()
		const closed = servers.map((server) => new Promise((resolve) => server.close(() => resolve())))
		// A kept-alive connection becomes idle when its response is done: close it then, not after
		// the keep-alive timeout of a minute.
		const idle = setInterval(() => {
			for (const server of servers) server.closeIdleConnections()
		}, 50)
		for (const server of servers) server.closeIdleConnections()
		try {
			await Promise.all([...closed, stopWorker()])
		} catch (error) {
			console.error(error)
		}
		clearInterval(idle)
		clearTimeout(hardStop)
		exit(0)
	}
}
