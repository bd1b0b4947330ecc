// `npm run bench:home`: what the home page's numbers cost with a large pact. Loads 100,000
// confirmed signatures with commitments into a temporary database (scripts/bench/seed-large.ts,
// the pact `npm run bench` uses, without its events), then times the home page's numbers (kept
// counts, docs/decisions/0007) against counting over every row, which is what the page would do
// without them. Prints milliseconds per request and requests per second.
// Settings (environment): BENCH_SIGNATURES (100000), BENCH_REQUESTS (2000 for the kept counts;
// a twentieth of that, at least 10, for counting every row, which takes about a quarter second each).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-bench-'))
process.env.DATABASE_URL = `file:${path.join(dir, 'bench.db')}`

const { getDb, migrateToLatest } = await import('#db/index.ts')
const { countFromRows, readPactCounts } = await import('#app/pledge/counts.server.ts')
const { mostChosenCommitments } = await import('#app/pledge/catalogue.server.ts')
const { newestShownFirstNames } = await import('#app/pledge/shown-names.server.ts')
const { pactSizeFromEnv, seedLargePact } = await import('./seed-large.ts')

const db = getDb()
await migrateToLatest(db)

const { signatures, seconds } = await seedLargePact(db, { ...pactSizeFromEnv(), events: 0, rsvps: 0 })
console.log(`loaded ${signatures.toLocaleString('en')} confirmed signatures in ${seconds.toFixed(1)} s`)

async function time(label: string, requests: number, run: () => Promise<unknown>) {
	for (let i = 0; i < Math.min(50, requests); i++) await run() // warm up
	const t0 = performance.now()
	for (let i = 0; i < requests; i++) await run()
	const ms = (performance.now() - t0) / requests
	console.log(
		`${label.padEnd(44)} ${ms.toFixed(3)} ms/request  ${Math.round(1000 / ms).toLocaleString('en')} requests/s`,
	)
}

// The two reads the home page's loader makes (app/routes/home.tsx), against a full recount.
await time("home page's numbers (kept counts)", REQUESTS, () =>
	Promise.all([readPactCounts(db), mostChosenCommitments(db, 5)]),
)
await time("home page's reads with the first names", REQUESTS, () =>
	Promise.all([readPactCounts(db), mostChosenCommitments(db, 5), newestShownFirstNames(db, 30)]),
)
await time('the same by counting every row', Math.max(10, Math.round(REQUESTS / 20)), () => countFromRows(db))
console.log(`peak memory (rss): ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MiB`)

await db.destroy()
fs.rmSync(dir, { recursive: true, force: true })
