// Stopping a web process on SIGTERM without losing what it is doing (issue 12): a deploy or a
// restart must not cut a page or a download in half, nor a batch of emails.
import net from 'node:net'

/**
 * Returns the function to run on SIGTERM/SIGINT: stop accepting connections, let the requests in
 * flight finish (a streaming response to its end), let the worker finish its current batch, then
 * exit. Connections kept alive for a next request are closed as soon as they fall idle. After
 * `timeoutMs` whatever is still open is cut and the process exits with 1.
 */
export function gracefulShutdown(servers, { stopWorker = async () => {}, timeoutMs = 20_000, exit = process.exit }) {
	// Node's closeIdleConnections() counts a connection as idle once its response has ended, and
	// destroys it with the response's tail still queued for a slow reader (in the test, a 4.4 MB CSV
	// lost its last 100 to 450 kB). So a connection is ended here only when no response is under
	// way on it and nothing is left to write, and ended gently: what the kernel holds still arrives.
	const connections = new Map() // socket → responses under way on it
	for (const server of servers) {
		server.on('connection', (socket) => {
			connections.set(socket, 0)
			socket.once('close', () => connections.delete(socket))
		})
		server.on('request', (req, res) => {
			const socket = req.socket
			connections.set(socket, (connections.get(socket) ?? 0) + 1)
			res.once('close', () => connections.has(socket) && connections.set(socket, connections.get(socket) - 1))
		})
	}
	const endIdleConnections = () => {
		for (const [socket, responses] of connections)
			if (responses === 0 && socket.writableLength === 0 && !socket.writableEnded) socket.end()
	}
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
		// net.Server's close, not http.Server's: that one (Node 19 and later) starts with Node's
		// closeIdleConnections(), the very cut described above.
		const closed = servers.map((server) => new Promise((resolve) => net.Server.prototype.close.call(server, resolve)))
		// A kept-alive connection becomes idle when its response is written out: close it then, not
		// after the keep-alive timeout of a minute.
		const idle = setInterval(endIdleConnections, 50)
		endIdleConnections()
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
