// `npm run audit:lighthouse`: runs Lighthouse (mobile settings, its defaults) against the
// production build on home, sign, events and one event page, and prints one table of scores with
// the reasons behind any score under 100. It is a report, not a test: it exits 0 whatever the
// scores, and non-zero only when the run itself breaks.
//
//   npm run audit:lighthouse
//   npm run audit:lighthouse -- --runs 3 --json scores.json --report-dir lighthouse-reports
//
// --runs n          audit each page n times and keep the run with the median performance score
// --json file       write the scores (and the audits behind them) as JSON
// --report-dir dir  write Lighthouse's full HTML report for every page
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { buildIfStale } from '../build.mjs'

// The targets of issue 8. Scores are 0–100.
const targets = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 }
const categories = Object.keys(targets)
const categoryLabels = {
	performance: 'performance',
	accessibility: 'accessibility',
	'best-practices': 'best practices',
	seo: 'SEO',
}

const { values: options } = parseArgs({
	options: {
		runs: { type: 'string', default: '1' },
		json: { type: 'string' },
		'report-dir': { type: 'string' },
	},
})
const runs = Math.max(1, Number.parseInt(options.runs, 10) || 1)

const chromeFlags = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
	'--disable-quic',
]

// Debian's chromium unless told otherwise; without it chrome-launcher looks for an installed
// Chrome itself (CHROME_PATH, the system's, Playwright's when pointed at it).
function chromePath() {
	if (process.env.CHROME_PATH) return process.env.CHROME_PATH
	return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

// --- the server -----------------------------------------------------------------------------

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer()
		server.unref()
		server.on('error', reject)
		server.listen(0, () => {
			const { port } = server.address()
			server.close(() => resolve(port))
		})
	})
}

// Starts `npm start`'s script on an empty database and mailbox in tmpDir. A localhost APP_URL
// makes the server seed demo content, so there are events to audit. Detached, so that it leads
// its own process group and stopping it also stops anything it started.
function startServer(port, tmpDir) {
	const env = {
		...process.env,
		NODE_ENV: 'production',
		PORT: String(port),
		DATABASE_URL: `file:${path.join(tmpDir, 'app.db')}`,
		MAIL_DIR: path.join(tmpDir, 'mail'),
		APP_URL: `http://localhost:${port}`,
	}
	delete env.RESEND_API_KEY
	const child = spawn(process.execPath, ['scripts/start.mjs'], {
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	// Kept to explain a server that does not come up; not printed otherwise.
	let output = ''
	const keep = (chunk) => {
		output = (output + chunk).slice(-20_000)
	}
	child.stdout.on('data', keep)
	child.stderr.on('data', keep)
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
	return { child, exited, output: () => output }
}

async function waitForHealth(baseUrl, server, timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs
	let exited = null
	server.exited.then((result) => (exited = result))
	while (Date.now() < deadline) {
		if (exited)
			throw new Error(`the server exited (${exited.code ?? exited.signal}) before it was healthy:\n${server.output()}`)
		try {
			const response = await fetch(`${baseUrl}/healthz`)
			if (response.ok) return
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 250))
	}
	throw new Error(`the server was not healthy after ${timeoutMs / 1000} s:\n${server.output()}`)
}

async function stopServer(server) {
	if (server.child.exitCode !== null || server.child.signalCode !== null) return
	const signalGroup = (signal) => {
		try {
			process.kill(-server.child.pid, signal)
		} catch {
			// Already gone.
		}
	}
	signalGroup('SIGTERM')
	const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000))
	if ((await Promise.race([server.exited, timeout])) === 'timeout') {
		signalGroup('SIGKILL')
		await server.exited
	}
}

// --- Lighthouse -----------------------------------------------------------------------------

// The first event page the events list links to (not /events/mine or a feed).
async function firstEventPath(baseUrl) {
	const html = await (await fetch(`${baseUrl}/events`)).text()
	for (const [, slug] of html.matchAll(/href="\/events\/([^"/?#]+)"/g)) {
		if (slug !== 'mine' && slug !== 'feed') return `/events/${slug}`
	}
	return null
}

// One Chrome per run: every audit starts from a cold browser, as a first-time visitor does, and
// one page's leftovers cannot slow the next.
async function audit(url) {
	const chrome = await chromeLauncher.launch({ chromePath: chromePath(), chromeFlags })
	try {
		const result = await lighthouse(url, {
			port: chrome.port,
			logLevel: 'error',
			output: options['report-dir'] ? 'html' : 'json',
			onlyCategories: categories,
		})
		if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
		if (result.lhr.runtimeError)
			throw new Error(`Lighthouse could not audit ${url}: ${result.lhr.runtimeError.message}`)
		return result
	} finally {
		await chrome.kill()
	}
}

function score(lhr, category) {
	const value = lhr.categories[category]?.score
	return value == null ? null : Math.round(value * 100)
}

// Bytes of JavaScript the page transferred (compressed when the server compresses).
function scriptBytes(lhr) {
	const items = lhr.audits['resource-summary']?.details?.items ?? []
	return items.find((item) => item.resourceType === 'script')?.transferSize ?? null
}

function totalBytes(lhr) {
	const items = lhr.audits['resource-summary']?.details?.items ?? []
	return items.find((item) => item.resourceType === 'total')?.transferSize ?? null
}

// What a failing audit points at — the first element, console error or URL — so that the report
// says where to look, not only what is wrong.
function firstElement(audit) {
	const short = (text) => text.replace(/\s+/g, ' ').slice(0, 140)
	for (const item of audit.details?.items ?? []) {
		const node = item.node ?? item.subItems?.items?.[0]?.relatedNode
		if (node?.snippet) return short(node.snippet)
		if (typeof item.description === 'string' && item.description) return short(item.description.split('\n')[0])
		if (typeof item.url === 'string' && item.url) return item.url
		if (typeof item.sourceLocation?.url === 'string') return item.sourceLocation.url
	}
	return null
}

// Why a category is under 100. Performance: the metrics that lost points, then the opportunities
// with the largest estimated saving. The others: failing audits, heaviest weight first.
function failingAudits(lhr, category) {
	const refs = lhr.categories[category]?.auditRefs ?? []
	const failed = (audit) =>
		audit &&
		audit.score !== null &&
		audit.score < 1 &&
		!['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode)
	const describe = (audit) => ({
		id: audit.id,
		title: audit.title,
		displayValue: audit.displayValue || null,
		element: category === 'performance' ? null : firstElement(audit),
	})
	if (category === 'performance') {
		const metrics = refs
			.filter((ref) => ref.group === 'metrics' && ref.weight > 0)
			.map((ref) => lhr.audits[ref.id])
			.filter(failed)
			.sort((a, b) => a.score - b.score)
		const savings = (audit) =>
			Math.max(0, ...Object.values(audit.metricSavings ?? {}).filter((value) => typeof value === 'number'))
		const opportunities = refs
			.filter((ref) => ref.group !== 'metrics')
			.map((ref) => lhr.audits[ref.id])
			.filter((audit) => failed(audit) && savings(audit) > 0)
			.sort((a, b) => savings(b) - savings(a))
			.slice(0, 4)
		return [...metrics, ...opportunities].map(describe)
	}
	return refs
		.filter((ref) => ref.weight > 0)
		.map((ref) => ({ audit: lhr.audits[ref.id], weight: ref.weight }))
		.filter(({ audit }) => failed(audit))
		.sort((a, b) => b.weight - a.weight)
		.slice(0, 6)
		.map(({ audit }) => describe(audit))
}

// --- the report -----------------------------------------------------------------------------

function kb(bytes) {
	return bytes == null ? '–' : `${(bytes / 1024).toFixed(0)} KB`
}

function printTable(rows) {
	const header = ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'JS transferred', 'all transferred']
	// An event's slug can be long; the reasons below give the full path.
	const cells = rows.map((row) => [
		row.page.length > 32 ? `${row.page.slice(0, 31)}…` : row.page,
		...categories.map((category) => String(row.scores[category] ?? '–')),
		kb(row.scriptBytes),
		kb(row.totalBytes),
	])
	const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i].length)))
	// Text left, numbers right.
	const format = (line) =>
		line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
	console.log(format(header))
	console.log(widths.map((width) => '-'.repeat(width)).join('  '))
	for (const line of cells) console.log(format(line))
}

function printReasons(rows) {
	for (const row of rows) {
		const under100 = categories.filter((category) => row.scores[category] != null && row.scores[category] < 100)
		if (under100.length === 0) continue
		console.log(`\n${row.page}`)
		for (const category of under100) {
			console.log(`  ${categoryLabels[category]} ${row.scores[category]}:`)
			for (const audit of row.failing[category]) {
				const value = audit.displayValue ? ` (${audit.displayValue})` : ''
				const element = audit.element ? ` — ${audit.element}` : ''
				console.log(`    - ${audit.title}${value} [${audit.id}]${element}`)
			}
		}
	}
}

function printTargets(rows) {
	const misses = []
	for (const row of rows) {
		for (const category of categories) {
			const value = row.scores[category]
			if (value == null || value < targets[category]) {
				misses.push(`${row.page} ${categoryLabels[category]} ${value ?? 'no score'} < ${targets[category]}`)
			}
		}
	}
	console.log('')
	if (misses.length === 0) {
		console.log('All pages meet the targets (performance ≥ 95, accessibility 100, best practices ≥ 95, SEO ≥ 95).')
	} else {
		console.log(`UNDER TARGET (performance ≥ 95, accessibility 100, best practices ≥ 95, SEO ≥ 95): ${misses.length}`)
		for (const miss of misses) console.log(`  ${miss}`)
	}
}

// --- the run --------------------------------------------------------------------------------

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-lighthouse-'))
let server = null
let cleanedUp = false
async function cleanUp() {
	if (cleanedUp) return
	cleanedUp = true
	if (server) await stopServer(server)
	fs.rmSync(tmpDir, { recursive: true, force: true })
}
// Ctrl-C must not leave a server holding the port or a temporary database behind.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		cleanUp().finally(() => process.exit(130))
	})
}

try {
	// Quiet unless it fails: the build's output would bury the report.
	buildIfStale({ quiet: true })
	const port = await freePort()
	const baseUrl = `http://localhost:${port}`
	server = startServer(port, tmpDir)
	await waitForHealth(baseUrl, server)

	const pages = ['/', '/sign', '/events']
	const eventPath = await firstEventPath(baseUrl)
	if (eventPath) pages.push(eventPath)
	else console.log('No event page found on /events; auditing the other pages only.')

	// A few requests first, so that the first page audited does not pay for a cold server.
	for (const page of pages) {
		for (let i = 0; i < 3; i++) await (await fetch(baseUrl + page)).arrayBuffer()
	}

	const rows = []
	for (const page of pages) {
		const results = []
		for (let run = 1; run <= runs; run++) {
			console.log(`Auditing ${page}${runs > 1 ? ` (run ${run} of ${runs})` : ''}…`)
			results.push(await audit(baseUrl + page))
		}
		// The median by performance score: the other categories barely vary between runs.
		results.sort((a, b) => (a.lhr.categories.performance.score ?? 0) - (b.lhr.categories.performance.score ?? 0))
		const { lhr, report } = results[Math.floor((results.length - 1) / 2)]
		if (options['report-dir']) {
			fs.mkdirSync(options['report-dir'], { recursive: true })
			const name = page === '/' ? 'home' : page.slice(1).replaceAll('/', '-')
			fs.writeFileSync(path.join(options['report-dir'], `${name}.html`), report)
		}
		rows.push({
			page,
			url: baseUrl + page,
			scores: Object.fromEntries(categories.map((category) => [category, score(lhr, category)])),
			scriptBytes: scriptBytes(lhr),
			totalBytes: totalBytes(lhr),
			failing: Object.fromEntries(categories.map((category) => [category, failingAudits(lhr, category)])),
			lighthouseVersion: lhr.lighthouseVersion,
			userAgent: lhr.environment?.hostUserAgent,
			warnings: lhr.runWarnings,
		})
	}

	console.log(`\nLighthouse ${rows[0]?.lighthouseVersion} (mobile settings), ${rows[0]?.userAgent ?? ''}\n`)
	printTable(rows)
	printReasons(rows)
	for (const row of rows) {
		for (const warning of row.warnings ?? []) console.log(`\nWarning on ${row.page}: ${warning}`)
	}
	printTargets(rows)

	if (options.json) {
		const json = {
			date: new Date().toISOString(),
			targets,
			pages: rows.map(({ page, scores, scriptBytes, totalBytes, failing }) => ({
				page,
				scores,
				scriptBytes,
				totalBytes,
				failing,
			})),
		}
		fs.writeFileSync(options.json, `${JSON.stringify(json, null, '\t')}\n`)
		console.log(`\nScores written to ${options.json}`)
	}
} catch (error) {
	console.error(`\nThe Lighthouse audit could not run: ${error.stack ?? error}`)
	process.exitCode = 1
} finally {
	await cleanUp()
}
