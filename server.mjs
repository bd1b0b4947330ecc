// The web server for `npm start` (production build) and `npm run dev` (Vite with HMR). It also
// runs the background worker in the same process unless RUN_WORKER=false.
import { createRequestHandler } from '@react-router/express'
import express from 'express'

const dev = process.argv.includes('--dev')
const port = Number(process.env.PORT ?? 3000)

const app = express()
app.disable('x-powered-by')
// Behind a reverse proxy the client's address (used by rate limits) comes from X-Forwarded-For.
if (process.env.TRUST_PROXY) app.set('trust proxy', process.env.TRUST_PROXY)

let loadBuild
if (dev) {
	const vite = await import('vite')
	const viteDevServer = await vite.createServer({ server: { middlewareMode: true } })
	app.use(viteDevServer.middlewares)
	loadBuild = () => viteDevServer.ssrLoadModule('virtual:react-router/server-build')
} else {
	app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
	app.use(express.static('build/client', { maxAge: '1h' }))
	const build = await import('./build/server/index.js')
	loadBuild = () => build
}

const { entry } = await loadBuild()
await entry.module.prepareDatabase()
const stopWorker = process.env.RUN_WORKER === 'false' ? async () => {} : entry.module.startWorker()

app.use(
	createRequestHandler({
		build: dev ? loadBuild : await loadBuild(),
		mode: dev ? 'development' : 'production',
		getLoadContext: (req) => ({ clientIp: req.ip ?? 'unknown' }),
	}),
)

const server = app.listen(port, () => {
	console.log(`Klimatpakt is listening on http://localhost:${port}`)
})

async function shutdown() {
	server.close()
	await stopWorker()
	process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
