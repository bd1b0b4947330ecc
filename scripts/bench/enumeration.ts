// `npm run bench:enumeration`: does the time an answer takes tell whether an address is known?
// /login and /sign answer alike for known and unknown addresses (docs/decisions/0009, 0020); this
// times BENCH_REQUESTS (200) posts of each at both, known and unknown taking turns so that
// whatever else the machine does falls on both alike, and prints the median and the 90th
// percentile per kind. Each request has its own address and its own X-Forwarded-For (the server
// trusts it from loopback), so no rate limit answers instead of the code under test. It serves
// the production build the way `npm start` does, on a temporary database with 1,000 confirmed
// signatories (scripts/bench/seed-large.ts) whose addresses are the known ones.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildAppIfStale } from './build.ts'
import { clientAddress, request } from './load.ts'
import { freePort, startNode, stopAll, waitForOk } from './processes.ts'
import { SIGNATORY_DOMAIN, seedLargePact } from './seed-large.ts'
import { migrateToLatest, openDatabase } from '#db/index.ts'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200)
const WARMUP = 20

const log = (line: string) => process.stderr.write(`bench:enumeration ${line}\n`)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'klimatpakt-enumeration-'))

async function main() {
	buildAppIfStale(log)
	const dbFile = path.join(tmp, 'pact.db')
	const db = openDatabase(dbFile)
	await migrateToLatest(db)
	const known = REQUESTS * 2 + WARMUP * 2
	const { commitmentIds } = await seedLargePact(db, { signatures: known, events: 0, rsvps: 0 })
	await db.destroy()

	const port = await freePort()
	const base = `http://127.0.0.1:${port}`
	const { RESEND_API_KEY: _key, SEED_DEMO: _demo, ...env } = process.env
	const server = startNode('server', ['server.mjs'], {
		env: {
			...env,
			NODE_ENV: 'production',
			PORT: String(port),
			APP_URL: base,
			DATABASE_URL: `file:${dbFile}`,
			MAIL_DIR: path.join(tmp, 'mail'),
			TRUST_PROXY: 'loopback',
		},
		log: path.join(tmp, 'server.log'),
	})
	await waitForOk(`${base}/healthz`, server)
	log(`serving ${base} with ${known} known addresses; ${REQUESTS} requests per kind and form`)

	let n = 0
	const post = async (pathname: string, fields: URLSearchParams) => {
		const started = performance.now()
		const response = await request(`${base}${pathname}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: base,
				'x-forwarded-for': clientAddress(n++),
			},
			body: fields.toString(),
		})
		const ms = performance.now() - started
		if (response.status !== 302) throw new Error(`${pathname} answered ${response.status}`)
		return ms
	}
	const signForm = (email: string) => {
		const form = new URLSearchParams({ name: 'Bänk Testsson', email, livesInMunicipality: 'yes', consent: 'on' })
		form.append('commitmentIds', String(commitmentIds[0]))
		return form
	}
	const forms = {
		'/login': (email: string) => new URLSearchParams({ email }),
		'/sign': signForm,
	}

	// Known addresses are the seeded signatories, each used once; unknown ones were never seen.
	let nextKnown = 0
	const knownAddress = () => `signatory-${nextKnown++}@${SIGNATORY_DOMAIN}`
	const unknownAddress = (i: number, form: string) => `nobody-${form.slice(1)}-${i}@unknown.bench.example`
	const rows: string[] = []
	for (const [pathname, fields] of Object.entries(forms)) {
		const times = { known: [] as number[], unknown: [] as number[] }
		for (let i = -WARMUP; i < REQUESTS; i++) {
			const knownMs = await post(pathname, fields(knownAddress()))
			const unknownMs = await post(pathname, fields(unknownAddress(i + WARMUP, pathname)))
			if (i < 0) continue
			times.known.push(knownMs)
			times.unknown.push(unknownMs)
		}
		for (const kind of ['known', 'unknown'] as const)
			rows.push(
				`${`POST ${pathname}`.padEnd(12)} ${kind.padEnd(8)} median ${percentile(times[kind], 50).toFixed(1).padStart(6)} ms   p90 ${percentile(times[kind], 90).toFixed(1).padStart(6)} ms`,
			)
	}
	console.log(rows.join('\n'))
}

function percentile(values: number[], p: number): number {
	const sorted = values.toSorted((a, b) => a - b)
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

try {
	await main()
} finally {
	await stopAll()
	fs.rmSync(tmp, { recursive: true, force: true })
}
