// The web server for `npm start` (production build) and `npm run dev` (Vite with HMR).
//
// Production uses every core: Node's cluster module starts one web process per core (or
// WEB_CONCURRENCY). The first one migrates the database and runs the background worker (outbox,
// reminders, digests, newsletters) unless RUN_WORKER=false; the others only answer requests, and
// start once the first is listening, so they never race the migrations. A process that dies is
// replaced in the same role. See docs/decisions/0012-node-http-cluster-compression.md.
import cluster from 'node:cluster'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const dev = process.argv.includes('--dev')
const port = Number(process.env.PORT ?? 3000)
// SERVER_BUILD_DIR lets the benchmark serve its one-route floor app exactly the way we serve ours.
const buildDir = path.resolve(process.env.SERVER_BUILD_DIR ?? 'build')
const processes = dev ? 1 : Math.max(1, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism())

if (processes > 1 && cluster.isPrimary) {
	superviseWebProcesses()
} else {
	await serve({ role: process.env.KLIMATPAKT_ROLE ?? 'first' })
}

function superviseWebProcesses() {
	let stopping = false
	const roles = new Map() // worker id → 'first' | 'web'
	// Web processes run this file, not whatever script imported it (`npm start`'s build step, the
	// browser tests' set-up); they inherit the environment those prepared.
	cluster.setupPrimary({ exec: fileURLToPath(import.meta.url) })
	const listened = new Set() // ids of processes that got as far as serving
	const fork = (role) => {
		const worker = cluster.fork({ KLIMATPAKT_ROLE: role })
		roles.set(worker.id, role)
		worker.once('listening', () => listened.add(worker.id))
		return worker
	}
	fork('first').once('listening', () => {
		for (let i = 1; i < processes; i++) fork('web')
	})
	cluster.on('exit', (worker, code, signal) => {
		const role = roles.get(worker.id)
		roles.delete(worker.id)
		if (stopping) return
		// One that never started serving (a failed migration, a port in use) would fail again:
		// stop everything and say so, rather than restart it for ever.
		if (!listened.has(worker.id)) {
			console.error(
				`web process ${worker.process.pid} (${role}) ended before it could serve (${signal ?? code}); stopping`,
			)
			stopping = true
			for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM')
			process.exitCode = 1
			return
		}
		console.error(`web process ${worker.process.pid} (${role}) ended (${signal ?? code}); starting another`)
		fork(role)
	})
	const shutdown = () => {
		stopping = true
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
		const check = setInterval(() => {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
		}, 50)
		check.unref()
	}
	process.on('SIGTERM', shutdown)
	process.on('SIGINT', shutdown)
}

async function serve({ role }) {
	// Imported here, not at the top: the supervising process never serves a request.
	const { createListener } = await import('./server/http.mjs')
	const { gracefulShutdown } = await import('./server/shutdown.mjs')
	let listener
	let entry
	if (dev) {
		const vite = await import('vite')
		const viteDevServer = await vite.createServer({ server: { middlewareMode: true } })
		const loadBuild = () => viteDevServer.ssrLoadModule('virtual:react-router/server-build')
		entry = (await loadBuild()).entry
		const app = createListener({
			build: loadBuild,
			mode: 'development',
			trustProxy: process.env.TRUST_PROXY,
			settings: entry.module.httpSettings,
		})
		listener = (req, res) => viteDevServer.middlewares(req, res, () => app(req, res))
	} else {
		const build = await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)
		entry = build.entry
		listener = createListener({
			build,
			mode: 'production',
			clientDir: path.join(buildDir, 'client'),
			trustProxy: process.env.TRUST_PROXY,
			settings: entry.module.httpSettings,
		})
	}

	// The benchmark's floor app has neither a database nor a worker, nor settings of its own.
	const { prepareDatabase, startWorker, httpSettings = {} } = entry.module
	if (role === 'first' && prepareDatabase) await prepareDatabase()
	const runsWorker = role === 'first' && startWorker && process.env.RUN_WORKER !== 'false'
	const stopWorker = runsWorker ? startWorker() : async () => {}

	// A local app (APP_URL on localhost) listens on loopback only, IPv4 and IPv6 where the machine
	// has it: its mailbox at /dev/mail holds every sign-in code (docs/decisions/0019).
	const hosts = httpSettings.host === '127.0.0.1' ? ['127.0.0.1', '::1'] : [httpSettings.host]
	const servers = await Promise.all(
		hosts.map((host, i) => {
			const server = http.createServer(listener)
			// Longer than a reverse proxy's idle timeout, so the proxy closes idle connections first.
			server.keepAliveTimeout = 65_000
			return new Promise((resolve, reject) => {
				server.once('error', (error) => {
					// No IPv6 on this machine: IPv4's loopback is enough.
					if (i > 0 && ['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(error.code)) resolve(undefined)
					else reject(error)
				})
				server.listen(port, host, () => resolve(server))
			})
		}),
	)
	const listening = servers.filter(Boolean)
	if (role === 'first')
		console.log(
			`Klimatpakt is listening on http://localhost:${port}${hosts[0] ? ` on ${hosts.filter((_, i) => servers[i]).join(' and ')}` : ''} (${processes} web process${processes > 1 ? 'es' : ''})`,
		)

	const shutdown = gracefulShutdown(listening, { stopWorker, timeoutMs: httpSettings.shutdownTimeoutMs })
	process.on('SIGTERM', shutdown)
	process.on('SIGINT', shutdown)
}
