// `npm run bench:newsletter`: one newsletter to 100,000 recipients against a local mock of
// Resend's batch endpoint (tests/mocks/resend-server.ts, over real HTTP). Measures the time to
// queue every recipient's outbox row, the per-recipient fill-in rate (messages/s) next to what
// rendering each message with react-email would manage, the sending rate as a share of the
// configured provider rate, and the process's peak memory. Settings (environment):
//   BENCH_RECIPIENTS (100000), RESEND_RATE_PER_SECOND (10 here; 2 is Resend's default: 500 s),
//   BENCH_LATENCY_MS (the mock's answer time, 50).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000)
const RATE = Number(process.env.RESEND_RATE_PER_SECOND ?? 10)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-bench-newsletter-'))
process.env.DATABASE_URL = `file:${path.join(dir, 'bench.db')}`

const { getDb, migrateToLatest } = await import('#db/index.ts')
const { createNewsletter, renderNewsletter, runNewsletters, saveNewsletter, scheduleNewsletter } = await import('#app/newsletters/campaigns.server.ts')
const { deliverDueEmails, TemplateCache, toOutgoingEmail } = await import('#app/mail/outbox.server.ts')
const { resendTransport } = await import('#app/mail/transports/resend.server.ts')
const { fillPlaceholders } = await import('#app/mail/placeholders.ts')
const { addSignatories } = await import('#app/newsletters/testing.ts')
const { startResendServer } = await import('#tests/mocks/resend-server.ts')

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

console.log(`bench:newsletter: ${RECIPIENTS.toLocaleString('en')} recipients, provider rate ${RATE}/s, mock latency ${LATENCY_MS} ms`)
let t = performance.now()
await addSignatories(db, Math.round(RECIPIENTS * 0.8), { language: 'sv', emailPrefix: 'sv' })
await addSignatories(db, RECIPIENTS - Math.round(RECIPIENTS * 0.8), { language: 'en', emailPrefix: 'en' })
console.log(`  loaded people in ${seconds(performance.now() - t)} s`)

const body = `## Nu är vi ${RECIPIENTS.toLocaleString('sv')}!\n\nTack för att du är med. Kom på **klimatfika** i vår – [se alla evenemang](https://klimatpakt.example/events).\n\n![Cyklar vid stationen](https://klimatpakt.example/images/cyklar.jpg)\n\n- Cykelkök varje tisdag\n- Klädbyte i maj\n- Solcellsvisning i juni\n\n${'Ett stycke text om vad som händer i kommunen och hur det går med målen. '.repeat(8)}`
const id = await createNewsletter(db, 1, 'Benchmark')
await saveNewsletter(db, id, {
	title: 'Benchmark',
	versions: { sv: { subject: 'Vårbrevet', preheader: 'Nytt i vår', body }, en: { subject: 'The spring letter', preheader: 'New this spring', body } },
	segment: { steps: [], districts: [], residency: 'all' },
})
await scheduleNewsletter(db, id, new Date())

// 1. Queueing: render once per language, write every recipient's row, release them together.
t = performance.now()
await runNewsletters(db)
const queueMs = performance.now() - t
const queued = Number((await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'queued').executeTakeFirstOrThrow()).n)
const size = fs.statSync(path.join(dir, 'bench.db')).size + (fs.existsSync(path.join(dir, 'bench.db-wal')) ? fs.statSync(path.join(dir, 'bench.db-wal')).size : 0)
console.log(`  queue: ${queued.toLocaleString('en')} rows in ${seconds(queueMs)} s (${perSecond(queued, queueMs)} rows/s); database ${Math.round(size / 1e6)} MB`)

// 2. Rendering: filling in each recipient's message from the one rendered template, against
// rendering each message with react-email (what the outbox would otherwise do per recipient).
const rows = await db.selectFrom('outbox').selectAll().where('newsletter_id', '=', id).limit(20_000).execute()
const templates = new TemplateCache(db)
t = performance.now()
let bytes = 0
for (const row of rows) bytes += (await toOutgoingEmail(row, templates)).html.length
const fillMs = performance.now() - t
const version = (await db.selectFrom('newsletter_version').selectAll().where('newsletter_id', '=', id).where('language', '=', 'sv').executeTakeFirstOrThrow())
const REACT_RENDERS = 200
t = performance.now()
for (let i = 0; i < REACT_RENDERS; i++) {
	const rendered = await renderNewsletter(version)
	fillPlaceholders(rendered.html, { name: `P${i}`, unsubscribeUrl: 'u', preferencesUrl: 'p' }, 'html')
}
const reactMs = performance.now() - t
console.log(`  render: ${perSecond(rows.length, fillMs)} messages/s filled in from the template (${Math.round(bytes / rows.length / 1024)} KB each) vs ${perSecond(REACT_RENDERS, reactMs)} messages/s rendering each with react-email`)

// 3. Sending: batches of 100 at the configured rate, as the worker does.
const transport = resendTransport({ apiKey: 're_bench', from: 'Klimatpakt <hej@klimatpakt.example>', requestsPerSecond: RATE, baseUrl: mock.url })
t = performance.now()
for (;;) {
	await deliverDueEmails(db, transport)
	const left = await db.selectFrom('outbox').select('id').where('status', 'in', ['queued', 'sending']).limit(1).executeTakeFirst()
	if (!left) break
}
const sendMs = performance.now() - t
const requests = mock.requests.filter((r) => r.status === 200).length
const achieved = requests / (sendMs / 1000)
const exactlyOnce = mock.deliveries.size === RECIPIENTS && [...mock.deliveries.values()].every((n) => n === 1)
console.log(
	`  send: ${mock.deliveries.size.toLocaleString('en')} messages in ${requests} requests in ${seconds(sendMs)} s: ${perSecond(mock.deliveries.size, sendMs)} messages/s, ${achieved.toFixed(2)} requests/s = ${Math.round((achieved / RATE) * 100)} % of the configured ${RATE}/s; exactly once: ${exactlyOnce ? 'yes' : 'NO'}`,
)
clearInterval(sampler)
console.log(`  peak memory: ${Math.round(peakRss / 1e6)} MB resident, ${Math.round(peakHeap / 1e6)} MB heap (the mock runs in the same process)`)

await mock.close()
await db.destroy()
fs.rmSync(dir, { recursive: true, force: true })
if (!exactlyOnce) process.exit(1)
