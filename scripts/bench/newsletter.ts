// `npm run bench:newsletter`: one newsletter to 100,000 recipients against a local mock of
// Resend's batch endpoint (tests/mocks/resend-server.ts, over real HTTP). Measures the time to
// queue every recipient's outbox row, the per-recipient fill-in rate (messages/s) next to what
// rendering each message with react-email would manage, the sending rate as a share of the
// configured provider rate, and the process's peak memory. Settings (environment):
//   BENCH_RECIPIENTS (100000), RESEND_RATE_PER_SECOND (10 here; 2 is Resend's default: 500 s),
//   BENCH_LATENCY_MS (the mock's answer time, 50).
// `npm run bench` runs it too, with:
//   BENCH_DATABASE: a copy of the large pact it seeded (scripts/bench/seed-large.ts), used instead
//     of seeding here; every signatory there said yes to newsletters, so all are recipients. A
//     file: URL is copied again here; a postgres:// URL is used as it is (the bench drops it);
//   BENCH_SEND_SECONDS: stop sending after the delivery run that passes this many seconds (a run
//     lasts at most 30 s). The rate is measured at the start, with the most rows due: the
//     claim's hardest part;
//   BENCH_JSON=1: a last line `BENCH_JSON {...}` with the figures.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000)
const RATE = Number(process.env.RESEND_RATE_PER_SECOND ?? 10)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)
const SEND_SECONDS = Number(process.env.BENCH_SEND_SECONDS ?? Infinity)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-bench-newsletter-'))
const dbFile = path.join(dir, 'bench.db')
const given = process.env.BENCH_DATABASE
const { databasePath, getDb, isPostgresUrl, migrateToLatest } = await import('#db/index.ts')
const postgresUrl = given && isPostgresUrl(given) ? given : undefined
if (given && !postgresUrl) fs.copyFileSync(databasePath(given), dbFile)
process.env.DATABASE_URL = postgresUrl ?? `file:${dbFile}`

const { createNewsletter, saveNewsletter, scheduleNewsletter } = await import('#app/newsletters/campaigns.server.ts')
const { renderNewsletter } = await import('#app/newsletters/rendering.server.ts')
const { runNewsletters } = await import('#app/newsletters/queueing.server.ts')
const { deliverDueEmails, TemplateCache, toOutgoingEmail } = await import('#app/mail/outbox.server.ts')
const { resendTransport } = await import('#app/mail/transports/resend.server.ts')
const { fillPlaceholders } = await import('#app/mail/placeholders.ts')
const { seedLargePact } = await import('./seed-large.ts')
const { startResendServer } = await import('#tests/mocks/resend-server.ts')

/** The process's peak resident memory so far, as Linux counts it (0 elsewhere). */
function vmHwm(): number {
	try {
		const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1]
		return kb ? Number(kb) * 1024 : 0
	} catch {
		return 0
	}
}

let peakRss = 0
let peakHeap = 0
const sampler = setInterval(() => {
	const usage = process.memoryUsage()
	peakRss = Math.max(peakRss, usage.rss)
	peakHeap = Math.max(peakHeap, usage.heapUsed)
}, 50)

const db = getDb()
await migrateToLatest(db)
const mock = await startResendServer({ latencyMs: LATENCY_MS, lean: true })
const seconds = (ms: number) => (ms / 1000).toFixed(1)
const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en')

let t = performance.now()
if (!process.env.BENCH_DATABASE) {
	// 80 % Swedish, 20 % English, all with newsletters on: the shared large pact, without events.
	await seedLargePact(db, { signatures: RECIPIENTS, events: 0, rsvps: 0 })
	console.log(`  loaded people in ${seconds(performance.now() - t)} s`)
}

const body = `## Nu är vi ${RECIPIENTS.toLocaleString('sv')}!\n\nTack för att du är med. Kom på **klimatfika** i vår – [se alla evenemang](https://klimatpakt.example/events).\n\n![Cyklar vid stationen](https://klimatpakt.example/images/cyklar.jpg)\n\n- Cykelkök varje tisdag\n- Klädbyte i maj\n- Solcellsvisning i juni\n\n${'Ett stycke text om vad som händer i kommunen och hur det går med målen. '.repeat(8)}`
const id = await createNewsletter(db, 1, 'Benchmark')
await saveNewsletter(db, id, {
	title: 'Benchmark',
	versions: {
		sv: { subject: 'Vårbrevet', preheader: 'Nytt i vår', body },
		en: { subject: 'The spring letter', preheader: 'New this spring', body },
	},
	segment: { steps: [], districts: [], residency: 'all' },
})
await scheduleNewsletter(db, id, new Date())

// From here on the figures are the app's: forget the peak that loading the pact made (Linux).
try {
	fs.writeFileSync('/proc/self/clear_refs', '5')
} catch {
	// Not Linux: the peak then includes loading the pact.
}
peakRss = 0

// 1. Queueing: render once per language, write every recipient's row, release them together.
t = performance.now()
await runNewsletters(db)
const queueMs = performance.now() - t
const queued = Number(
	(
		await db
			.selectFrom('outbox')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'queued')
			.executeTakeFirstOrThrow()
	).n,
)
console.log(
	`bench:newsletter: ${queued.toLocaleString('en')} recipients, provider rate ${RATE}/s, mock latency ${LATENCY_MS} ms`,
)
const size = postgresUrl
	? Number((await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(db)).rows[0]!.n)
	: fs.statSync(dbFile).size + (fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0)
console.log(
	`  queue: ${queued.toLocaleString('en')} rows in ${seconds(queueMs)} s (${perSecond(queued, queueMs)} rows/s); database ${Math.round(size / 1e6)} MB`,
)

// 3. Sending: batches of 100 at the configured rate, as the worker does.
const transport = resendTransport({
	apiKey: 're_bench',
	from: 'Klimatpakt <hej@klimatpakt.example>',
	requestsPerSecond: RATE,
	baseUrl: mock.url,
})
t = performance.now()
let finished = false
for (;;) {
	await deliverDueEmails(db, transport)
	const left = await db
		.selectFrom('outbox')
		.select('id')
		.where('status', 'in', ['queued', 'sending'])
		.limit(1)
		.executeTakeFirst()
	finished = !left
	if (finished || performance.now() - t >= SEND_SECONDS * 1000) break
}
const sendMs = performance.now() - t
const requests = mock.requests.filter((r) => r.status === 200).length
const achieved = requests / (sendMs / 1000)
const sent = Number(
	(
		await db
			.selectFrom('outbox')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'sent')
			.executeTakeFirstOrThrow()
	).n,
)
// Every message the mock received arrived once, and it received exactly what the outbox marked sent
// (when sending was cut short, the rest are still due: nothing lost, nothing doubled).
const exactlyOnce =
	mock.deliveries.size === sent && (!finished || sent === queued) && [...mock.deliveries.values()].every((n) => n === 1)
const share = Math.round((achieved / RATE) * 100)
console.log(
	`  send: ${mock.deliveries.size.toLocaleString('en')}${finished ? '' : ` of ${queued.toLocaleString('en')} (stopped after ${SEND_SECONDS} s)`} messages in ${requests} requests in ${seconds(sendMs)} s: ${perSecond(mock.deliveries.size, sendMs)} messages/s, ${achieved.toFixed(2)} requests/s = ${share} % of the configured ${RATE}/s; exactly once: ${exactlyOnce ? 'yes' : 'NO'}`,
)
// The peak so far is the app's work (queueing and sending); the comparison below loads 2,000
// rows at once, which no part of the app does, so its memory is not counted.
clearInterval(sampler)
const peakRssApp = Math.max(peakRss, vmHwm())

// 2. Rendering: filling in each recipient's message from the one rendered template, against
// rendering each message with react-email (what the outbox would otherwise do per recipient).
const rows = await db.selectFrom('outbox').selectAll().where('newsletter_id', '=', id).limit(2_000).execute()
const templates = new TemplateCache(db)
t = performance.now()
let bytes = 0
for (const row of rows) bytes += (await toOutgoingEmail(row, templates)).html.length
const fillMs = performance.now() - t
const version = await db
	.selectFrom('newsletter_version')
	.selectAll()
	.where('newsletter_id', '=', id)
	.where('language', '=', 'sv')
	.executeTakeFirstOrThrow()
const REACT_RENDERS = 200
t = performance.now()
for (let i = 0; i < REACT_RENDERS; i++) {
	const rendered = await renderNewsletter(version)
	fillPlaceholders(rendered.html, { name: `P${i}`, unsubscribeUrl: 'u', preferencesUrl: 'p' }, 'html')
}
const reactMs = performance.now() - t
console.log(
	`  render: ${perSecond(rows.length, fillMs)} messages/s filled in from the template (${Math.round(bytes / rows.length / 1024)} KB each) vs ${perSecond(REACT_RENDERS, reactMs)} messages/s rendering each with react-email`,
)

console.log(
	`  peak memory while queueing and sending: ${Math.round(peakRssApp / 1e6)} MB resident, ${Math.round(peakHeap / 1e6)} MB heap (the mock runs in the same process)`,
)
if (process.env.BENCH_JSON === '1') {
	const figures = {
		recipients: queued,
		queueSeconds: queueMs / 1000,
		sent: mock.deliveries.size,
		sendSeconds: sendMs / 1000,
		requestsPerSecond: achieved,
		rate: RATE,
		share,
		exactlyOnce,
		peakRssMb: peakRssApp / 1e6,
	}
	console.log(`BENCH_JSON ${JSON.stringify(figures)}`)
}

await mock.close()
await db.destroy()
fs.rmSync(dir, { recursive: true, force: true })
if (!exactlyOnce) process.exit(1)
