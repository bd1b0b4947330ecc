// The benchmark's one table and the lines under it, as markdown: printed, and with --write kept
// in docs/benchmarks.md beside how to run it and what issue 8 asks for.
import type { ClientFigures, PageFigures } from './load.ts'
import type { TreeMemory } from './processes.ts'

export interface Row {
	label: string
	figures: PageFigures | null
	/** Why there are no figures. */
	note?: string
	/** A measurement of the framework floor: the best of these is what ratios are taken against. */
	floor?: boolean
	/** Issue 8's target for the row: share of the framework floor, and whether p99 counts. */
	target?: { floorShare?: number; minReqPerSec?: number; p99Ms?: number }
}

export interface NewsletterFigures {
	recipients: number
	queueSeconds: number
	sent: number
	sendSeconds: number
	requestsPerSecond: number
	rate: number
	share: number
	exactlyOnce: boolean
	peakRssMb: number
}

export interface Results {
	/** Which engine the pact lived on (scripts/bench/database.ts). */
	database: { engine: 'sqlite' | 'postgres'; description: string }
	machine: { cpu: string; cores: number; node: string; date: string; loadAverage: number }
	settings: { connections: number; seconds: number; warmupSeconds: number; signClients: number; command: string }
	pact: { signatures: number; events: number; rsvps: number; seedSeconds: number }
	pages: { homeBytes: number; homeSentBytes: number; homeEncoding: string; floorBytes: number; serverProcesses: number }
	rows: Row[]
	memory: TreeMemory | null
	sign: (ClientFigures & { stored: number; delivered: number; waitedSeconds: number; allDelivered: boolean }) | null
	confirm: (ClientFigures & { links: number; confirmed: number }) | null
	newsletter: { lines: string[]; figures: NewsletterFigures | null; error?: string }
	problems: string[]
}

const whole = (n: number) => Math.round(n).toLocaleString('en')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')

function targetText(row: Row): string {
	const t = row.target
	if (!t) return ''
	const parts = []
	if (t.floorShare) parts.push(`≥ ${t.floorShare}× floor`)
	if (t.minReqPerSec) parts.push(`≥ ${whole(t.minReqPerSec)} req/s`)
	if (t.p99Ms) parts.push(`p99 ≤ ${t.p99Ms} ms`)
	return parts.join(', ')
}

function targetMet(row: Row, floor: number | null): string {
	const t = row.target
	if (!t || !row.figures) return ''
	const f = row.figures
	const ok =
		(!t.floorShare || (floor !== null && f.reqPerSec / floor >= t.floorShare)) &&
		(!t.minReqPerSec || f.reqPerSec >= t.minReqPerSec) &&
		(!t.p99Ms || (f.answered > 0 && f.p99 <= t.p99Ms)) &&
		f.errors + f.non2xx === 0
	return verdict(ok)
}

/** The table and its lines, in markdown. */
export function renderResults(r: Results): string {
	const floors = r.rows.filter((row) => row.floor && row.figures).map((row) => row.figures!.reqPerSec)
	const floor = floors.length > 0 ? Math.max(...floors) : null
	const out: string[] = []
	out.push(`Database: ${r.database.description}.`)
	out.push('')
	out.push(
		`Machine: ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}; ${r.machine.date}, load average ${r.machine.loadAverage.toFixed(2)} at the start. ` +
			`Pact: ${whole(r.pact.signatures)} confirmed signatures, ${whole(r.pact.events)} events, ${whole(r.pact.rsvps)} RSVPs (seeded in ${r.pact.seedSeconds.toFixed(1)} s). ` +
			`Load: autocannon, ${r.settings.connections} connections, ${r.settings.seconds} s per target after ${r.settings.warmupSeconds} s of warm-up, one target at a time. ` +
			`Server: ${r.pages.serverProcesses} process${r.pages.serverProcesses === 1 ? '' : 'es'}. ` +
			`Home page: ${kb(r.pages.homeBytes)} of HTML, ${kb(r.pages.homeSentBytes)} as sent (${r.pages.homeEncoding}); the framework floor's page: ${kb(r.pages.floorBytes)}.`,
	)
	out.push('')
	out.push('| what | req/s | p50 | p99 | errors | non-2xx | × framework floor¹ | issue 8 target | met |')
	out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |')
	for (const row of r.rows) {
		const f = row.figures
		if (!f) {
			out.push(`| ${row.label} | – | – | – | – | – | – | ${targetText(row)} | ${row.note ?? 'not measured'} |`)
			continue
		}
		const share = floor ? (f.reqPerSec / floor).toFixed(2) : '–'
		// Latencies cover answered requests only: none answered means each took longer than the run.
		const [p50, p99] =
			f.answered > 0 ? [`${f.p50} ms`, `${f.p99} ms`] : [`> ${r.settings.seconds} s`, `> ${r.settings.seconds} s`]
		out.push(
			`| ${row.label} | ${whole(f.reqPerSec)} | ${p50} | ${p99} | ${f.errors} | ${f.non2xx} | ${share} | ${targetText(row)} | ${targetMet(row, floor)} |`,
		)
	}
	out.push('')
	out.push(
		`¹ Against the higher of the two framework-floor runs${floor ? ` (${whole(floor)} req/s)` : ''}: a busy moment on a shared machine only ever lowers a floor.`,
	)
	out.push('')

	if (r.memory) {
		const m = r.memory
		out.push(
			`- **Server memory** after the page runs: ${whole(m.totalMb)} MB resident in ${m.processes} process${m.processes === 1 ? '' : 'es'} (largest ${whole(m.largestMb)} MB). Target ≤ 300 MB: ${verdict(m.totalMb <= 300)}.`,
		)
	}
	if (r.sign) {
		const s = r.sign
		out.push(
			`- **Signing**: ${whole(s.perSecond)} submissions/s (${r.settings.signClients} clients, distinct addresses and X-Forwarded-For, ${s.seconds.toFixed(1)} s; p50 ${whole(s.p50)} ms, p99 ${whole(s.p99)} ms; ${whole(s.ok)} accepted, ${whole(s.failed)} failed). ` +
				`Stored ${whole(s.stored)}, emails delivered ${whole(s.delivered)}${s.allDelivered ? ` (all within ${s.waitedSeconds.toFixed(1)} s)` : ` (**not all** after ${s.waitedSeconds.toFixed(0)} s)`}. Target ≥ 300/s, every one stored and delivered: ${verdict(s.perSecond >= 300 && s.failed === 0 && s.stored === s.ok && s.allDelivered)}.`,
		)
		for (const failure of s.failures)
			out.push(`  - failed: \`${failure.replace(/`/g, "'")}\` (by status: ${JSON.stringify(s.failuresByStatus)})`)
	}
	if (r.confirm) {
		const c = r.confirm
		out.push(
			`- **Confirming**: ${whole(c.perSecond)} confirmations/s (${r.settings.signClients} clients posting the emailed links, ${c.seconds.toFixed(1)} s; p50 ${whole(c.p50)} ms, p99 ${whole(c.p99)} ms). ` +
				`${whole(c.links)} links, ${whole(c.ok)} accepted, ${whole(c.failed)} failed; ${whole(c.confirmed)} signatures confirmed afterwards. Target ≥ 300/s, every one confirmed: ${verdict(c.perSecond >= 300 && c.failed === 0 && c.confirmed === c.links)}.`,
		)
		for (const failure of c.failures)
			out.push(`  - failed: \`${failure.replace(/`/g, "'")}\` (by status: ${JSON.stringify(c.failuresByStatus)})`)
	}
	const n = r.newsletter
	if (n.figures) {
		const f = n.figures
		out.push(
			`- **Newsletter** (\`scripts/bench/newsletter.ts\` on a copy of the same pact, its own process, after the server stopped): ${whole(f.recipients)} recipients queued in ${f.queueSeconds.toFixed(1)} s (target ≤ 10 s: ${verdict(f.queueSeconds <= 10)}); ` +
				`sending at ${f.rate} requests/s reached ${f.share} % of it over ${f.sendSeconds.toFixed(0)} s (${whole(f.sent)} messages; target ≥ 95 %: ${verdict(f.share >= 95)}); exactly once: ${f.exactlyOnce ? 'yes' : '**NO**'}; ` +
				`peak RSS ${whole(f.peakRssMb)} MB with the mock in the same process (target ≤ 300 MB: ${verdict(f.peakRssMb <= 300)}).`,
		)
	}
	if (n.lines.length > 0) {
		out.push('')
		out.push('```')
		out.push(...n.lines)
		out.push('```')
	}
	if (n.error) out.push(`- Newsletter benchmark failed: ${n.error}`)
	for (const problem of r.problems) out.push(`- Problem: ${problem}`)
	return out.join('\n')
}

/** The sections the results go in: `--write` on one engine replaces its own and keeps the other's. */
export const SQLITE_RUN = '## Latest run on SQLite'
export const POSTGRES_RUN = '## Latest run on PostgreSQL'

/**
 * docs/benchmarks.md: how to run it, what the rows mean, the targets, then the latest results on
 * SQLite and on PostgreSQL. `existing` is the file as it is: the other engine's section comes from it.
 */
export function renderDoc(r: Results, existing = ''): string {
	const postgresAt = existing.indexOf(`\n${POSTGRES_RUN}\n`)
	const run = (heading: string) => `${heading}\n\nCommand: \`${r.settings.command}\`\n\n${renderResults(r)}\n`
	if (r.database.engine === 'postgres') {
		const rest = postgresAt === -1 ? existing : existing.slice(0, postgresAt + 1)
		return `${(rest.trim() === '' ? docIntro() : rest).trimEnd()}\n\n${run(POSTGRES_RUN)}`
	}
	const postgresRun = postgresAt === -1 ? '' : `\n${existing.slice(postgresAt + 1)}`
	return `${docIntro()}${run(SQLITE_RUN)}${postgresRun}`
}

/** Everything above the results. */
export function docIntro(): string {
	return `# Benchmarks

Speed is measured by \`npm run bench\`, never by timed assertions in tests. One command prints one
table; \`npm run bench -- --write\` (or \`BENCH_WRITE=1\`) also writes it here. It takes three to
five minutes on a 2-core machine and sends traffic only to 127.0.0.1.

## What it does

1. Builds the app when the build is older than its sources (as \`npm start\` does), and the
   framework floor (\`scripts/bench/floor/\`).
2. Seeds a large pact into a database of its own, a temporary SQLite file or a new database on
   PostgreSQL (below), with \`scripts/bench/seed-large.ts\`: 100,000
   confirmed signatories with commitments from the catalogue, 1,000 events (70 % past, 30 % ahead,
   most with a capacity and a waitlist) and 200,000 RSVPs, with the kept counts, ladder steps,
   sent reminders and sent digests matching the rows.
3. Starts the production server as \`npm start\` serves it (\`node server.mjs\`, every core), then
   measures, one target at a time, with autocannon at 50 connections for 10 s after a 2 s warm-up
   and a browser's headers (\`accept: text/html\`, \`accept-encoding: br, gzip\`,
   \`accept-language: sv\`, a desktop Chrome user agent).
4. Posts the sign form from 20 clients for 10 s, each with its own address and
   \`X-Forwarded-For\`, waits for every confirmation email, then posts every emailed link.
5. Runs \`scripts/bench/newsletter.ts\` on a copy of the same pact against a local mock of Resend:
   queueing all 100,000 recipients, then sending for 30 s (the rate is measured while nearly every
   row is still due; \`npm run bench:newsletter\` alone sends them all).

Settings (environment): \`BENCH_DURATION\` (seconds per target, 10), \`BENCH_WARMUP\` (2),
\`BENCH_CONNECTIONS\` (50), \`BENCH_SIGNATURES\` (100000), \`BENCH_EVENTS\` (1000), \`BENCH_RSVPS\`
(200000), \`BENCH_SIGN_CLIENTS\` (20), \`BENCH_NEWSLETTER_SEND_SECONDS\` (30), \`BENCH_BUILD=1\` to
rebuild the app regardless (\`0\` to serve the build as it is), \`BENCH_KEEP_TMP=1\` to keep the database, mailbox and server logs;
\`WEB_CONCURRENCY\` reaches the server as it would from \`npm start\`. A quick look: \`BENCH_DURATION=3 BENCH_SIGNATURES=20000 npm run bench\`.
\`npm run bench:home\` and \`npm run bench:newsletter\` run their parts alone (on SQLite).

## On PostgreSQL

\`DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench\` runs the same benchmark
with the pact on that PostgreSQL server (issue 13). It creates a database of its own there
(\`klimatpakt_bench_…\`: the user must be allowed to create databases; the database the URL names
is only used to connect), migrates and seeds the same pact into it, serves it with the same server
(every web process with a pool of \`DATABASE_POOL_SIZE\` connections, 10 by default), gives the
newsletter benchmark a copy (\`CREATE DATABASE … TEMPLATE\`), and drops both at the end, also when
interrupted with Ctrl-C (a killed run leaves them: drop \`klimatpakt_bench_*\` by hand). The floors
read no data and are measured in every run, so the ratios compare across the two tables.
\`--write\` puts the table under "Latest run on PostgreSQL" and keeps the SQLite one, and the
other way round. A \`file:\` URL, or none, runs on SQLite in a temporary file; the file it names
is never opened. A server on the same machine shares its cores with the app and the load; the
line above each table says where it ran.

## What the rows mean

- **bare \`node:http\`**: one process answering every request with the exact bytes our server sent
  for the home page (compressed as it was sent). What this machine and autocannon can do at all.
- **framework floor**: a one-route React Router app (same package versions, a static page about
  as large as our home page, no database, no translations), built and served exactly the way we
  serve ours (\`node server.mjs\` with \`SERVER_BUILD_DIR\`). What React Router and our server
  cost before the app does anything. It is measured before and again after our pages, and every
  page's req/s is shown as a share of the higher of the two.
- **\`/healthz\`**: one database query, no page. **\`/login\`**: a page without data. **\`/\`**: the
  home page with the pact's counts. **\`/sign\`**: the sign form with the catalogue.
  **\`/events\`**: the first page of upcoming events (24) with their places left. **an event page**: an upcoming
  event with a full list and a waitlist.
- **req/s** is autocannon's average; **p50** and **p99** its latency percentiles; **errors** are
  connection errors and timeouts; **non-2xx** answers other than 2xx.

## Targets (issue 8)

- \`/login\` and \`/\` at ≥ 0.8 of the framework floor; \`/sign\`, \`/events\` and an event page at
  ≥ 0.5; every page p99 ≤ 100 ms at 50 connections; the home page ≥ 1,000 req/s.
- ≥ 300 sign-form submissions/s at 20 concurrent clients with distinct addresses, every one stored
  and its email delivered; the same for confirmations.
- Newsletter: 100,000 recipients queued in ≤ 10 s; ≥ 95 % of the configured rate at 10
  requests/s; peak RSS ≤ 300 MB.
- The web server's RSS (all its processes) ≤ 300 MB after the page benchmark.

The machine is often shared with other work, so figures move by 10–20 % between runs; the floors
are measured in the same run so that the ratios stay comparable.

## Where the time goes, and what is still missed

Measured with CPU profiles of one web process under load (\`node --cpu-prof\`), 2026-11-30:

- **Pages against the framework floor (0.18–0.49 of it).** The floor renders one static
  component: about 0.9 ms of CPU per request, most of it React Router's request handling, React's
  renderer and compression. \`/login\` costs about 1.9 ms: two loaders (the root's reads the
  session and language), the header, footer and language switcher, a Conform form and some forty
  translated strings; React Router's own share triples with a real route tree and loader data, and
  garbage collection takes five times the floor's. React Router also turns the whole route table
  into server routes for every render (\`ServerRouter\` calls \`createServerRoutes\`): 40 routes here,
  one in the floor. \`/sign\` and \`/events\` render 21 commitments or
  24 event cards: Conform's field metadata (\`getCollectionProps\`, about 17 % of \`/sign\`'s CPU) and
  React's work per element dominate; no single function stands out any more. Reaching 0.8 would
  take rendering less per request (caching whole pages for anonymous visitors, or a lighter form
  library on the sign page), not more tuning of what is there.
- **Issue 10 made every page heavier (latest run below).** Against the run after issue 8, the
  home page went from 1,018 to 693 req/s (0.44 → 0.34 of the floor), \`/login\` from 0.49 to 0.45,
  \`/sign\` from 0.18 to 0.17 and an event page from 0.39 to 0.38; signing went from 351 to 251
  submissions/s. This run's floor was also lower (2,020 against 2,339 req/s: a busier machine).
  Every page now carries a larger header (the phone menu, the coordinators' disclosure), seven
  footer links and Open Graph tags; the home page adds the newest first names (one indexed read
  of 30 rows) and a longer body. A CPU profile of the home page under load shows no single cause:
  compression 7 %, garbage collection 6 %, SQLite (executing and preparing statements) 5 %, the
  rest spread over React's renderer and React Router. \`/numbers\`, new in this run, reaches 0.24
  of the floor with its figures kept for a minute.
- **Issue 11 (the partner track, four languages) added to every page again.** The run after it
  (the latest, below): \`/login\` 0.38 of the floor (0.45 before), the home page 0.31 (0.34),
  \`/events\` 0.15 (0.19), an event page 0.33 (0.38), \`/numbers\` 0.22; signing 296/s. The header
  now has four language buttons and a partners link, the home page the newest stories and the
  award of the month (both kept a minute). Not yet profiled; the next place to look is the
  header and footer every page renders, and whole-page caching for visitors.
- **p99 ≤ 100 ms at 50 connections.** With the pages at 400–1,150 req/s, 50 connections
  queue: Little's law puts the mean latency at 50 / req/s (45 ms at 1,100, 125 ms at 400), and
  the tail at two to three times that. The target follows the throughput.
- **Memory (≈ 265 MB per web process after the run, 576 MB in three).** The live heap under load
  is about 30 MB (heap snapshots); the rest is V8 growing its heap to keep up with the allocation
  rate and keeping it. \`--max-old-space-size=96\` brings a process to about 180 MB and costs 10–20 %
  of the throughput; two web processes and the supervisor cannot fit in 300 MB at any setting we
  tried without losing much more. Operators short of memory can set \`WEB_CONCURRENCY=1\` or pass
  \`NODE_OPTIONS=--max-old-space-size=96\`.
- **Newsletter peak memory** (290–320 MB between runs, against 300) is measured while queueing and
  sending, with the Resend mock (which keeps every delivery to check "exactly once") in the same
  process.

`
}
