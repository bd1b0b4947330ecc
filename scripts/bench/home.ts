// `npm run bench:home`: what the home page's numbers cost with a large pact. Loads 100,000
// confirmed signatures with commitments into a temporary database, then times the home page's
// numbers (kept counts, docs/decisions/0007) against counting over every row, which is what the
// page would do without them. Prints milliseconds per request and requests per second.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const SIGNATURES = Number(process.env.BENCH_SIGNATURES ?? 100_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-bench-'))
process.env.DATABASE_URL = `file:${path.join(dir, 'bench.db')}`

const { getDb, migrateToLatest } = await import('#db/index.ts')
const { countFromRows, readPactCounts, recountPact } = await import('#app/pledge/counts.server.ts')
const { mostChosenCommitments } = await import('#app/pledge/catalogue.server.ts')

const db = getDb()
await migrateToLatest(db)

const started = performance.now()
const now = new Date().toISOString()
const commitmentIds: number[] = []
for (let i = 0; i < 20; i++) {
	const row = await db
		.insertInto('commitment')
		.values({ category: 'transport', title_sv: `Åtagande ${i}`, title_en: `Commitment ${i}`, kg_co2e_per_year: 100, source: null, created_at: now, retired_at: null })
		.returning('id')
		.executeTakeFirstOrThrow()
	commitmentIds.push(row.id)
}
const BATCH = 500
for (let start = 0; start < SIGNATURES; start += BATCH) {
	await db.transaction().execute(async (trx) => {
		const users = await trx
			.insertInto('user')
			.values(Array.from({ length: Math.min(BATCH, SIGNATURES - start) }, (_, i) => ({ email: `p${start + i}@bench.example`, name: `P ${start + i}`, language: 'sv' as const })))
			.returning('id')
			.execute()
		const signatures = await trx
			.insertInto('signature')
			.values(
				users.map((u, i) => ({
					user_id: u.id,
					status: 'confirmed' as const,
					lives_in_municipality: ((start + i) % 8 === 0 ? 0 : 1) as 0 | 1,
					district: null,
					show_first_name: 0 as const,
					newsletter_consent: 0 as const,
					consent_version: 'bench',
					consent_at: now,
					confirmed_at: now,
					withdrawn_at: null,
					newsletter_consent_at: null,
					created_at: now,
					updated_at: now,
				})),
			)
			.returning('id')
			.execute()
		await trx
			.insertInto('pledge_commitment')
			.values(signatures.flatMap((s, i) => [0, 7].map((k) => ({ signature_id: s.id, commitment_id: commitmentIds[(i + k) % commitmentIds.length]!, own_words: null, progress: 'chosen' as const, added_at: now, updated_at: now }))))
			.execute()
	})
}
await recountPact(db)
console.log(`loaded ${SIGNATURES.toLocaleString('en')} confirmed signatures in ${((performance.now() - started) / 1000).toFixed(1)} s`)

async function time(label: string, run: () => Promise<unknown>) {
	for (let i = 0; i < 50; i++) await run() // warm up
	const t0 = performance.now()
	for (let i = 0; i < REQUESTS; i++) await run()
	const ms = (performance.now() - t0) / REQUESTS
	console.log(`${label.padEnd(44)} ${ms.toFixed(3)} ms/request  ${Math.round(1000 / ms).toLocaleString('en')} requests/s`)
}

// The two reads the home page's loader makes (app/routes/home.tsx), against a full recount.
await time("home page's numbers (kept counts)", () => Promise.all([readPactCounts(db), mostChosenCommitments(db, 5)]))
await time('the same by counting every row', () => countFromRows(db))
console.log(`peak memory (rss): ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MiB`)

await db.destroy()
fs.rmSync(dir, { recursive: true, force: true })
