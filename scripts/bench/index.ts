// `npm run bench`: issue 8's benchmark in one run. Seeds a large pact, serves the production build
// the way `npm start` does, measures the machine's floor (bare node:http with our home page's
// bytes) and the framework's floor (a one-route React Router app served by our server.mjs), then
// our pages, the server's memory, signing and confirming, and the newsletter; prints one table.
// `--write` (or BENCH_WRITE=1) also writes it to docs/benchmarks.md, which says what every row
// means. DATABASE_URL=postgres://… runs it on PostgreSQL (scripts/bench/database.ts) and writes
// that table to its own section. Settings: see docs/benchmarks.md. Progress goes to stderr, the
// results to stdout.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import PostalMime from 'postal-mime'
import { buildAppIfStale, buildFloor, floorBuildDir } from './build.ts'
import { benchDatabase, type BenchDatabase } from './database.ts'
import { BROWSER_HEADERS, clientAddress, decodedBody, loadPage, request, runClients } from './load.ts'
import {
	freePort,
	killAllNow,
	logTail,
	startNode,
	stop,
	stopAll,
	treeMemory,
	waitForOk,
	waitForSteadyTree,
	type Child,
} from './processes.ts'
import { renderDoc, renderResults, type NewsletterFigures, type Results, type Row } from './report.ts'
import { pactSizeFromEnv, seedLargePact } from './seed-large.ts'
import { describeDatabase, isPostgresUrl, migrateToLatest, openDatabase, type DB } from '#db/index.ts'

const env = process.env
const settings = {
	seconds: Number(env.BENCH_DURATION ?? 10),
	warmupSeconds: Number(env.BENCH_WARMUP ?? 2),
	connections: Number(env.BENCH_CONNECTIONS ?? 50),
	signClients: Number(env.BENCH_SIGN_CLIENTS ?? 20),
	signSeconds: Number(env.BENCH_SIGN_SECONDS ?? env.BENCH_DURATION ?? 10),
	emailWaitSeconds: Number(env.BENCH_EMAIL_WAIT_SECONDS ?? 120),
	confirmSeconds: Number(env.BENCH_CONFIRM_SECONDS ?? 60),
	newsletterSendSeconds: Number(env.BENCH_NEWSLETTER_SEND_SECONDS ?? 30),
	write: process.argv.includes('--write') || env.BENCH_WRITE === '1',
}
const SIGN_DOMAIN = 'sign.bench.example'

const startedAt = performance.now()
const log = (line: string) =>
	process.stderr.write(`bench [${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${line}\n`)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-bench-'))
const mailDir = path.join(tmp, 'mail')

// BENCH_KEEP_TMP=1 keeps the database, the mailbox and the servers' logs for a look afterwards.
const keepTmp = env.BENCH_KEEP_TMP === '1'
const removeTmp = () => {
	if (!keepTmp) fs.rmSync(tmp, { recursive: true, force: true })
}
let database: BenchDatabase | undefined
let cleaned = false
async function cleanUp() {
	if (cleaned) return
	cleaned = true
	await stopAll()
	await database?.drop().catch((error: unknown) => log(`could not drop the run's databases: ${String(error)}`))
	removeTmp()
	if (keepTmp) log(`kept ${tmp}`)
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)))
process.on('SIGTERM', () => void cleanUp().then(() => process.exit(143)))
// Last resort if something exits the process without the cleanup above.
process.on('exit', () => {
	killAllNow()
	removeTmp()
})

/** The environment `npm start` would have, minus anything that sends real email or loads demo content. */
function serverEnv(port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const base = { ...env }
	for (const key of Object.keys(base)) if (key.startsWith('RESEND_') || key.startsWith('BENCH_')) delete base[key]
	delete base.SEED_DEMO
	delete base.RUN_WORKER
	delete base.SERVER_BUILD_DIR
	return {
		...base,
		NODE_ENV: 'production',
		PORT: String(port),
		// The address the load uses, so the forms' Origin is the app's own (the origin check, issue 12).
		APP_URL: `http://127.0.0.1:${port}`,
		MAIL_DIR: mailDir,
		// Our load comes through 127.0.0.1: trust X-Forwarded-For from there, as from a reverse proxy
		// on the same machine ("loopback" is understood by Express and by server/http.mjs alike).
		TRUST_PROXY: 'loopback',
		...extra,
	}
}

async function startServer(name: string, port: number, extra: NodeJS.ProcessEnv, readyPath: string): Promise<Child> {
	const child = startNode(name, ['server.mjs'], { env: serverEnv(port, extra), log: path.join(tmp, `${name}.log`) })
	await waitForOk(`http://127.0.0.1:${port}${readyPath}`, child)
	await waitForSteadyTree(child.pid)
	return child
}

async function main() {
	const size = pactSizeFromEnv()
	database = await benchDatabase(tmp, env.DATABASE_URL)
	const results: Results = {
		database: { engine: database.engine, description: database.description },
		machine: {
			cpu: os.cpus()[0]?.model ?? 'unknown',
			cores: os.cpus().length,
			node: process.version,
			date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
			loadAverage: os.loadavg()[0]!,
		},
		settings: {
			connections: settings.connections,
			seconds: settings.seconds,
			warmupSeconds: settings.warmupSeconds,
			signClients: settings.signClients,
			command: commandLine(),
		},
		pact: { signatures: size.signatures, events: size.events, rsvps: size.rsvps, seedSeconds: 0 },
		pages: { homeBytes: 0, homeSentBytes: 0, homeEncoding: 'identity', floorBytes: 0, serverProcesses: 0 },
		rows: [],
		memory: null,
		sign: null,
		confirm: null,
		newsletter: { lines: [], figures: null },
		problems: [],
	}

	// 1. The build, as `npm start` makes it.
	// BENCH_BUILD=0 serves build/ as it is, stale or not: for a quick check while others change the sources.
	if (env.BENCH_BUILD === '0') log('build: served as it is (BENCH_BUILD=0)')
	else buildAppIfStale(log, env.BENCH_BUILD === '1')

	// 2. The large pact, and a copy for the newsletter benchmark before the server touches it.
	log(`database: ${database.description}`)
	log(
		`seeding ${size.signatures.toLocaleString('en')} signatures, ${size.events.toLocaleString('en')} events, ${size.rsvps.toLocaleString('en')} RSVPs…`,
	)
	const db = openDatabase(database.url)
	await migrateToLatest(db)
	const seeded = await seedLargePact(db, size)
	await db.destroy()
	const newsletterDatabase = await database.copy()
	results.pact.seedSeconds = seeded.seconds
	log(`seeded in ${seeded.seconds.toFixed(1)} s`)

	// 3. Our server, as `npm start` runs it.
	const port = await freePort()
	const base = `http://127.0.0.1:${port}`
	log('starting the server…')
	const server = await startServer('server', port, { DATABASE_URL: database.url }, '/healthz')
	results.pages.serverProcesses = treeMemory(server.pid).processes

	// The home page's bytes as a browser gets them: the bare floor answers with exactly these.
	const home = await request(`${base}/`, { headers: BROWSER_HEADERS })
	if (home.status !== 200)
		throw new Error(`GET / answered ${home.status}:\n${decodedBody(home).slice(0, 500)}\n${logTail(server.log)}`)
	const homeHtml = decodedBody(home)
	results.pages.homeBytes = Buffer.byteLength(homeHtml)
	results.pages.homeSentBytes = home.body.length
	results.pages.homeEncoding = String(home.headers['content-encoding'] ?? 'not compressed')

	// 4a. The machine's floor.
	const bodyFile = path.join(tmp, 'home.body')
	const headersFile = path.join(tmp, 'home.headers.json')
	fs.writeFileSync(bodyFile, home.body)
	const contentHeaders = Object.fromEntries(
		['content-type', 'content-encoding', 'vary'].filter((h) => home.headers[h]).map((h) => [h, home.headers[h]]),
	)
	fs.writeFileSync(headersFile, JSON.stringify(contentHeaders))
	const barePort = await freePort()
	const bare = startNode('bare-floor', ['scripts/bench/bare-floor.mjs', String(barePort), bodyFile, headersFile], {
		env,
		log: path.join(tmp, 'bare-floor.log'),
	})
	await waitForOk(`http://127.0.0.1:${barePort}/`, bare)
	log('load: bare node:http floor')
	results.rows.push({
		label: "bare `node:http` with the home page's bytes",
		figures: await loadPage(`http://127.0.0.1:${barePort}/`, settings),
	})
	await stop(bare)

	// 4b. The framework's floor: built now, so its page matches our home page's size. Measured
	// again after our pages: on a shared machine a busy moment only ever lowers a floor, so the
	// higher of the two is the reference for the ratios.
	log('building the framework floor…')
	buildFloor(results.pages.homeBytes)
	results.rows.push(await frameworkFloor('framework floor (one static React Router route)', results))

	// 5. Our pages, one at a time.
	const eventPath =
		seeded.eventPath ??
		/href="(\/events\/[^"/?#]+)"/.exec(
			decodedBody(await request(`${base}/events`, { headers: BROWSER_HEADERS })),
		)?.[1] ??
		null
	const pages: Array<{ label: string; path: string | null; target?: Row['target'] }> = [
		{ label: '`/healthz`', path: '/healthz', target: { p99Ms: 100 } },
		{ label: '`/login`', path: '/login', target: { floorShare: 0.8, p99Ms: 100 } },
		{ label: '`/` home', path: '/', target: { floorShare: 0.8, minReqPerSec: 1000, p99Ms: 100 } },
		{ label: '`/sign`', path: '/sign', target: { floorShare: 0.5, p99Ms: 100 } },
		{ label: '`/events`', path: '/events', target: { floorShare: 0.5, p99Ms: 100 } },
		{ label: '`/numbers`', path: '/numbers', target: { floorShare: 0.5, p99Ms: 100 } },
		{ label: `an event page (\`${eventPath}\`)`, path: eventPath, target: { floorShare: 0.5, p99Ms: 100 } },
	]
	for (const page of pages) {
		if (!page.path) {
			results.rows.push({ label: page.label, figures: null, note: 'no upcoming event found', target: page.target })
			continue
		}
		ensureRunning(server)
		log(`load: ${page.path}`)
		results.rows.push({
			label: page.label,
			figures: await loadPage(`${base}${page.path}`, settings),
			target: page.target,
		})
	}

	// 6. Memory after the page runs: the server and every process it forked.
	ensureRunning(server)
	results.memory = treeMemory(server.pid)
	results.rows.push(await frameworkFloor('framework floor, again after the pages', results))

	// 7. Signing, its emails, and confirming.
	// A handle of our own for the checks (how many were stored, sent, confirmed).
	const checks = openDatabase(database.url)
	try {
		results.sign = await signing(base, seeded.commitmentIds, checks)
		ensureRunning(server)
		results.confirm = await confirming(base, checks)
		ensureRunning(server)
	} finally {
		await checks.destroy()
	}
	await stop(server)
	results.problems.push(...logProblems(server.log))

	// 8. The newsletter, on a copy of the same pact, in its own process with the server stopped.
	results.newsletter = await newsletter(newsletterDatabase)
	return results
}

/** Serves the floor build with our server.mjs and loads it; a failure leaves the row empty, not the run. */
async function frameworkFloor(label: string, results: Results): Promise<Row> {
	const row: Row = { label, figures: null, floor: true }
	const port = await freePort()
	let floor: Child | undefined
	try {
		// The floor reads no data: it stays on a SQLite file whichever engine the run measures, so it
		// means the same in both tables of docs/benchmarks.md.
		floor = await startServer(
			'floor',
			port,
			{ SERVER_BUILD_DIR: floorBuildDir, DATABASE_URL: `file:${path.join(tmp, 'floor.db')}` },
			'/',
		)
		const html = decodedBody(await request(`http://127.0.0.1:${port}/`, { headers: BROWSER_HEADERS }))
		results.pages.floorBytes = Buffer.byteLength(html)
		if (!html.includes('data-bench-floor'))
			throw new Error('server.mjs did not serve the floor build (is SERVER_BUILD_DIR honoured?)')
		log(`load: ${label}`)
		row.figures = await loadPage(`http://127.0.0.1:${port}/`, settings)
	} catch (error) {
		row.note = `failed: ${String(error).split('\n')[0]}`
		results.problems.push(`${label}: ${String(error)}`)
	} finally {
		if (floor) await stop(floor)
	}
	return row
}

/** Figures from a server that has gone would only count refused connections: stop instead. */
function ensureRunning(server: Child): void {
	if (server.done())
		throw new Error(
			`the server ended during the benchmark (${server.howEnded()}; nothing in this run stops it before the end):\n${logTail(server.log)}`,
		)
}

/** Errors and restarted processes in a server's log: they explain failed requests. */
function logProblems(file: string): string[] {
	const lines = fs.readFileSync(file, 'utf8').split('\n')
	const bad = lines.filter((line) => /error|ended \(|failed|exception/i.test(line))
	if (bad.length === 0) return []
	return [
		`the server logged ${bad.length} error line${bad.length === 1 ? '' : 's'}, the first: ${bad
			.slice(0, 3)
			.map((line) => `\`${line.trim().slice(0, 200).replace(/`/g, "'")}\``)
			.join(' · ')}`,
	]
}

/** The command as typed, for the record. */
function commandLine(): string {
	const set = [
		'BENCH_DURATION',
		'BENCH_WARMUP',
		'BENCH_CONNECTIONS',
		'BENCH_SIGNATURES',
		'BENCH_EVENTS',
		'BENCH_RSVPS',
		'BENCH_SIGN_CLIENTS',
		'BENCH_NEWSLETTER_SEND_SECONDS',
	].filter((k) => env[k])
	const write = process.argv.includes('--write') ? ' -- --write' : ''
	const url =
		env.DATABASE_URL && isPostgresUrl(env.DATABASE_URL) ? [`DATABASE_URL=${describeDatabase(env.DATABASE_URL)}`] : []
	return [...url, ...set.map((k) => `${k}=${env[k]}`), `npm run bench${write}`].join(' ')
}

/** Posts the sign form: every submission a new address from its own client address. */
async function signing(base: string, commitmentIds: number[], db: DB): Promise<NonNullable<Results['sign']>> {
	const run = Date.now().toString(36)
	let n = 0
	log(`signing: ${settings.signClients} clients for ${settings.signSeconds} s`)
	const figures = await runClients({
		concurrency: settings.signClients,
		seconds: settings.signSeconds,
		next: () => n++,
		send: async (i) => {
			const form = new URLSearchParams({
				name: `Bänk Testsson ${i}`,
				email: `sign-${run}-${i}@${SIGN_DOMAIN}`,
				livesInMunicipality: 'yes',
				district: 'Tågaborg',
				consent: 'on',
			})
			form.append('commitmentIds', String(commitmentIds[i % commitmentIds.length]))
			form.append('commitmentIds', String(commitmentIds[(i + 5) % commitmentIds.length]))
			const response = await request(`${base}/sign`, {
				method: 'POST',
				headers: formHeaders(base, clientAddress(i)),
				body: form.toString(),
			})
			return {
				ok: response.status === 302 && String(response.headers.location).startsWith('/sign/check-email'),
				response,
			}
		},
	})
	const stored = await signedHere(db, 'any')
	// Every stored signature's confirmation email, delivered by the worker into the local mailbox.
	log(`signing: ${figures.ok} accepted, ${stored} stored; waiting for their emails…`)
	const started = performance.now()
	let delivered = 0
	while (performance.now() - started < settings.emailWaitSeconds * 1000) {
		delivered = Number(
			(
				await db
					.selectFrom('outbox')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('to_address', 'like', `%@${SIGN_DOMAIN}`)
					.where('status', '=', 'sent')
					.executeTakeFirstOrThrow()
			).n,
		)
		if (delivered >= stored) break
		await sleep(250)
	}
	const waitedSeconds = (performance.now() - started) / 1000
	const files = (await signEmails()).length
	return { ...figures, stored, delivered: files, waitedSeconds, allDelivered: delivered >= stored && files >= stored }
}

/** Signatures made by the signing step: all of them, or the confirmed ones. */
async function signedHere(db: DB, which: 'any' | 'confirmed'): Promise<number> {
	let query = db
		.selectFrom('signature')
		.innerJoin('user', 'user.id', 'signature.user_id')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user.email', 'like', `%@${SIGN_DOMAIN}`)
	if (which === 'confirmed') query = query.where('signature.status', '=', 'confirmed')
	return Number((await query.executeTakeFirstOrThrow()).n)
}

function formHeaders(base: string, address: string): Record<string, string> {
	return {
		...BROWSER_HEADERS,
		origin: base,
		'content-type': 'application/x-www-form-urlencoded',
		'x-forwarded-for': address,
	}
}

/** The confirmation emails in the local mailbox to the addresses the signing step used. */
async function signEmails(): Promise<Array<{ to: string; text: string }>> {
	if (!fs.existsSync(mailDir)) return []
	const found: Array<{ to: string; text: string }> = []
	for (const name of fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml'))) {
		const email = await PostalMime.parse(fs.readFileSync(path.join(mailDir, name)))
		const to = email.to?.[0]?.address ?? ''
		if (to.endsWith(`@${SIGN_DOMAIN}`)) found.push({ to, text: `${email.text ?? ''}\n${email.html ?? ''}` })
	}
	return found
}

/** Posts every emailed link's button (the link opens a page; its POST confirms). */
async function confirming(base: string, db: DB): Promise<NonNullable<Results['confirm']>> {
	const tokens = (await signEmails())
		.map((email) => /\/verify\?token=([A-Za-z0-9_-]+)/.exec(email.text)?.[1])
		.filter((token): token is string => Boolean(token))
	let n = 0
	log(`confirming: ${tokens.length} links, ${settings.signClients} clients`)
	const figures = await runClients({
		concurrency: settings.signClients,
		seconds: settings.confirmSeconds,
		next: () => (n < tokens.length ? n++ : null),
		send: async (i) => {
			const form = new URLSearchParams({ token: tokens[i]!, redirectTo: '/' })
			const response = await request(`${base}/verify`, {
				method: 'POST',
				headers: formHeaders(base, clientAddress(1_000_000 + i)),
				body: form.toString(),
			})
			return { ok: response.status === 302 && String(response.headers.location).startsWith('/my-pledge'), response }
		},
	})
	const confirmed = await signedHere(db, 'confirmed')
	return { ...figures, links: tokens.length, confirmed }
}

/** scripts/bench/newsletter.ts in its own process; its lines, and its figures from the BENCH_JSON line. */
async function newsletter(databaseCopy: string): Promise<Results['newsletter']> {
	log('newsletter: queueing and sending (about a minute)…')
	const logFile = path.join(tmp, 'newsletter.log')
	const child = startNode('newsletter', ['--import', 'tsx', 'scripts/bench/newsletter.ts'], {
		env: {
			...env,
			BENCH_DATABASE: databaseCopy,
			BENCH_SEND_SECONDS: String(settings.newsletterSendSeconds),
			BENCH_JSON: '1',
			RESEND_RATE_PER_SECOND: env.RESEND_RATE_PER_SECOND ?? '10',
		},
		log: logFile,
	})
	// Bounded like everything else: queueing, one sending window and the checks take about a minute.
	const code = await Promise.race([child.exited, sleep(300_000, 'timed out after 300 s', { ref: false })])
	await stop(child)
	const lines = fs
		.readFileSync(logFile, 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
	const json = lines.find((line) => line.startsWith('BENCH_JSON '))
	const figures = json ? (JSON.parse(json.slice('BENCH_JSON '.length)) as NewsletterFigures) : null
	return {
		lines: lines.filter((line) => !line.startsWith('BENCH_JSON ')),
		figures,
		error: code === 0 && figures ? undefined : typeof code === 'string' ? code : `exit code ${code}`,
	}
}

try {
	const results = await main()
	const text = renderResults(results)
	process.stdout.write(`\n${text}\n`)
	if (settings.write) {
		const doc = 'docs/benchmarks.md'
		fs.writeFileSync(doc, renderDoc(results, fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : ''))
		log(`wrote the ${results.database.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'} figures to ${doc}`)
	}
} catch (error) {
	process.exitCode = 1
	console.error(error)
	for (const name of ['server', 'floor', 'bare-floor', 'newsletter']) {
		const file = path.join(tmp, `${name}.log`)
		if (fs.existsSync(file)) console.error(`--- ${name}.log (end) ---\n${logTail(file)}`)
	}
} finally {
	await cleanUp()
}
